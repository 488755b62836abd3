/**
 * How sure a predicted value is, from the calibration's held-out residuals (measured − predicted by a model that
 * did not see the point) in similar conditions: the same number of floors crossed and about the same number of walls
 * (exactly for 0–2 walls, ±1 above, ±2 from 6). The spread is the RMS of those residuals (one standard deviation
 * when their mean is near zero); with fewer than `minCount` alike, any wall count on the same floors; then none.
 */
export interface ResidualSample {
  walls: number;
  floors: number;
  residualDb: number;
}

export interface Spread {
  plusMinusDb: number;
  count: number;
  /** Whether the wall count had to be dropped to find enough residuals. */
  anyWalls: boolean;
}

export function wallTolerance(walls: number): number {
  return walls <= 2 ? 0 : walls < 6 ? 1 : 2;
}

export function spreadInSimilarConditions(samples: readonly ResidualSample[], walls: number, floors: number, minCount = 5): Spread | null {
  const finite = samples.filter((sample) => Number.isFinite(sample.residualDb) && sample.floors === floors);
  const alike = finite.filter((sample) => Math.abs(sample.walls - walls) <= wallTolerance(walls));
  const chosen = alike.length >= minCount ? alike : finite.length >= minCount ? finite : null;
  if (!chosen) return null;
  const rms = Math.sqrt(chosen.reduce((sum, sample) => sum + sample.residualDb * sample.residualDb, 0) / chosen.length);
  return { plusMinusDb: rms, count: chosen.length, anyWalls: chosen !== alike };
}
