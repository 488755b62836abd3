import { useState } from 'react';
import { addSurveyPoint } from '../../audit/audit-actions.ts';
import { readPastedReadings } from '../../audit/pasted-readings.ts';
import type { Editor } from '../../editor/editor.ts';
import { readIperf3 } from '../../import/survey/iperf3.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { Dialog } from '../components/Dialog.tsx';

const NEW = '__nouveau__';

/** Stop-and-go entry: the readings (and an optional iperf3 result) of the point just clicked. */
export function SurveyPointDialog({ editor, document, at }: { editor: Editor; document: ProjectDocument; at: { x: number; y: number } }) {
  const levelId = editor.levelId;
  const datasets = document.surveys.filter((dataset) => dataset.levelId === levelId);
  const [datasetId, setDatasetId] = useState(datasets.at(-1)?.id ?? NEW);
  const [text, setText] = useState('');
  const [iperf, setIperf] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => editor.state.setState({ surveyPointAt: null });
  const confirm = async () => {
    const { readings, rejected } = readPastedReadings(text);
    if (readings.length === 0) return setError(t('audit.stopAndGo.invalid'));
    const active = iperf ? readIperf3(await iperf.text()) : null;
    if (iperf && !active && error !== t('audit.stopAndGo.iperfInvalid')) return setError(t('audit.stopAndGo.iperfInvalid'));
    const existing = datasets.find((dataset) => dataset.id === datasetId);
    const dataset = existing ?? { id: newId(), levelId, name: t('audit.stopAndGo.newDatasetName'), source: t('audit.stopAndGo.newDatasetName'), deviceOffsetDb: 0 };
    const point = { position: { xM: at.x, yM: at.y }, time: new Date().toISOString(), readings, active };
    editor.apply(addSurveyPoint(dataset, point, t('audit.stopAndGo.label')));
    editor.notify('info', t('audit.stopAndGo.added', { count: readings.length, rejected: rejected > 0 ? t('audit.stopAndGo.rejected', { count: rejected }) : '' }));
    close();
  };
  return (
    <Dialog title={t('audit.stopAndGo.title', { x: formatNumber(at.x, 2), y: formatNumber(at.y, 2) })} confirmLabel={t('audit.stopAndGo.confirm')} onConfirm={() => void confirm()} onCancel={close}>
      <div className="field">
        <label htmlFor="stop-dataset">{t('audit.stopAndGo.dataset')}</label>
        <select id="stop-dataset" value={datasetId} onChange={(event) => setDatasetId(event.target.value)}>
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name}
            </option>
          ))}
          <option value={NEW}>{t('audit.stopAndGo.newDataset')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="stop-readings">{t('audit.stopAndGo.readings')}</label>
        <textarea id="stop-readings" rows={6} value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      </div>
      <div className="field">
        <label htmlFor="stop-iperf">{t('audit.stopAndGo.iperf')}</label>
        <input id="stop-iperf" type="file" accept=".json,application/json" onChange={(event) => setIperf(event.target.files?.[0] ?? null)} />
      </div>
      {error && <p role="alert">{error}</p>}
    </Dialog>
  );
}
