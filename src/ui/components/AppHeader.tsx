import { STUDY_VIEWS, routeToHash, type Route } from '../../app/route.ts';
import { useDocumentStore, useUiStore } from '../../app/app-services.ts';
import { t } from '../../i18n/index.ts';

export function AppHeader({ route }: { route: Route }) {
  const title = useDocumentStore((state) => state.document?.study.title ?? null);
  const saveStatus = useUiStore((state) => state.saveStatus);
  const canUndo = useDocumentStore((state) => state.canUndo);
  const canRedo = useDocumentStore((state) => state.canRedo);
  const undoLabel = useDocumentStore((state) => state.undoLabel);
  const redoLabel = useDocumentStore((state) => state.redoLabel);
  const undo = useDocumentStore((state) => state.undo);
  const redo = useDocumentStore((state) => state.redo);
  const inStudy = route.name === 'study';

  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span aria-hidden="true" className="brand-mark">◎</span> {t('app.name')}
      </a>
      <nav aria-label={t('app.mainNavigation')}>
        <ul className="nav-list">
          <li>
            <a href="#/" aria-current={route.name === 'projects' ? 'page' : undefined}>
              {t('nav.projects')}
            </a>
          </li>
          <li>
            <a href="#/suivi" aria-current={route.name === 'tracking' ? 'page' : undefined}>
              {t('nav.tracking')}
            </a>
          </li>
          {inStudy &&
            STUDY_VIEWS.map((view) => (
              <li key={view}>
                <a href={routeToHash({ ...route, view })} aria-current={route.view === view ? 'page' : undefined}>
                  {t(`nav.${view}`)}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      {inStudy && title && <span className="study-title" title={title}>{title}</span>}
      {inStudy && (
        <div className="header-tools">
          <button type="button" onClick={undo} disabled={!canUndo} title={undoLabel ? t('history.undoWith', { label: undoLabel }) : t('history.nothingToUndo')}>
            ↶ {t('history.undo')}
          </button>
          <button type="button" onClick={redo} disabled={!canRedo} title={redoLabel ? t('history.redoWith', { label: redoLabel }) : t('history.nothingToRedo')}>
            ↷ {t('history.redo')}
          </button>
          <span className={`save-status save-${saveStatus}`} role="status" data-testid="save-status">
            {t(`save.${saveStatus}`)}
          </span>
        </div>
      )}
    </header>
  );
}
