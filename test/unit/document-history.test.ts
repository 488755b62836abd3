import { describe, expect, it } from 'vitest';
import { DocumentHistory } from '../../src/history/document-history.ts';

describe('DocumentHistory', () => {
  it('undoes and redoes in order', () => {
    const history = new DocumentHistory({ n: 0 });
    history.apply({ n: 1 }, 'un');
    history.apply({ n: 2 }, 'deux');
    expect(history.undoLabel).toBe('deux');
    expect(history.undo()).toBe(true);
    expect(history.present).toEqual({ n: 1 });
    expect(history.redoLabel).toBe('deux');
    history.undo();
    expect(history.present).toEqual({ n: 0 });
    expect(history.undo()).toBe(false);
    history.redo();
    history.redo();
    expect(history.present).toEqual({ n: 2 });
    expect(history.redo()).toBe(false);
  });

  it('a new change clears the redo stack', () => {
    const history = new DocumentHistory('a');
    history.apply('b', 'b');
    history.undo();
    history.apply('c', 'c');
    expect(history.canRedo).toBe(false);
    history.undo();
    expect(history.present).toBe('a');
  });

  it('a gesture with many intermediate states is one undo step', () => {
    const history = new DocumentHistory({ x: 0 });
    history.begin();
    for (let x = 1; x <= 50; x++) history.apply({ x }, '');
    expect(history.canUndo).toBe(false);
    history.commit('déplacer la borne');
    expect(history.present).toEqual({ x: 50 });
    expect(history.undoLabel).toBe('déplacer la borne');
    history.undo();
    expect(history.present).toEqual({ x: 0 });
    expect(history.canUndo).toBe(false);
  });

  it('cancelling a gesture restores the state before it and records nothing', () => {
    const start = { x: 0 };
    const history = new DocumentHistory(start);
    history.begin();
    history.apply({ x: 3 }, '');
    history.cancel();
    expect(history.present).toBe(start);
    expect(history.canUndo).toBe(false);
  });

  it('a gesture that changes nothing records nothing', () => {
    const history = new DocumentHistory(1);
    history.begin();
    history.commit('rien');
    expect(history.canUndo).toBe(false);
  });

  it('keeps at most `limit` entries, dropping the oldest', () => {
    const history = new DocumentHistory(0, 3);
    for (let n = 1; n <= 5; n++) history.apply(n, String(n));
    let undone = 0;
    while (history.undo()) undone++;
    expect(undone).toBe(3);
    expect(history.present).toBe(2);
  });
});
