import type { Editor } from '../editor.ts';
import { distance } from '../geometry.ts';
import type { KeyInput, PointerInput, Tool, ToolId } from '../tool.ts';
import { PolylineDraft } from './polyline-draft.ts';

/**
 * What the wall and area tools share: clicks add snapped vertices, the pointer previews the next one, Enter or a
 * double-click finishes, Backspace removes the last vertex, Escape drops the drawing.
 */
export abstract class DraftingTool implements Tool {
  abstract readonly id: ToolId;
  protected readonly draft: PolylineDraft;

  constructor(protected readonly editor: Editor) {
    this.draft = new PolylineDraft(editor);
  }

  get stateName() {
    return this.draft.active ? 'drawing' : 'idle';
  }

  protected abstract finish(): void;

  /** The open polyline being drawn, the snap marker and the live length (areas show more). */
  protected show(): void {
    const { points, cursor } = this.draft;
    const last = points.at(-1);
    this.editor.setOverlay({
      polyline: points.length > 0 ? { points: cursor ? [...points, cursor.point] : points, closed: false } : null,
      snap: cursor?.kind ? { point: cursor.point, kind: cursor.kind } : null,
      lengthM: last && cursor ? distance(last, cursor.point) : null,
    });
  }

  down(input: PointerInput): void {
    this.draft.add(input);
    this.show();
  }

  move(input: PointerInput): void {
    this.draft.track(input);
    this.show();
  }

  up(): void {}

  doubleClick(): void {
    this.finish();
  }

  key({ key }: KeyInput): boolean {
    if (!this.draft.active) return false;
    if (key === 'Enter') this.finish();
    else if (key === 'Escape') this.cancel();
    else if (key === 'Backspace') {
      this.draft.removeLast();
      this.show();
    } else return false;
    return true;
  }

  cancel(): void {
    this.draft.reset();
    this.editor.clearOverlay();
  }
}
