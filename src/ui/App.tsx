import { lazy, Suspense, useEffect } from 'react';
import { useRoute } from '../app/use-route.ts';
import { t } from '../i18n/index.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { Toasts } from './components/Toasts.tsx';
import { ProjectListView } from './views/ProjectListView.tsx';
import { TrackingView } from './tracking/TrackingView.tsx';
import { useServices } from '../app/app-services.ts';

// The study views carry the canvas libraries: load them when a study is opened, not on the project list.
const StudyWorkspace = lazy(() => import('./views/StudyWorkspace.tsx').then((module) => ({ default: module.StudyWorkspace })));

export function App() {
  const route = useRoute();
  const { documents } = useServices();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The plan editor handles its own shortcuts (undo included) and marks them handled.
      if (event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) documents.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') documents.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [documents]);

  return (
    <div className="app">
      <a className="skip-link" href="#contenu">
        {t('app.skipToContent')}
      </a>
      <AppHeader route={route} />
      <main id="contenu" className="app-main" tabIndex={-1}>
        {route.name === 'projects' ? (
          <ProjectListView />
        ) : route.name === 'tracking' ? (
          <TrackingView page={route.page} />
        ) : (
          <Suspense fallback={<p className="page">{t('app.loading')}</p>}>
            <StudyWorkspace projectId={route.projectId} view={route.view} />
          </Suspense>
        )}
      </main>
      <Toasts />
    </div>
  );
}
