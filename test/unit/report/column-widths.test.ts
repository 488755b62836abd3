import { describe, expect, it } from 'vitest';
import { fitColumnWidths } from '../../../src/report/pdf/column-widths.ts';

describe('largeurs de colonnes', () => {
  it('partage la ligne selon les poids quand chaque mot tient', () => {
    expect(fitColumnWidths([1, 3], [10, 10], 400)).toEqual([100, 300]);
  });

  it('donne au moins la largeur du mot le plus long et partage le reste', () => {
    // Proportional: 50 / 350; the first column needs 80, the other gets 320.
    expect(fitColumnWidths([1, 7], [80, 10], 400)).toEqual([80, 320]);
    // Two narrow columns fixed one after the other: 60 and 70 fixed, 270 left for the third.
    expect(fitColumnWidths([1, 1, 8], [60, 70, 10], 400)).toEqual([60, 70, 270]);
  });

  it('suit les minimums quand ils dépassent la ligne', () => {
    expect(fitColumnWidths([1, 1], [300, 200], 400)).toEqual([240, 160]);
  });
});
