import { TOOL_KEYS } from '../../editor/editor.ts';
import { t } from '../../i18n/index.ts';
import { Dialog } from '../components/Dialog.tsx';

const EDIT_SHORTCUTS = ['undo', 'redo', 'copy', 'cut', 'paste', 'duplicate', 'selectAll', 'join', 'delete', 'escape', 'enter', 'backspace', 'shift', 'arrows', 'space', 'wheel', 'fit', 'budget'] as const;

/** Every key the editor knows, listed from the same tables the editor uses. */
export function ShortcutsPanel({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title={t('editor.shortcuts.title')} confirmLabel={t('editor.shortcuts.close')} onConfirm={onClose} onCancel={onClose}>
      <table className="data-table shortcuts">
        <tbody>
          {Object.entries(TOOL_KEYS).map(([key, tool]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key.toUpperCase()}</kbd>
              </th>
              <td>{t(`editor.tools.${tool}.hint`)}</td>
            </tr>
          ))}
          {EDIT_SHORTCUTS.map((name) => (
            <tr key={name}>
              <th scope="row">
                <kbd>{t(`editor.shortcuts.keys.${name}`)}</kbd>
              </th>
              <td>{t(`editor.shortcuts.does.${name}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
