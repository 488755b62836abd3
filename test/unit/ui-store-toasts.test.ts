/** Toasts about a study leave with it: « Annuler » in the next study would undo something else. */
import { describe, expect, it } from 'vitest';
import { createUiStore } from '../../src/store/ui-store.ts';

describe('messages d’une étude', () => {
  it('partent quand on quitte l’étude ; les messages de l’application restent', () => {
    const ui = createUiStore();
    ui.getState().pushToast('success', 'Proposition appliquée : 8 bornes placées. Annulable avec « Annuler ».', [], 'etude-a');
    ui.getState().pushToast('error', 'Stockage du navigateur plein.');
    ui.getState().pushToast('info', 'Import annulé : le niveau est inchangé.', [], 'etude-b');
    ui.getState().leaveStudy('etude-a');
    expect(ui.getState().toasts.map((toast) => toast.message)).toEqual(['Stockage du navigateur plein.', 'Import annulé : le niveau est inchangé.']);
  });
});
