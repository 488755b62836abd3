import { FilePickerButton } from '../components/FilePickerButton.tsx';
import { useState } from 'react';
import { addSurveyDatasets } from '../../audit/audit-actions.ts';
import { useServices } from '../../app/app-services.ts';
import type { ColumnMapping } from '../../import/survey/generic-csv.ts';
import { openSurveyFile, SurveyImportCancelled, type SurveyFileSession } from '../../import/survey/survey-client.ts';
import type { SurveySummary } from '../../import/survey/survey.worker.ts';
import type { SurveyImportResult } from '../../import/survey/survey-import.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { visiblePlanBox } from '../../model/plan-frame.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { ColumnMappingDialog } from './ColumnMappingDialog.tsx';
import { Dialog } from '../components/Dialog.tsx';

const MAX_SURVEY_BYTES = 200 * 1024 * 1024;
/** Level choice of a dataset the user leaves out. */
const SKIP_DATASET = '';

/** Import of a survey file: layout detected, columns mapped when needed, each dataset put on a level, rejected rows counted. */
export function SurveyImport({ document, levelId }: { document: ProjectDocument; levelId: string }) {
  const { documents, ui } = useServices();
  const [mappingRequest, setMappingRequest] = useState<{ header: string[]; mapping: ColumnMapping; name: string; session: SurveyFileSession } | null>(null);
  const [reading, setReading] = useState<{ name: string; abort: AbortController } | null>(null);
  const [placement, setPlacement] = useState<{ result: SurveySummary; fileName: string; levels: string[]; session: SurveyFileSession } | null>(null);
  const level = document.levels.find((candidate) => candidate.id === levelId)!;
  const options = { metersPerPixel: level.metersPerUnit, bounds: null, defaultName: t('survey.defaultDataset') };

  const proposePlacement = (result: SurveySummary, fileName: string, session: SurveyFileSession) => {
    if (result.datasets.length === 0) {
      session.close();
      return ui.getState().pushToast('error', t('audit.import.nothing', { name: fileName }), rejectedLines(result));
    }
    // A dataset named like a level goes there. Several unnamed ones (a file's floors, listed bottom up) go to the
    // levels from the lowest up, one level each; floors beyond the study's levels are left out unless the user
    // picks a level for them (never two floors piled on one level by default); a single one goes to the level shown.
    const stack = [...document.levels].sort((a, b) => a.elevationM - b.elevationM);
    const levels = result.datasets.map(
      (dataset, index) =>
        document.levels.find((candidate) => candidate.name.toLowerCase() === dataset.name.toLowerCase())?.id ??
        (result.datasets.length === 1 ? levelId : (stack[index]?.id ?? SKIP_DATASET)),
    );
    setPlacement({ result, fileName, levels, session });
  };

  const read = async (file: File) => {
    if (file.size > MAX_SURVEY_BYTES) return ui.getState().pushToast('error', t('audit.import.tooHeavy', { size: Math.round(file.size / 1024 / 1024) }));
    const abort = new AbortController();
    setReading({ name: file.name, abort });
    const session = openSurveyFile(file, options, abort.signal);
    try {
      const result = await session.reading;
      if (result.kind === 'needs-mapping') return setMappingRequest({ header: result.header, mapping: result.mapping, name: file.name, session });
      if (result.kind === 'empty') {
        session.close();
        return ui.getState().pushToast('error', t('audit.import.empty', { name: file.name }));
      }
      proposePlacement(result.summary, file.name, session);
    } catch (error) {
      session.close();
      if (!(error instanceof SurveyImportCancelled)) ui.getState().pushToast('error', t('errors.unexpected', { message: (error as Error).message }));
    } finally {
      setReading(null);
    }
  };

  const cancelPlacement = () => {
    placement?.session.close();
    setPlacement(null);
  };

  const commit = async () => {
    if (!placement) return;
    const { fileName, levels, session } = placement;
    setPlacement(null);
    const result = await session.take().finally(() => session.close());
    if (!result) return;
    const datasets = result.datasets.flatMap((dataset, index) => (levels[index] === SKIP_DATASET ? [] : [{ dataset, levelId: levels[index]! }])).map(({ dataset, levelId: target }) => ({
      id: newId(),
      levelId: target,
      name: `${dataset.name} (${fileName})`.slice(0, 200),
      source: `${fileName} — ${t(`audit.formats.${result.format}`)}`.slice(0, 300),
      deviceOffsetDb: 0,
      points: dataset.points,
    }));
    // Points outside a level's plan are kept (a survey in another tool's frame is aligned afterwards) and counted.
    let outside = 0;
    for (const dataset of datasets) {
      const target = document.levels.find((candidate) => candidate.id === dataset.levelId)!;
      // Without a plan there is no edge to check against: an outline drawn later follows the points.
      const extent = visiblePlanBox(target);
      if (!extent) continue;
      const margin = 5;
      outside += dataset.points.filter((point) => point.position.xM < extent.minX - margin || point.position.xM > extent.maxX + margin || point.position.yM < extent.minY - margin || point.position.yM > extent.maxY + margin).length;
    }
    const action = addSurveyDatasets(datasets, t('audit.import.label', { count: datasets.length }));
    documents.getState().change(action.label, action.recipe);
    const points = datasets.reduce((sum, dataset) => sum + dataset.points.length, 0);
    ui.getState().pushToast('success', t('audit.import.done', { datasets: datasets.length, points: formatNumber(points), rows: formatNumber(result.rowCount) }), [
      ...rejectedLines(result),
      ...(outside > 0 ? [t('audit.import.outside', { count: outside })] : []),
    ]);
  };

  return (
    <div>
      <FilePickerButton label={t('audit.import.button')} accept=".csv,.txt" testId="survey-input" onFile={(file) => void read(file)} />
      {reading && (
        <p role="status" className="muted">
          {t('audit.import.reading', { name: reading.name })}{' '}
          <button type="button" onClick={() => reading.abort.abort()}>
            {t('dialog.cancel')}
          </button>
        </p>
      )}
      {mappingRequest && (
        <ColumnMappingDialog
          header={mappingRequest.header}
          initial={mappingRequest.mapping}
          onCancel={() => {
            mappingRequest.session.close();
            setMappingRequest(null);
          }}
          onConfirm={(mapping) => {
            const { session, name } = mappingRequest;
            setMappingRequest(null);
            void session.applyMapping(mapping).then((result) => {
              if (result) proposePlacement(result, name, session);
              else session.close();
            });
          }}
        />
      )}
      {placement && (
        <Dialog title={t('audit.import.placeTitle')} confirmLabel={t('audit.import.placeConfirm')} onConfirm={() => void commit()} onCancel={cancelPlacement}>
          <p>{t('audit.import.placeExplain', { format: t(`audit.formats.${placement.result.format}`) })}</p>
          {placement.result.datasets.length > document.levels.length && <p role="status">{t('audit.import.fewerLevels', { datasets: placement.result.datasets.length, levels: document.levels.length })}</p>}
          {placement.result.datasets.map((dataset, index) => (
            <div className="field" key={index}>
              <label htmlFor={`place-${index}`}>{t('audit.import.placeDataset', { name: dataset.name, points: dataset.pointCount })}</label>
              <select
                id={`place-${index}`}
                value={placement.levels[index]}
                onChange={(event) => setPlacement({ ...placement, levels: placement.levels.map((value, i) => (i === index ? event.target.value : value)) })}
              >
                {document.levels.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
                <option value={SKIP_DATASET}>{t('audit.import.skip')}</option>
              </select>
            </div>
          ))}
          {rejectedLines(placement.result).map((line) => (
            <p className="muted" key={line}>
              {line}
            </p>
          ))}
        </Dialog>
      )}
    </div>
  );
}

function rejectedLines(result: Pick<SurveyImportResult, 'rejected'>): string[] {
  return Object.entries(result.rejected).map(([reason, count]) => t('audit.import.rejected', { count: formatNumber(count), reason }));
}
