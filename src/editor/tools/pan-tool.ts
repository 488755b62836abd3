import type { Tool } from '../tool.ts';

/** The hand: the canvas pans the view itself; the document is never touched. */
export class PanTool implements Tool {
  readonly id = 'pan' as const;
  readonly stateName = 'idle';
  down(): void {}
  move(): void {}
  up(): void {}
  doubleClick(): void {}
  key(): boolean {
    return false;
  }
  cancel(): void {}
}
