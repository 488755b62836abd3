import { addAccessPoint } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { newAccessPoint } from '../new-access-point.ts';
import type { PointerInput, Tool } from '../tool.ts';

/** Each click places an AP of the chosen model and selects it (drag it afterwards with the select tool). */
export class ApTool implements Tool {
  readonly id = 'ap' as const;
  readonly stateName = 'idle';

  constructor(private readonly editor: Editor) {}

  down(input: PointerInput): void {
    const document = this.editor.document;
    const ap = newAccessPoint(document, this.editor.levelId, input.point, this.editor.options.ids(), this.editor.state.getState().apModelId ?? undefined);
    this.editor.apply(addAccessPoint(ap, t('editor.actions.addAp', { name: ap.name })));
    this.editor.select([ap.id]);
  }

  move(): void {}
  up(): void {}
  doubleClick(): void {}
  key(): boolean {
    return false;
  }
  cancel(): void {}
}
