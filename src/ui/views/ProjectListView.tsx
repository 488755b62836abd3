import { FilePickerButton } from '../components/FilePickerButton.tsx';
import { LIMITS } from '../../model/schema.ts';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';
import { downloadBytes } from '../../app/download.ts';
import { navigate } from '../../app/use-route.ts';
import type { ImportReport } from '../../exchange/import-report.ts';
import { ImportReportDialog } from './ImportReportDialog.tsx';
import { isOpenIntent } from '../../exchange/openintent/openintent-import.ts';

import { formatDateTime, t } from '../../i18n/index.ts';
import { radioFindingTexts } from '../../exchange/import-shared.ts';
import { ProjectLoadError } from '../../model/project-load-error.ts';
import type { ProjectSummary } from '../../storage/project-database.ts';
import { ExportCheckError } from '../../storage/project-repository.ts';
import { ChangeRefusedError } from '../../model/document-gate.ts';
import { Dialog } from '../components/Dialog.tsx';

/** The file's JSON when it is an OpenIntent payload (else null: a project.json goes the usual way). */
function parsedOpenIntent(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return isOpenIntent(value) ? value : null;
  } catch {
    return null;
  }
}

type PendingDialog =
  | { kind: 'create' }
  | { kind: 'rename'; summary: ProjectSummary }
  | { kind: 'delete'; summary: ProjectSummary };

