import { formatNumber, t } from '../../i18n/index.ts';
import type { Box } from '../geometry.ts';
import { BoxDragTool } from './box-drag-tool.ts';

/** Draw a box around some of the proposed walls: those entirely inside are accepted, the others stay proposed. */
export class SuggestionBoxTool extends BoxDragTool {
  readonly id = 'suggestion-box' as const;

  protected onBox(box: Box): void {
    const { proposed, kept } = this.editor.acceptSuggestions(box, true);
    this.editor.notify('info', t('editor.suggest.outcomeBox', { kept: formatNumber(kept), left: formatNumber(proposed - kept) }));
    if (!this.editor.state.getState().suggestions?.length) this.editor.setTool('select');
  }
}
