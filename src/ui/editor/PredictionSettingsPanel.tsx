import { useServices } from '../../app/app-services.ts';
import { setPrediction, type Action } from '../../actions/study-actions.ts';
import { t } from '../../i18n/index.ts';
import { PROPAGATION_MODELS, type ProjectDocument } from '../../model/schema.ts';
import { CommitField, SelectField } from '../components/Fields.tsx';

/** A number typed the French way (comma or point) within [min, max], else refused (the field keeps the text). */
function parsed(value: string, min: number, max: number): number | null {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** The study's propagation model: law, exponent, client height, grid, and the optional dominant path. */
export function PredictionSettingsPanel({ document }: { document: ProjectDocument }) {
  const { documents } = useServices();
  const apply = (action: Action) => documents.getState().change(action.label, action.recipe);
  const { prediction } = document;
  const label = t('editor.prediction.edit');
  const numberField = (name: string, text: string, value: number, min: number, max: number, commit: (n: number) => Action) => (
    <CommitField
      type="number"
      name={name}
      label={text}
      value={String(value)}
      onCommit={(typed) => {
        const n = parsed(typed, min, max);
        if (n === null) return false;
        apply(commit(n));
      }}
    />
  );
  const multiWall = prediction.model === 'multi-murs';
  return (
    <section className="panel" aria-labelledby="prediction-title">
      <h2 id="prediction-title">{t('editor.prediction.title')}</h2>
      <SelectField
        name="prediction-model"
        label={t('editor.prediction.model')}
        value={prediction.model}
        options={PROPAGATION_MODELS.map((model) => ({ value: model, label: t(`studyReport.models.${model}`) }))}
        onChange={(model) => apply(setPrediction({ model }, label))}
      />
      <div className="field-row">
        {numberField('prediction-exponent', t('editor.prediction.exponent'), prediction.pathLossExponent, 1, 6, (pathLossExponent) => setPrediction({ pathLossExponent }, label))}
        {numberField('prediction-client-height', t('editor.prediction.clientHeight'), prediction.clientHeightM, 0, 10, (clientHeightM) => setPrediction({ clientHeightM }, label))}
      </div>
      <label className="checkbox">
        <input type="checkbox" name="dominant-path" disabled={!multiWall} checked={prediction.dominantPath.enabled} onChange={(event) => apply(setPrediction({ dominantPath: { enabled: event.target.checked } }, label))} />
        {t('editor.prediction.dominantPath')}
      </label>
      <p className="field-hint">{multiWall ? t('editor.prediction.dominantPathHint') : t('editor.prediction.dominantPathMultiWallOnly')}</p>
      {multiWall && prediction.dominantPath.enabled && (
        <div className="field-row">
          {numberField('turn-loss', t('editor.prediction.turnLoss'), prediction.dominantPath.turnLossDbAt90, 0, 40, (turnLossDbAt90) => setPrediction({ dominantPath: { turnLossDbAt90 } }, label))}
          {numberField('heavy-wall', t('editor.prediction.heavyWall'), prediction.dominantPath.heavyWallDb, 1, 100, (heavyWallDb) => setPrediction({ dominantPath: { heavyWallDb } }, label))}
        </div>
      )}
    </section>
  );
}
