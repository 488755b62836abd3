import { t } from '../../i18n/index.ts';
import type { Editor } from '../editor.ts';
import { newSource } from '../new-source.ts';
import type { PointerInput } from '../tool.ts';
import { ClickTool } from './click-tool.ts';

/** Places a non-Wi-Fi source of the chosen kind (microwave oven, Bluetooth, video sender…) with typical values. */
export class SourceTool extends ClickTool {
  readonly id = 'source' as const;

  constructor(private readonly editor: Editor) {
    super();
  }

  down(input: PointerInput): void {
    const kind = this.editor.state.getState().sourceKind;
    const id = this.editor.options.ids();
    const count = this.editor.document.interferenceSources.length + 1;
    const source = newSource(id, this.editor.levelId, kind, t('editor.source.name', { kind: t(`editor.source.kinds.${kind}`), number: count }), input.point);
    this.editor.apply({ label: t('editor.actions.addSource'), recipe: (draft) => void draft.interferenceSources.push(source) });
    this.editor.select([id]);
  }
}
