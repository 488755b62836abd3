/**
 * Two tabs on one study (issue: tab B's save from its stale copy erased tab A's committed change and both said
 * « Enregistré »). Each tab is its own IndexedDB connection, as in the browser.
 */
import { describe, expect, it } from 'vitest';
import { setStudyField } from '../../src/actions/study-actions.ts';
import { Autosaver } from '../../src/storage/autosaver.ts';
import { StudySession } from '../../src/app/study-session.ts';
import type { HeldLock, TabCoordinator } from '../../src/app/tab-coordinator.ts';
import { createProject } from '../../src/model/create-project.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { ProjectDatabase } from '../../src/storage/project-database.ts';
import { StorageError } from '../../src/storage/storage-error.ts';
import { createDocumentStore } from '../../src/store/document-store.ts';
import { createUiStore } from '../../src/store/ui-store.ts';

let counter = 0;

describe('saves never overwrite a newer stored revision', () => {
  it('the stale tab is refused with « conflict » and the newer save stays stored', async () => {
    const name = `tabs-${++counter}`;
    const [tabA, tabB] = [await ProjectDatabase.open(name), await ProjectDatabase.open(name)];
    const original = createProject({ title: 'Étude', id: 'p' });
    await tabA.saveDocument(original);
    const revisionA = await tabA.loadRevision('p');
    const revisionB = await tabB.loadRevision('p');
    expect(revisionA).toBe(1);

    const fromA: ProjectDocument = { ...original, study: { ...original.study, title: 'Changé dans A' } };
    expect(await tabA.saveDocument(fromA, revisionA)).toBe(2);
    const fromB: ProjectDocument = { ...original, study: { ...original.study, notes: 'Copie périmée de B' } };
    const refusal = await tabB.saveDocument(fromB, revisionB).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as StorageError).code).toBe('conflict');
    expect((refusal as StorageError).message).toMatch(/autre onglet/);
    expect((await tabA.loadDocument('p')).study.title).toBe('Changé dans A');
    expect(await tabA.loadRevision('p')).toBe(2);
  });
});

/** Web Locks and BroadcastChannel as the browser gives them, for tabs living in one test. */
function fakeTabs() {
  const holders = new Map<string, { release: () => void }>();
  const waiting = new Map<string, (() => void)[]>();
  const listeners: ((projectId: string) => void)[] = [];
  const grant = (projectId: string): HeldLock => {
    const lock = {
      release: () => {
        if (holders.get(projectId) !== lock) return;
        holders.delete(projectId);
        waiting.get(projectId)?.shift()?.();
      },
    };
    holders.set(projectId, lock);
    return lock;
  };
  return (): TabCoordinator => {
    const own: ((projectId: string) => void)[] = [];
    return {
      tryClaim: async (projectId) => (holders.has(projectId) ? null : grant(projectId)),
      claim: (projectId) =>
        holders.has(projectId)
          ? new Promise((resolve) => waiting.set(projectId, [...(waiting.get(projectId) ?? []), () => resolve(grant(projectId))]))
          : Promise.resolve(grant(projectId)),
      requestHandOver: (projectId) => listeners.filter((listener) => !own.includes(listener)).forEach((listener) => listener(projectId)),
      onHandOverRequest(listener) {
        own.push(listener);
        listeners.push(listener);
        return () => undefined;
      },
    };
  };
}

async function tab(name: string, coordinator: TabCoordinator) {
  const db = await ProjectDatabase.open(name);
  const documents = createDocumentStore();
  const ui = createUiStore();
  const autosaver: Autosaver<ProjectDocument> = new Autosaver({ save: (document) => session.save(document), debounceMs: 1, maxWaitMs: 1 });
  const session: StudySession = new StudySession(db, documents, ui, coordinator, () => autosaver.flush());
  documents.subscribe((state, previous) => {
    if (state.document && state.document !== previous.document && state.openCount === previous.openCount) autosaver.schedule(state.document);
  });
  return { db, documents, ui, autosaver, session };
}

describe('one editing tab per study', () => {
  it('the second tab opens read-only, takes over, and the first is told and stops editing', async () => {
    const name = `tabs-${++counter}`;
    const coordinator = fakeTabs();
    const a = await tab(name, coordinator());
    const b = await tab(name, coordinator());
    await a.db.saveDocument(createProject({ title: 'Étude', id: 'p' }));

    await a.session.open('p');
    await b.session.open('p');
    expect(a.ui.getState().studyAccess).toBe('editable');
    expect(b.ui.getState().studyAccess).toBe('busy');
    expect(b.documents.getState().change('Titre', setStudyField('title', 'B', 'Titre').recipe)).toBe(false);
    expect(b.documents.getState().refusal?.message).toMatch(/lecture seule/);

    a.documents.getState().change('Titre', setStudyField('title', 'Écrit dans A', 'Titre').recipe);
    await b.session.takeOver();
    // A saved its change before letting go; B shows it and edits from there.
    expect(a.ui.getState().studyAccess).toBe('handed-over');
    expect(b.ui.getState().studyAccess).toBe('editable');
    expect(b.documents.getState().document!.study.title).toBe('Écrit dans A');
    expect(a.documents.getState().change('Notes', setStudyField('notes', 'trop tard', 'Notes').recipe)).toBe(false);

    b.documents.getState().change('Titre', setStudyField('title', 'Écrit dans B', 'Titre').recipe);
    await b.autosaver.flush();
    expect((await a.db.loadDocument('p')).study.title).toBe('Écrit dans B');
  });

  it('without locks, a stale tab meets the revision check: read-only, its version kept for a copy', async () => {
    const name = `tabs-${++counter}`;
    const everyoneEdits = (): TabCoordinator => ({ tryClaim: async () => ({ release: () => undefined }), claim: async () => ({ release: () => undefined }), requestHandOver: () => undefined, onHandOverRequest: () => () => undefined });
    const a = await tab(name, everyoneEdits());
    const b = await tab(name, everyoneEdits());
    await a.db.saveDocument(createProject({ title: 'Étude', id: 'p' }));
    await a.session.open('p');
    await b.session.open('p');
    a.documents.getState().change('Titre', setStudyField('title', 'A', 'Titre').recipe);
    await a.autosaver.flush();
    b.documents.getState().change('Notes', setStudyField('notes', 'B', 'Notes').recipe);
    await b.autosaver.flush();
    expect(b.ui.getState().studyAccess).toBe('conflict');
    expect((await a.db.loadDocument('p')).study.title).toBe('A');
    const copy = await b.session.saveAsCopy();
    expect(copy!.id).not.toBe('p');
    expect((await b.db.loadDocument(copy!.id)).study.notes).toBe('B');
  });
});
