import { createStore } from 'zustand/vanilla';
import { produce, type Draft } from 'immer';
import { DocumentHistory } from '../history/document-history.ts';
import { t } from '../i18n/index.ts';
import { changeProblems, refusalMessage } from '../model/document-gate.ts';
import type { ProjectDocument } from '../model/schema.ts';

export type Recipe = (draft: Draft<ProjectDocument>) => void;

export interface DocumentState {
  document: ProjectDocument | null;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Bumped on every document change, for subscribers that only need to know "something changed". */
  revision: number;
  /** Bumped each time a document is opened (or opened again), so that subscribers can tell a load from a change. */
  openCount: number;
  /** Another tab holds this study: every change is refused until this tab takes over. */
  readOnly: boolean;
  /** The last change the gate refused (a new object each time), for the UI to say why. */
  refusal: { message: string; problems: string[] } | null;
}

export interface DocumentActions {
  open(document: ProjectDocument): void;
  close(): void;
  /** Applies one undoable change if the result passes the gate; returns whether it was applied. */
  change(label: string, recipe: Recipe): boolean;
  setReadOnly(readOnly: boolean): void;
  beginGesture(): void;
  updateGesture(recipe: Recipe): void;
  commitGesture(label: string): void;
  cancelGesture(): void;
  undo(): void;
  redo(): void;
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/**
 * The open project and its history. Every document change goes through `change` or a gesture, so undo/redo
 * covers them all; UI state (selection, viewport, tool) lives elsewhere and is never undone. Every change passes
 * the document gate first: a change that would store something its own export refuses is not applied, and
 * `refusal` says why. A gesture step that fails the gate is skipped, so the gesture stops at its last valid state.
 */
export function createDocumentStore(clock: () => Date = () => new Date()) {
  let history: DocumentHistory<ProjectDocument> | null = null;

  return createStore<DocumentState & DocumentActions>()((set, get) => {
    const publish = (extra: Partial<DocumentState> = {}) => {
      if (!history) return set({ document: null, canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, ...extra });
      set({
        ...extra,
        document: history.present,
        canUndo: history.canUndo,
        canRedo: history.canRedo,
        undoLabel: history.undoLabel,
        redoLabel: history.redoLabel,
        revision: get().revision + 1,
      });
    };
    const refuse = (label: string, problems: string[]) => set({ refusal: { message: refusalMessage(label || t('errors.gate.gesture'), problems), problems } });
    const produceNext = (recipe: Recipe, label: string): ProjectDocument | null => {
      if (!history) return null;
      if (get().readOnly) {
        refuse(label, [t('errors.gate.readOnly')]);
        return null;
      }
      const next = produce(history.present, recipe);
      if (next === history.present) return null;
      const stamped = produce(next, (draft) => {
        draft.updatedAt = clock().toISOString();
      });
      const problems = changeProblems(history.present, stamped);
      if (problems.length > 0) {
        refuse(label, problems);
        return null;
      }
      return stamped;
    };
    return {
      document: null,
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
      revision: 0,
      readOnly: false,
      refusal: null,
      openCount: 0,
      open(document) {
        history = new DocumentHistory(document);
        // One update: subscribers see the new document and the new openCount together, and do not take a load for a change.
        publish({ openCount: get().openCount + 1, readOnly: false });
      },
      close() {
        history = null;
        publish();
      },
      change(label, recipe) {
        const next = produceNext(recipe, label);
        if (!next || !history) return false;
        history.apply(next, label);
        publish();
        return true;
      },
      setReadOnly(readOnly) {
        set({ readOnly });
      },
      beginGesture() {
        history?.begin();
        publish();
      },
      updateGesture(recipe) {
        const next = produceNext(recipe, '');
        if (!next || !history) return;
        history.apply(next, '');
        publish();
      },
      commitGesture(label) {
        history?.commit(label);
        publish();
      },
      cancelGesture() {
        history?.cancel();
        publish();
      },
      undo() {
        if (get().readOnly) return refuse(t('history.undo'), [t('errors.gate.readOnly')]);
        if (history?.undo()) publish();
      },
      redo() {
        if (get().readOnly) return refuse(t('history.redo'), [t('errors.gate.readOnly')]);
        if (history?.redo()) publish();
      },
    };
  });
}
