import { createStore } from 'zustand/vanilla';

export type ToastKind = 'info' | 'success' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  details: string[];
  /** The study the toast is about (its undo, its import…): it goes when that study is left. Null: app-wide. */
  studyId: string | null;
}

export type SaveStatus = 'idle' | 'pending' | 'saved' | 'error';
/** How this tab holds the open study: it edits it, another tab does, it handed it over, or a save met a newer one. */
export type StudyAccess = 'editable' | 'busy' | 'handed-over' | 'conflict';

export interface UiState {
  toasts: Toast[];
  saveStatus: SaveStatus;
  activeLevelId: string | null;
  studyAccess: StudyAccess;
  pushToast(kind: ToastKind, message: string, details?: string[], studyId?: string | null): void;
  dismissToast(id: number): void;
  /** Drops the toasts about a study when the user leaves it (« Annuler » there would undo something else here). */
  leaveStudy(studyId: string): void;
  setSaveStatus(status: SaveStatus): void;
  setActiveLevel(id: string | null): void;
  setStudyAccess(access: StudyAccess): void;
}

export type UiStore = ReturnType<typeof createUiStore>;

export function createUiStore() {
  let nextToastId = 1;
  return createStore<UiState>()((set) => ({
    toasts: [],
    saveStatus: 'idle',
    activeLevelId: null,
    studyAccess: 'editable',
    pushToast(kind, message, details = [], studyId = null) {
      const toast = { id: nextToastId++, kind, message, details, studyId };
      set((state) => ({ toasts: [...state.toasts.slice(-4), toast] }));
    },
    dismissToast(id) {
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
    },
    leaveStudy(studyId) {
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.studyId !== studyId) }));
    },
    setSaveStatus(saveStatus) {
      set({ saveStatus });
    },
    setActiveLevel(activeLevelId) {
      set({ activeLevelId });
    },
    setStudyAccess(studyAccess) {
      set({ studyAccess });
    },
  }));
}
