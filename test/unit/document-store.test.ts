import { describe, expect, it } from 'vitest';
import { setStudyField, addLevel, updateLevel, setProfileThreshold, type Action } from '../../src/actions/study-actions.ts';
import { createProject } from '../../src/model/create-project.ts';
import { projectDocumentSchema } from '../../src/model/schema.ts';
import { createDocumentStore } from '../../src/store/document-store.ts';

function storeWithProject() {
  let tick = 0;
  const store = createDocumentStore(() => new Date(Date.UTC(2026, 0, 1, 0, 0, ++tick)));
  store.getState().open(createProject({ title: 'Départ', id: 'p', now: new Date('2026-01-01T00:00:00Z') }));
  const apply = (action: Action) => store.getState().change(action.label, action.recipe);
  return { store, apply };
}

describe('document store', () => {
  it('applies an action, stamps updatedAt, and undo brings back the exact previous document', () => {
    const { store, apply } = storeWithProject();
    const before = store.getState().document!;
    apply(setStudyField('title', 'Arrivée', 'Renommer'));
    const after = store.getState().document!;
    expect(after.study.title).toBe('Arrivée');
    expect(after.updatedAt).toBe('2026-01-01T00:00:01.000Z');
    expect(after.levels).toBe(before.levels); // untouched parts are shared, not copied
    store.getState().undo();
    expect(store.getState().document).toBe(before);
    store.getState().redo();
    expect(store.getState().document).toBe(after);
  });

  it('an action that changes nothing adds no history entry', () => {
    const { store, apply } = storeWithProject();
    apply(setStudyField('title', 'Départ', 'même titre'));
    expect(store.getState().canUndo).toBe(false);
  });

  it('a gesture of many updates is one undo step', () => {
    const { store } = storeWithProject();
    const levelId = store.getState().document!.levels[0]!.id;
    const before = store.getState().document!;
    store.getState().beginGesture();
    for (let step = 1; step <= 10; step++) {
      const action = updateLevel(levelId, { elevationM: step / 10 }, '');
      store.getState().updateGesture(action.recipe);
    }
    store.getState().commitGesture('Altitude');
    expect(store.getState().document!.levels[0]!.elevationM).toBeCloseTo(1, 12);
    store.getState().undo();
    expect(store.getState().document).toBe(before);
    expect(store.getState().canUndo).toBe(false);
  });

  it('new levels stack on the highest level of the building and keep the document valid', () => {
    const { store, apply } = storeWithProject();
    const document = store.getState().document!;
    apply(updateLevel(document.levels[0]!.id, { floorToFloorHeightM: 3.5, elevationM: 2 }, ''));
    apply(addLevel(document.buildings[0]!.id, 'n1', 'Niveau 1', 'Ajouter'));
    apply(addLevel(document.buildings[0]!.id, 'n2', 'Niveau 2', 'Ajouter'));
    const levels = store.getState().document!.levels;
    expect(levels.map((level) => level.elevationM)).toEqual([2, 5.5, 9]);
    expect(projectDocumentSchema.safeParse(store.getState().document).success).toBe(true);
  });

  it('requirement thresholds: in-range values apply, out-of-range ones are ignored, only the secondary level can be cleared', () => {
    const { store, apply } = storeWithProject();
    apply(setProfileThreshold('profil-donnees', 'minPrimaryRssiDbm', -70, 'Seuil'));
    apply(setProfileThreshold('profil-donnees', 'minSnrDb', 99, 'Seuil'));
    apply(setProfileThreshold('profil-voix', 'minSecondaryRssiDbm', null, 'Seuil'));
    apply(setProfileThreshold('profil-voix', 'minPrimaryRssiDbm', null, 'Seuil'));
    const profiles = new Map(store.getState().document!.requirementProfiles.map((profile) => [profile.id, profile]));
    expect(profiles.get('profil-donnees')).toMatchObject({ minPrimaryRssiDbm: -70, minSnrDb: 20 });
    expect(profiles.get('profil-voix')).toMatchObject({ minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null });
    expect(projectDocumentSchema.safeParse(store.getState().document).success).toBe(true);
  });
});

describe('opening is not a change', () => {
  it('the new document and the new openCount arrive in one notification, so autosave never takes a load for an edit', () => {
    const store = createDocumentStore();
    const notifications: { document: unknown; openCount: number }[] = [];
    store.subscribe((state) => notifications.push({ document: state.document, openCount: state.openCount }));
    const project = createProject({ title: 'Ouverte', id: 'o' });
    store.getState().open(project);
    expect(notifications).toEqual([{ document: project, openCount: 1 }]);
  });
});
