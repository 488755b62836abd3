import { FilePickerButton } from '../components/FilePickerButton.tsx';
import { addApModels } from '../../actions/study-actions.ts';
import { useServices } from '../../app/app-services.ts';
import { readApModelFile } from '../../import/catalogue/ap-model-file.ts';
import { antennaFileModel } from '../../import/catalogue/antenna-file.ts';
import { t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';

/**
 * « Importer des modèles » : a JSON model file (with its antenna pattern), or a vendor antenna file alone (MSI or NSMA; one
 * directional model on its band), added to the study's catalogue, undoable.
 */
export function ApModelImport() {
  const { documents, ui } = useServices();
  const read = async (file: File) => {
    if (file.size > 5 * 1024 * 1024) return ui.getState().pushToast('error', t('catalogue.import.tooHeavy'));
    const text = await file.text();
    const msi = /\.(msi|pln|ant|nsm|nsma|adf)$/i.test(file.name);
    let source = text;
    let notes: string[] = [];
    if (msi) {
      try {
        ({ source, notes } = antennaFileModel(text, file.name));
      } catch (error) {
        return ui.getState().pushToast('error', t('catalogue.import.pattern', { name: file.name, model: file.name }), [(error as Error).message]);
      }
    }
    const result = readApModelFile(source, newId);
    if (!result.ok) {
      const { error } = result;
      if (error.kind === 'json') return ui.getState().pushToast('error', t('catalogue.import.notJson', { name: file.name }));
      if (error.kind === 'pattern') return ui.getState().pushToast('error', t('catalogue.import.pattern', { name: file.name, model: error.model }), [error.message]);
      return ui.getState().pushToast('error', t('catalogue.import.schema', { name: file.name }), error.details);
    }
    const action = addApModels(result.models, result.patterns, t('catalogue.import.label', { count: result.models.length }));
    documents.getState().change(action.label, action.recipe);
    ui.getState().pushToast('success', t('catalogue.import.done', { count: result.models.length, patterns: result.patterns.length }), msi ? [t('catalogue.import.msiAssumptions'), ...notes] : []);
  };
  return (
    <p>
      <FilePickerButton label={t('catalogue.import.button')} accept=".json,.msi,.pln,.ant,.nsm,.nsma,.adf,application/json" testId="ap-model-input" onFile={(file) => void read(file)} />
    </p>
  );
}
