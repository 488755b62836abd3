import { createStore } from 'zustand/vanilla';
import { produce, type Draft } from 'immer';
import { DocumentHistory } from '../history/document-history.ts';
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
}

export interface DocumentActions {
  open(document: ProjectDocument): void;
  close(): void;
  change(label: string, recipe: Recipe): void;
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
 * covers them all; UI state (selection, viewport, tool) lives elsewhere and is never undone.
 */
export function createDocumentStore(clock: () => Date = () => new Date()) {
  let history: DocumentHistory<ProjectDocument> | null = null;

  return createStore<DocumentState & DocumentActions>()((set, get) => {
    const publish = () => {
      if (!history) return set({ document: null, canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
      set({
        document: history.present,
        canUndo: history.canUndo,
        canRedo: history.canRedo,
        undoLabel: history.undoLabel,
        redoLabel: history.redoLabel,
        revision: get().revision + 1,
      });
    };
    const produceNext = (recipe: Recipe): ProjectDocument | null => {
      if (!history) return null;
      const next = produce(history.present, recipe);
      if (next === history.present) return null;
      return produce(next, (draft) => {
        draft.updatedAt = clock().toISOString();
      });
    };
    return {
      document: null,
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
      revision: 0,
      open(document) {
        history = new DocumentHistory(document);
        publish();
      },
      close() {
        history = null;
        publish();
      },
      change(label, recipe) {
        const next = produceNext(recipe);
        if (!next || !history) return;
        history.apply(next, label);
        publish();
      },
      beginGesture() {
        history?.begin();
        publish();
      },
      updateGesture(recipe) {
        const next = produceNext(recipe);
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
        if (history?.undo()) publish();
      },
      redo() {
        if (history?.redo()) publish();
      },
    };
  });
}
