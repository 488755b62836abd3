import { useEffect, useState } from 'react';
import { useDocumentStore, useServices } from '../../app/app-services.ts';
import type { StudyView } from '../../app/route.ts';
import { t } from '../../i18n/index.ts';
import { EditorView } from './EditorView.tsx';
import { ResultsView } from './ResultsView.tsx';
import { ReportView } from './ReportView.tsx';
import { CatalogueView } from './CatalogueView.tsx';
import { AuditView } from '../audit/AuditView.tsx';

/** Opens the routed project in the document store, then shows the chosen study view. */
export function StudyWorkspace({ projectId, view }: { projectId: string; view: StudyView }) {
  const { db, documents, autosaver, ui } = useServices();
  const document = useDocumentStore((state) => state.document);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (documents.getState().document?.id === projectId) return;
    let cancelled = false;
    setError(null);
    void (async () => {
      try {
        await autosaver.flush();
        const loaded = await db.loadDocument(projectId);
        if (cancelled) return;
        documents.getState().open(loaded);
        ui.getState().setSaveStatus('idle');
        ui.getState().setActiveLevel(loaded.levels[0]?.id ?? null);
      } catch (caught) {
        if (!cancelled) setError((caught as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [projectId, db, documents, autosaver, ui]);

  if (error) return <p role="alert" className="page">{error}</p>;
  if (!document || document.id !== projectId) return <p className="page">{t('app.loading')}</p>;
  switch (view) {
    case 'editeur':
      return <EditorView document={document} />;
    case 'resultats':
      return <ResultsView document={document} />;
    case 'rapport':
      return <ReportView document={document} />;
    case 'catalogue':
      return <CatalogueView document={document} />;
    case 'audit':
      return <AuditView document={document} />;
  }
}
