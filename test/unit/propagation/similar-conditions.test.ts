/** The uncertainty beside a predicted value: RMS of held-out residuals in similar conditions, hand-computed. */
import { describe, expect, it } from 'vitest';
import { spreadInSimilarConditions } from '../../../propagation/calibration/similar-conditions.ts';

describe('uncertainty in similar conditions', () => {
  const samples = [
    ...[3, -3, 4, -4, 0].map((residualDb) => ({ walls: 1, floors: 0, residualDb })),
    ...[6, -6, 8, -8, 10, 2].map((residualDb, index) => ({ walls: 3 + (index % 2), floors: 0, residualDb })),
    ...[12, -12].map((residualDb) => ({ walls: 2, floors: 1, residualDb })),
  ];

  it('takes residuals with the same floors and wall count: √((9+9+16+16+0)/5) = √10', () => {
    expect(spreadInSimilarConditions(samples, 1, 0)).toEqual({ plusMinusDb: Math.sqrt(10), count: 5, anyWalls: false });
  });

  it('widens to ±1 wall from three walls: 3 and 4 walls together', () => {
    const spread = spreadInSimilarConditions(samples, 4, 0)!;
    expect(spread.count).toBe(6);
    expect(spread.plusMinusDb).toBeCloseTo(Math.sqrt((36 + 36 + 64 + 64 + 100 + 4) / 6), 12);
  });

  it('drops the wall count when too few alike, and gives nothing without five residuals on the same floors', () => {
    // No sample with 8 walls on the ground level: all 11 of floors = 0.
    expect(spreadInSimilarConditions(samples, 8, 0)).toMatchObject({ count: 11, anyWalls: true });
    expect(spreadInSimilarConditions(samples, 2, 1)).toBeNull();
  });
});
