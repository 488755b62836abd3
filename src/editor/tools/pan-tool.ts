import { ClickTool } from './click-tool.ts';

/** The hand: the canvas pans the view itself; the document is never touched. */
export class PanTool extends ClickTool {
  readonly id = 'pan' as const;
  down(): void {}
}
