import { addWallPolyline } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import { DraftingTool } from './drafting-tool.ts';

/**
 * Click-to-click wall polylines: each click adds a vertex (snapped to wall ends and midpoints, plan lines, and to
 * 0/45/90° with Shift); Enter or a double-click ends the run as one undo step.
 */
export class WallTool extends DraftingTool {
  readonly id = 'wall' as const;

  protected finish(): void {
    const points = this.draft.points;
    if (points.length >= 2) {
      const action = addWallPolyline(this.editor.levelId, points, this.editor.materialId, this.editor.options.ids, t('editor.actions.addWalls', { count: points.length - 1 }));
      this.editor.apply(action);
    }
    this.cancel();
  }
}
