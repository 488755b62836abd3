import { useState } from 'react';
import { deleteSurveyDataset, setDeviceOffset } from '../../audit/audit-actions.ts';
import type { Action } from '../../actions/study-actions.ts';
import { useServices, useUiStore } from '../../app/app-services.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Band, ProjectDocument } from '../../model/schema.ts';
import { CommitField, SelectField } from '../components/Fields.tsx';
import { AuditAnalysis } from './AuditAnalysis.tsx';
import { MeasuredMap } from './MeasuredMap.tsx';
import { SurveyAlignment } from './SurveyAlignment.tsx';
import { SurveyImport } from './SurveyImport.tsx';

/** The on-site audit: survey datasets, measured map, predicted vs measured, calibration. */
export function AuditView({ document }: { document: ProjectDocument }) {
  const { documents } = useServices();
  const activeLevelId = useUiStore((state) => state.activeLevelId);
  const [levelId, setLevelId] = useState(activeLevelId ?? document.levels[0]?.id ?? '');
  const [band, setBand] = useState<Band>('5');
  const [aligning, setAligning] = useState<string | null>(null);
  const aligned = document.surveys.find((dataset) => dataset.id === aligning) ?? null;
  const datasets = document.surveys.filter((dataset) => dataset.levelId === levelId);
  const change = (action: Action) => documents.getState().change(action.label, action.recipe);
  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <div className="toolbar">
        <SelectField label={t('results.level')} value={levelId} options={document.levels.map((level) => ({ value: level.id, label: level.name }))} onChange={setLevelId} />
        <SelectField label={t('results.band')} value={band} options={(['2.4', '5', '6'] as const).map((value) => ({ value, label: t('results.bandLabel', { band: value.replace('.', ',') }) }))} onChange={(value) => setBand(value as Band)} />
      </div>
      <h2>{t('audit.datasets.title')}</h2>
      <SurveyImport document={document} levelId={levelId} />
      {datasets.length > 0 ? (
        <table className="data-table" data-testid="survey-datasets">
          <thead>
            <tr>
              <th scope="col">{t('audit.datasets.name')}</th>
              <th scope="col">{t('audit.datasets.source')}</th>
              <th scope="col" className="num">{t('audit.datasets.points')}</th>
              <th scope="col" className="num">{t('audit.datasets.readings')}</th>
              <th scope="col" className="num">{t('audit.datasets.offset')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('audit.datasets.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset) => (
              <tr key={dataset.id}>
                <th scope="row">{dataset.name}</th>
                <td>{dataset.source}</td>
                <td className="num">{formatNumber(dataset.points.length)}</td>
                <td className="num">{formatNumber(dataset.points.reduce((sum, point) => sum + point.readings.length, 0))}</td>
                <td className="num compact-field">
                  <CommitField
                    type="number"
                    step={0.5}
                    hideLabel
                    label={t('audit.datasets.offsetOf', { name: dataset.name })}
                    value={String(dataset.deviceOffsetDb)}
                    onCommit={(value) => change(setDeviceOffset(dataset.id, Number(value), t('audit.datasets.offsetChanged')))}
                  />
                </td>
                <td className="button-row">
                  <button type="button" aria-label={t('audit.datasets.alignOf', { name: dataset.name })} onClick={() => setAligning(dataset.id)}>
                    {t('audit.datasets.align')}
                  </button>
                  <button type="button" className="danger" onClick={() => change(deleteSurveyDataset(dataset.id, t('audit.datasets.deleted')))}>
                    {t('audit.datasets.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('audit.datasets.none')}</p>
      )}
      {aligned && <SurveyAlignment document={document} dataset={aligned} onClose={() => setAligning(null)} />}
      <h2>{t('audit.map.title')}</h2>
      <MeasuredMap document={document} levelId={levelId} band={band} />
      <AuditAnalysis document={document} levelId={levelId} band={band} />
    </section>
  );
}
