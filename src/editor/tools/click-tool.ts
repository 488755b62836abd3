import type { PointerInput, Tool, ToolId } from '../tool.ts';

/** Tools that act on a single click and have no state to track (AP, source, survey point, hand). */
export abstract class ClickTool implements Tool {
  abstract readonly id: ToolId;
  readonly stateName = 'idle';

  abstract down(input: PointerInput): void;
  move(): void {}
  up(): void {}
  doubleClick(): void {}
  key(): boolean {
    return false;
  }
  cancel(): void {}
}
