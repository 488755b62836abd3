import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { t } from '../i18n/index.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { Autosaver } from '../storage/autosaver.ts';
import { ProjectDatabase } from '../storage/project-database.ts';
import { ProjectRepository } from '../storage/project-repository.ts';
import { createDocumentStore } from '../store/document-store.ts';
import { createUiStore, type UiState } from '../store/ui-store.ts';
import { StudySession } from './study-session.ts';
import { inlinePackageCodec, type PackageCodec } from '../io/package-codec.ts';
import { createTabCoordinator, type TabCoordinator } from './tab-coordinator.ts';
import type { DocumentActions, DocumentState } from '../store/document-store.ts';

export interface AppServices {
  db: ProjectDatabase;
  repository: ProjectRepository;
  documents: ReturnType<typeof createDocumentStore>;
  ui: ReturnType<typeof createUiStore>;
  autosaver: Autosaver<ProjectDocument>;
  session: StudySession;
}

/** Wires storage, stores and autosave: every document change is written to IndexedDB within about a second. */
export function createAppServices(db: ProjectDatabase, tabs: TabCoordinator = createTabCoordinator(), codec: PackageCodec = inlinePackageCodec): AppServices {
  const documents = createDocumentStore();
  const ui = createUiStore();
  const autosaver: Autosaver<ProjectDocument> = new Autosaver<ProjectDocument>({
    save: (document) => session.save(document),
    onSaved: () => {
      if (!autosaver.hasPending) ui.getState().setSaveStatus('saved');
    },
    onError: (error) => {
      ui.getState().setSaveStatus('error');
      ui.getState().pushToast('error', error instanceof Error ? error.message : t('errors.storage.write-failed'));
    },
  });
  documents.subscribe((state, previous) => {
    if (state.refusal && state.refusal !== previous.refusal) {
      const last = ui.getState().toasts.at(-1);
      if (last?.message !== state.refusal.message) ui.getState().pushToast('error', state.refusal.message, state.refusal.problems.slice(0, 10), state.document?.id ?? null);
    }
    const document = state.document;
    // Opening a project (or loading it again) is not a change to save.
    if (!document || document === previous.document || state.openCount !== previous.openCount) return;
    ui.getState().setSaveStatus('pending');
    autosaver.schedule(document);
  });
  const flushOnHide = () => void autosaver.flush();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flushOnHide);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushOnHide();
    });
  }
  const session = new StudySession(db, documents, ui, tabs, () => autosaver.flush());
  return { db, repository: new ProjectRepository(db, codec), documents, ui, autosaver, session };
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('AppServicesContext missing');
  return services;
}

export function useDocumentStore<T>(selector: (state: DocumentState & DocumentActions) => T): T {
  return useStore(useServices().documents, selector);
}

export function useUiStore<T>(selector: (state: UiState) => T): T {
  return useStore(useServices().ui, selector);
}
