import { addAccessPoint } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { newAccessPoint } from '../new-access-point.ts';
import type { PointerInput } from '../tool.ts';
import { ClickTool } from './click-tool.ts';

/** Each click places an AP of the chosen model and selects it (drag it afterwards with the select tool). */
export class ApTool extends ClickTool {
  readonly id = 'ap' as const;

  constructor(private readonly editor: Editor) {
    super();
  }

  down(input: PointerInput): void {
    const document = this.editor.document;
    const ap = newAccessPoint(document, this.editor.levelId, input.point, this.editor.options.ids(), this.editor.state.getState().apModelId ?? undefined);
    this.editor.apply(addAccessPoint(ap, t('editor.actions.addAp', { name: ap.name })));
    this.editor.select([ap.id]);
  }
}
