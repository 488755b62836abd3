import { formatNumber, t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { boxFromCorners, distance, type Point } from '../geometry.ts';
import type { KeyInput, PointerInput, Tool } from '../tool.ts';

/** Draw a box around some of the proposed walls: those entirely inside are accepted, the others stay proposed. */
export class SuggestionBoxTool implements Tool {
  readonly id = 'suggestion-box' as const;
  private start: Point | null = null;

  constructor(private readonly editor: Editor) {}

  get stateName() {
    return this.start ? 'boxing' : 'idle';
  }

  down(input: PointerInput): void {
    this.start = input.point;
  }

  move(input: PointerInput): void {
    if (this.start) this.editor.setOverlay({ box: boxFromCorners(this.start, input.point) });
  }

  up(input: PointerInput): void {
    const start = this.start;
    this.cancel();
    if (!start || distance(start, input.point) < 4 * input.toleranceM) return;
    const { proposed, kept } = this.editor.acceptSuggestions(boxFromCorners(start, input.point), true);
    this.editor.notify('info', t('editor.suggest.outcomeBox', { kept: formatNumber(kept), left: formatNumber(proposed - kept) }));
    if (!this.editor.state.getState().suggestions?.length) this.editor.setTool('select');
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
