import { DraftingTool } from './drafting-tool.ts';

/** The client walk: draw the path a user walks (click to click, Enter or double-click to end); the panel shows the walk. */
export class WalkTool extends DraftingTool {
  readonly id = 'walk' as const;

  protected finish(): void {
    const points = this.draft.points;
    if (points.length >= 2) this.editor.state.setState({ walkPath: [...points] });
    this.cancel();
  }
}
