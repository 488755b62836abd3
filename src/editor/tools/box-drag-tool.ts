import type { Editor } from '../editor.ts';
import { boxFromCorners, distance, type Box, type Point } from '../geometry.ts';
import type { KeyInput, PointerInput, Tool, ToolId } from '../tool.ts';

/** Tools that act on a box dragged over the plan (crop, accept proposed walls): press, drag, release. */
export abstract class BoxDragTool implements Tool {
  abstract readonly id: ToolId;
  private start: Point | null = null;

  constructor(protected readonly editor: Editor) {}

  get stateName() {
    return this.start ? 'boxing' : 'idle';
  }

  /** Called with the released box (boxes smaller than a few pixels are ignored as stray clicks). */
  protected abstract onBox(box: Box): void;

  down(input: PointerInput): void {
    this.start = input.point;
  }

  move(input: PointerInput): void {
    if (this.start) this.editor.setOverlay({ box: boxFromCorners(this.start, input.point) });
  }

  up(input: PointerInput): void {
    const start = this.start;
    this.cancel();
    if (start && distance(start, input.point) >= 4 * input.toleranceM) this.onBox(boxFromCorners(start, input.point));
  }

  doubleClick(): void {}

  key({ key }: KeyInput): boolean {
    if (key !== 'Escape' || !this.start) return false;
    this.cancel();
    return true;
  }

  cancel(): void {
    this.start = null;
    this.editor.setOverlay({ box: null });
  }
}