export function ProjectListView() {
  const services = useServices();
  const { db, repository, ui, autosaver } = services;
  const [summaries, setSummaries] = useState<ProjectSummary[] | null>(null);
  const [dialog, setDialog] = useState<PendingDialog | null>(null);
  const [titleInput, setTitleInput] = useState('');
  const [importReport, setImportReport] = useState<{ projectId: string; title: string; report: ImportReport; source: 'esx' | 'openintent' | 'ifc' } | null>(null);
  const toast = ui.getState().pushToast;

  const refresh = useCallback(async () => {
    await autosaver.flush();
    setSummaries(await db.listSummaries());
  }, [db, autosaver]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const details = error instanceof ProjectLoadError || error instanceof ExportCheckError ? error.details : error instanceof ChangeRefusedError ? error.problems : [];
      toast('error', error instanceof Error ? error.message : String(error), details);
    }
    await refresh();
  };

  const confirmDialog = () => {
    const current = dialog;
    setDialog(null);
    if (!current) return;
    const title = titleInput.trim();
    if (current.kind === 'create') {
      void run(async () => {
        const document = await repository.create(title || t('projects.newDefaultTitle'));
        toast('success', t('projects.created', { title: document.study.title }));
        navigate({ name: 'study', projectId: document.id, view: 'editeur' });
      });
    } else if (current.kind === 'rename' && title) {
      void run(async () => {
        await repository.rename(current.summary.id, title);
        const open = services.documents.getState().document;
        if (open?.id === current.summary.id) services.documents.getState().close();
        toast('success', t('projects.renamed', { title }));
      });
    } else if (current.kind === 'delete') {
      void run(async () => {
        if (services.documents.getState().document?.id === current.summary.id) services.documents.getState().close();
        await db.deleteProject(current.summary.id);
        toast('success', t('projects.deleted', { title: current.summary.title }));
      });
    }
  };

  /** Saves what is being edited, writes the file, downloads it; what the format could not carry is listed. */
  const exportAs = (write: () => Promise<{ bytes: Uint8Array; fileName: string; losses?: string[] }>, mimeType: string, message: (fileName: string) => string) =>
    void run(async () => {
      await autosaver.flush();
      const { bytes, fileName, losses = [] } = await write();
      downloadBytes(bytes, fileName, mimeType);
      toast(losses.length > 0 ? 'info' : 'success', message(fileName), losses);
    });

  const importFile = (file: File) =>
    run(async () => {
      const openIntent = /\.json$/i.test(file.name) && file.size < 64 * 1024 * 1024 ? parsedOpenIntent(await file.text()) : null;
      const ifc = /\.ifc$/i.test(file.name);
      if (openIntent || ifc || /\.esx$/i.test(file.name)) {
        try {
          const { document, report } = openIntent ? await repository.importOpenIntent(openIntent) : ifc ? await repository.importIfc(file, file.name) : await repository.importEsx(file);
          setImportReport({ projectId: document.id, title: document.study.title, report, source: openIntent ? 'openintent' : ifc ? 'ifc' : 'esx' });
        } catch (error) {
          const details = error instanceof ProjectLoadError ? error.details : error instanceof ChangeRefusedError ? error.problems : [];
          toast('error', `${t('projects.importFailed')} ${error instanceof Error ? error.message : String(error)}`, details);
        }
        return;
      }
      try {
        const { document, renamed } = await repository.importPackage(file);
        // What the engine computes but the user must know: APs on a wall line, channels not allowed in France.
        const findings = radioFindingTexts(document);
        toast(findings.length > 0 ? 'info' : 'success', renamed ? t('projects.importedAsCopy', { title: document.study.title }) : t('projects.imported', { title: document.study.title }), findings);
      } catch (error) {
        const details = error instanceof ProjectLoadError || error instanceof ExportCheckError ? error.details : error instanceof ChangeRefusedError ? error.problems : [];
        toast('error', `${t('projects.importFailed')} ${error instanceof Error ? error.message : String(error)}`, details);
      }
    });

  return (
    <section className="page" aria-labelledby="projects-title">
      <div className="page-head">
        <div>
          <h1 id="projects-title">{t('projects.title')}</h1>
          <p className="muted">{t('projects.intro')}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => { setTitleInput(t('projects.newDefaultTitle')); setDialog({ kind: 'create' }); }}>
            + {t('projects.create')}
          </button>
          <FilePickerButton label={t('projects.import')} accept=".ondeplan,.esx,.json,.ifc,application/zip,application/json" testId="import-input" onFile={(file) => void importFile(file)} />
        </div>
      </div>

      {summaries === null ? (
        <p>{t('app.loading')}</p>
      ) : summaries.length === 0 ? (
        <p className="empty">{t('projects.empty')}</p>
      ) : (
        <table className="data-table project-table">
          <thead>
            <tr>
              <th scope="col">{t('projects.columns.title')}</th>
              <th scope="col">{t('projects.columns.kind')}</th>
              <th scope="col">{t('projects.columns.entity')}</th>
              <th scope="col" className="num">{t('projects.columns.levels')}</th>
              <th scope="col" className="num">{t('projects.columns.aps')}</th>
              <th scope="col">{t('projects.columns.updated')}</th>
              <th scope="col"><span className="visually-hidden">{t('projects.actionsFor', { title: '' })}</span></th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((summary) => (
              <tr key={summary.id} data-testid="project-row">
                <th scope="row">
                  <a href={`#/etude/${encodeURIComponent(summary.id)}/editeur`} className="project-link">
                    {summary.title}
                  </a>
                </th>
                <td>{t(`studyKinds.${summary.studyKind}`)}</td>
                <td>{summary.entityName || '—'}</td>
                <td className="num">{summary.levelCount}</td>
                <td className="num">{summary.accessPointCount}</td>
                <td>{formatDateTime(summary.updatedAt)}</td>
                <td>
                  <div className="row-actions" role="group" aria-label={t('projects.actionsFor', { title: summary.title })}>
                    <button type="button" onClick={() => { setTitleInput(summary.title); setDialog({ kind: 'rename', summary }); }}>
                      {t('projects.rename')}
                    </button>
                    <button type="button" onClick={() => void run(async () => {
                      const copy = await repository.duplicate(summary.id);
                      toast('success', t('projects.duplicated', { title: copy.study.title }));
                    })}>
                      {t('projects.duplicate')}
                    </button>
                    <button type="button" onClick={() => exportAs(() => repository.exportPackage(summary.id), 'application/zip', (fileName) => t('projects.exported', { fileName }))}>
                      {t('projects.export')}
                    </button>
                    <button type="button" onClick={() => exportAs(() => repository.exportEsx(summary.id), 'application/zip', (fileName) => t('projects.exportedEsx', { fileName }))}>
                      {t('projects.exportEsx')}
                    </button>
                    <button type="button" onClick={() => exportAs(() => repository.exportOpenIntent(summary.id), 'application/json', (fileName) => t('projects.exportedOpenIntent', { fileName }))}>
                      {t('projects.exportOpenIntent')}
                    </button>
                    <button type="button" className="danger" onClick={() => setDialog({ kind: 'delete', summary })}>
                      {t('projects.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {dialog && (dialog.kind === 'create' || dialog.kind === 'rename') && (
        <Dialog
          title={dialog.kind === 'create' ? t('projects.createTitle') : t('projects.renameTitle')}
          onConfirm={confirmDialog}
          onCancel={() => setDialog(null)}
        >
          <label className="field">
            <span>{t('projects.newTitleLabel')}</span>
            <input autoFocus required maxLength={LIMITS.titleChars} value={titleInput} onChange={(event) => setTitleInput(event.target.value)} />
          </label>
        </Dialog>
      )}
      {importReport && (
        <ImportReportDialog
          heading={t(importReport.source === 'openintent' ? 'projects.importReportTitleOpenIntent' : importReport.source === 'ifc' ? 'projects.importReportTitleIfc' : 'projects.importReport.title', { title: importReport.title })}
          report={importReport.report}
          onOpen={() => {
            const projectId = importReport.projectId;
            setImportReport(null);
            navigate({ name: 'study', projectId, view: 'editeur' });
          }}
          onClose={() => setImportReport(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <Dialog title={t('projects.deleteTitle')} danger confirmLabel={t('dialog.delete')} onConfirm={confirmDialog} onCancel={() => setDialog(null)}>
          <p>{t('projects.deleteConfirm', { title: dialog.summary.title })}</p>
        </Dialog>
      )}
    </section>
  );
}
