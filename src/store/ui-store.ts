import { createStore } from 'zustand/vanilla';

export type ToastKind = 'info' | 'success' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  details: string[];
}

export type SaveStatus = 'idle' | 'pending' | 'saved' | 'error';
/** How this tab holds the open study: it edits it, another tab does, it handed it over, or a save met a newer one. */
export type StudyAccess = 'editable' | 'busy' | 'handed-over' | 'conflict';

export interface UiState {
  toasts: Toast[];
  saveStatus: SaveStatus;
  activeLevelId: string | null;
  studyAccess: StudyAccess;
  pushToast(kind: ToastKind, message: string, details?: string[]): void;
  dismissToast(id: number): void;
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
    pushToast(kind, message, details = []) {
      const toast = { id: nextToastId++, kind, message, details };
      set((state) => ({ toasts: [...state.toasts.slice(-4), toast] }));
    },
    dismissToast(id) {
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
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
