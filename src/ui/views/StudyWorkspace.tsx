import { useEffect, useState } from 'react';
import { useDocumentStore, useServices, useUiStore } from '../../app/app-services.ts';
import { navigate } from '../../app/use-route.ts';
import type { StudyView } from '../../app/route.ts';
import { t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { EditorView } from './EditorView.tsx';
import { ResultsView } from './ResultsView.tsx';
import { ReportView } from './ReportView.tsx';
import { CatalogueView } from './CatalogueView.tsx';
import { AuditView } from '../audit/AuditView.tsx';

/** Opens the routed project in the document store, then shows the chosen study view. */
export function StudyWorkspace({ projectId, view }: { projectId: string; view: StudyView }) {
  const { session, ui } = useServices();
  const document = useDocumentStore((state) => state.document);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    session.open(projectId).catch((caught: unknown) => setError((caught as Error).message));
    return () => {
      void session.close(projectId);
      // Its toasts (« Annuler », imports) would mislead in the next study.
      ui.getState().leaveStudy(projectId);
    };
  }, [projectId, session, ui]);

  if (error) return <p role="alert" className="page">{error}</p>;
  if (!document || document.id !== projectId) return <p className="page">{t('app.loading')}</p>;
  return (
    <>
      <AccessBanner />
      <StudyViewSwitch document={document} view={view} />
    </>
  );
}

/** Says when this tab cannot edit the study, and offers the way out. */
function AccessBanner() {
  const { session, ui } = useServices();
  const access = useUiStore((state) => state.studyAccess);
  if (access === 'editable') return null;
  const copy = async () => {
    const saved = await session.saveAsCopy();
    if (saved) {
      ui.getState().pushToast('success', t('projects.duplicated', { title: saved.study.title }));
      navigate({ name: 'study', projectId: saved.id, view: 'editeur' });
    }
  };
  return (
    <div className="access-banner" role="status" data-testid="access-banner">
      <p>{t(`access.${access}`)}</p>
      {access === 'conflict' ? (
        <>
          <button type="button" onClick={() => void copy()}>
            {t('access.saveAsCopy')}
          </button>
          <button type="button" onClick={() => void session.reload()}>
            {t('access.reload')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void session.takeOver()}>
          {t('access.takeOver')}
        </button>
      )}
    </div>
  );
}

function StudyViewSwitch({ document, view }: { document: ProjectDocument; view: StudyView }) {
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
