import { useEffect, useRef, useState } from 'react';
import { downloadBytes } from '../../app/download.ts';
import { bandsInUse } from '../../engine/layer-request.ts';
import { formatNumber, messages, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import type { DeliverableFile, DeliverablePackage } from '../../report/deliverable-package.ts';
import { planAssets, ReportJob } from '../../report/report-client.ts';
import { useServices } from '../../app/app-services.ts';
import { SendToPortal } from '../tracking/SendToPortal.tsx';
import { availableReportKinds, REPORT_LAYERS, type ReportKind, type ReportLayer } from '../../report/report-kinds.ts';

type Status = { kind: 'idle' } | { kind: 'running'; step: string; done: number; total: number } | { kind: 'done'; files: DeliverableFile[]; deliverable: DeliverablePackage; seconds: number } | { kind: 'cancelled' } | { kind: 'error'; message: string };

const sizeLabel = (bytes: number) => (bytes >= 1048576 ? `${formatNumber(bytes / 1048576, 1)} Mo` : `${formatNumber(bytes / 1024, 0)} ko`);

function CheckboxGroup<T extends string>({ legend, options, selected, onChange }: { legend: string; options: { value: T; label: string }[]; selected: T[]; onChange: (next: T[]) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(event) => onChange(event.target.checked ? [...new Set([...selected, option.value])] : selected.filter((item) => item !== option.value))}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Chooses the documents, levels, bands and layers; generates them in a worker with progress and cancel. */
export function ReportComposer({ document }: { document: ProjectDocument }) {
  const offeredKinds = availableReportKinds(document.surveys.length);
  const [kinds, setKinds] = useState<ReportKind[]>(offeredKinds);
  const [levelIds, setLevelIds] = useState(document.levels.map((level) => level.id));
  const [bands, setBands] = useState<string[]>(bandsInUse(document));
  const [layers, setLayers] = useState<ReportLayer[]>([...REPORT_LAYERS]);
  const [author, setAuthor] = useState(document.study.author);
  const [version, setVersion] = useState('1.0');
  const [logo, setLogo] = useState<{ bytes: Uint8Array; mimeType: string } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const job = useRef<ReportJob | null>(null);
  const { db } = useServices();
  const text = messages().report.composer;

  useEffect(() => () => job.current?.cancel(), []);
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  const canRun = kinds.length > 0 && levelIds.length > 0 && (bands.length > 0 || bandsInUse(document).length === 0);

  const generate = () => {
    const started = performance.now();
    const current = new ReportJob();
    job.current = current;
    setStatus({ kind: 'running', step: 'prediction', done: 0, total: 1 });
    planAssets(db, document, levelIds)
      .then((assets) => current.run(document, { documents: kinds, levelIds, bands, layers, author, version, logo, assets }, (step, done, total) => setStatus({ kind: 'running', step, done, total })))
      .then(({ files, package: deliverable }) => {
        if (current.wasCancelled) return;
        setStatus({ kind: 'done', files, deliverable, seconds: (performance.now() - started) / 1000 });
        const pdf = files.find((file) => file.name.endsWith('.pdf'));
        setPreviewUrl(pdf ? URL.createObjectURL(new Blob([pdf.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })) : null);
      })
      .catch((error: unknown) => !current.wasCancelled && setStatus({ kind: 'error', message: (error as Error).message }));
  };

  return (
    <section aria-labelledby="composer-title" className="composer">
      <h2 id="composer-title">{text.title}</h2>
      <div className="composer-grid">
        <CheckboxGroup legend={text.documents} options={offeredKinds.map((kind) => ({ value: kind, label: t(`studyReport.kinds.${kind}`) }))} selected={kinds} onChange={setKinds} />
        <CheckboxGroup legend={text.levels} options={document.levels.map((level) => ({ value: level.id, label: level.name }))} selected={levelIds} onChange={setLevelIds} />
        <CheckboxGroup legend={text.bands} options={bandsInUse(document).map((band) => ({ value: band as string, label: t('results.bandLabel', { band: band.replace('.', ',') }) }))} selected={bands} onChange={setBands} />
        <CheckboxGroup legend={text.layers} options={REPORT_LAYERS.map((layer) => ({ value: layer, label: t(`studyReport.layers.${layer}`) }))} selected={layers} onChange={setLayers} />
        <div>
          <div className="field">
            <label htmlFor="report-author">{text.author}</label>
            <input id="report-author" value={author} onChange={(event) => setAuthor(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="report-version">{text.version}</label>
            <input id="report-version" value={version} onChange={(event) => setVersion(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="report-logo">{text.logo}</label>
            <input
              id="report-logo"
              type="file"
              accept="image/png,image/jpeg"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return setLogo(null);
                if (!['image/png', 'image/jpeg'].includes(file.type) || file.size > 2 * 1048576) {
                  event.target.value = '';
                  setLogo(null);
                  return setStatus({ kind: 'error', message: text.badLogo });
                }
                setLogo({ bytes: new Uint8Array(await file.arrayBuffer()), mimeType: file.type });
              }}
            />
          </div>
        </div>
      </div>
      <div className="toolbar">
        <button type="button" className="primary" disabled={!canRun || status.kind === 'running'} onClick={generate}>
          {text.generate}
        </button>
        {status.kind === 'running' && (
          <button type="button" onClick={() => { job.current?.cancel(); setStatus({ kind: 'cancelled' }); }}>
            {text.cancel}
          </button>
        )}
      </div>
      {!canRun && <p className="muted">{text.nothingChosen}</p>}
      <div role="status" data-testid="report-status" className="engine-status">
        {status.kind === 'running' && (
          <>
            {t('report.composer.progress', { step: text.steps[status.step as keyof typeof text.steps] ?? status.step, done: status.done, total: status.total })}
            <progress max={Math.max(1, status.total)} value={status.done} />
          </>
        )}
        {status.kind === 'done' && t('report.composer.done', { seconds: formatNumber(status.seconds, 1), count: status.files.length })}
        {status.kind === 'cancelled' && text.cancelled}
        {status.kind === 'error' && <span role="alert">{status.message}</span>}
      </div>
      {status.kind === 'done' && (
        <div className="deliverable-result">
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => downloadBytes(status.deliverable.zip, status.deliverable.zipName, 'application/zip')}>
              {t('report.composer.downloadZip', { size: sizeLabel(status.deliverable.zip.byteLength) })}
            </button>
            <button type="button" onClick={() => downloadBytes(status.deliverable.md5File, status.deliverable.md5Name, 'text/plain')}>
              {text.downloadMd5}
            </button>
          </div>
          <p className="muted" data-testid="report-md5">{t('report.composer.md5', { md5: status.deliverable.md5 })}</p>
          <SendToPortal zip={status.deliverable.zip} md5File={status.deliverable.md5File} zipName={status.deliverable.zipName} projectId={document.id} />
          <h3>{text.files}</h3>
          <ul data-testid="report-files">
            {status.files.map((file) => (
              <li key={file.name}>
                {file.name} ({sizeLabel(file.bytes.byteLength)})
              </li>
            ))}
          </ul>
          {previewUrl && <iframe className="pdf-preview" title={t('report.composer.preview', { name: status.files.find((file) => file.name.endsWith('.pdf'))?.name ?? '' })} src={previewUrl} />}
        </div>
      )}
    </section>
  );
}
