import { addWallPolyline } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { distance } from '../geometry.ts';
import type { KeyInput, PointerInput, Tool } from '../tool.ts';
import { PolylineDraft } from './polyline-draft.ts';

/**
 * Click-to-click wall polylines: each click adds a vertex (snapped to wall ends and midpoints, plan lines, and to
 * 0/45/90° with Shift); Enter or a double-click ends the run as one undo step; Backspace removes the last vertex;
 * Escape drops the run.
 */
export class WallTool implements Tool {
  readonly id = 'wall' as const;
  private readonly draft: PolylineDraft;

  constructor(private readonly editor: Editor) {
    this.draft = new PolylineDraft(editor);
  }

  get stateName() {
    return this.draft.active ? 'drawing' : 'idle';
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

  private finish(): void {
    const points = this.draft.points;
    if (points.length >= 2) {
      const action = addWallPolyline(this.editor.levelId, points, this.editor.materialId, this.editor.options.ids, t('editor.actions.addWalls', { count: points.length - 1 }));
      this.editor.apply(action);
    }
    this.cancel();
  }

  private show(): void {
    const { points, cursor } = this.draft;
    const last = points.at(-1);
    this.editor.setOverlay({
      polyline: points.length > 0 ? { points: cursor ? [...points, cursor.point] : points, closed: false } : null,
      snap: cursor?.kind ? { point: cursor.point, kind: cursor.kind } : null,
      lengthM: last && cursor ? distance(last, cursor.point) : null,
    });
  }
}
