import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidate, DEFAULT_FIT_OPTIONS, fitModel, predict, type Observation } from '../../../propagation/calibration/fit-model.ts';
import { errorStats } from '../../../propagation/survey/error-stats.ts';
import { fitVariogram, interpolateGrid, leaveOneOutRmse, mergeCoincident, solveLinear } from '../../../propagation/survey/interpolate.ts';
import { seededRandom } from '../../../propagation/util/random.ts';
import { parseCsv } from '../../../src/import/survey/csv.ts';
import { readFeng } from '../../../src/import/survey/feng-csv.ts';

/** Box–Muller normal noise from the seeded generator. */
function gaussian(random: () => number) {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('error statistics', () => {
  it('matches a hand-computed case (error = measured − predicted)', () => {
    // errors: 2, −1, 5 → mean 2, MAE 8/3, RMSE √10, SD √(10 − 4) = √6
    const stats = errorStats([-60, -71, -65], [-62, -70, -70]);
    expect(stats.count).toBe(3);
    expect(stats.meanDb).toBeCloseTo(2, 12);
    expect(stats.maeDb).toBeCloseTo(8 / 3, 12);
    expect(stats.rmseDb).toBeCloseTo(Math.sqrt(10), 12);
    expect(stats.sdDb).toBeCloseTo(Math.sqrt(6), 12);
  });
});

describe('interpolation', () => {
  it('solves small systems exactly (partial pivoting)', () => {
    const x = solveLinear(Float64Array.from([0, 2, 1, 1, 1, 1, 2, 1, 0]), Float64Array.from([5, 4, 4]), 3)!;
    // 2y + z = 5, x + y + z = 4, 2x + y = 4 → x = 1, y = 2, z = 1 (hand solved; the first pivot is zero)
    expect([...x].map((value) => Math.round(value * 1e9) / 1e9)).toEqual([1, 2, 1]);
  });

  const field = (x: number, y: number) => -40 - 20 * Math.log10(1 + Math.hypot(x - 12, y - 8)) - 0.3 * y;
  const random = seededRandom(3);
  const xs: number[] = [];
  const ys: number[] = [];
  const values: number[] = [];
  for (let index = 0; index < 300; index++) {
    const x = random() * 30;
    const y = random() * 20;
    xs.push(x);
    ys.push(y);
    values.push(field(x, y));
  }
  const samples = mergeCoincident(xs, ys, values);

  it('passes through the samples, and leaves cells far from every sample empty', () => {
    const grid = { originX: -10, originY: 0, resolutionM: 0.5, nx: 100, ny: 40 };
    for (const method of ['idw', 'krigeage'] as const) {
      const map = interpolateGrid(samples, grid, { method, reachM: 2 });
      // x < −2 m is more than 2 m from every sample: empty.
      for (let row = 0; row < grid.ny; row++) expect(Number.isNaN(map[row * grid.nx]!)).toBe(true);
      const inside = map.filter((value) => Number.isFinite(value));
      expect(inside.length).toBeGreaterThan(1500);
    }
    const exact = interpolateGrid({ xs: Float64Array.of(1.25), ys: Float64Array.of(1.25), values: Float64Array.of(-55) }, { originX: 0, originY: 0, resolutionM: 2.5, nx: 1, ny: 1 }, { method: 'krigeage', reachM: 5 });
    expect(exact[0]).toBe(-55);
  });

  it('kriging predicts unseen points better than inverse distance weighting on a smooth field (leave-one-out)', () => {
    const idw = leaveOneOutRmse(samples, { method: 'idw', reachM: 6 });
    const kriging = leaveOneOutRmse(samples, { method: 'krigeage', reachM: 6 });
    expect(kriging).toBeLessThan(idw);
    const variogram = fitVariogram(samples);
    expect(variogram.nugget).toBeGreaterThan(0);
    expect(variogram.nugget).toBeLessThan(variogram.sill);
  });
});

describe('calibration', () => {
  /** Vertical walls at x = 5, 10, 15, 20 (materials 0, 1, 0, 1), APs at both ends of a 25 m floor. */
  function synthetic(noiseSd: number, seed: number) {
    const trueLoss = [4, 12];
    const wallsX = [5, 10, 15, 20];
    const wallMaterial = [0, 1, 0, 1];
    const aps = [
      { x: 1, y: 5, level: -38 },
      { x: 24, y: 15, level: -42 },
    ];
    const random = seededRandom(seed);
    const noise = gaussian(random);
    const observations: Observation[] = [];
    for (let point = 0; point < 150; point++) {
      const x = 0.5 + random() * 24;
      const y = random() * 20;
      aps.forEach((ap, index) => {
        const crossings = [0, 0];
        wallsX.forEach((wall, w) => {
          if ((ap.x - wall) * (x - wall) < 0) crossings[wallMaterial[w]!]!++;
        });
        const distanceM = Math.hypot(x - ap.x, y - ap.y);
        const truth = ap.level - 10 * 2.2 * Math.log10(Math.max(0.5, distanceM)) - crossings[0]! * trueLoss[0]! - crossings[1]! * trueLoss[1]!;
        observations.push({ point, ap: index, distanceM, crossings, measuredDbm: truth + noiseSd * noise() });
      });
    }
    return { observations, trueLoss };
  }

  it('recovers known wall losses within 1 dB from a noisy synthetic survey (σ = 2 dB)', () => {
    const { observations, trueLoss } = synthetic(2, 11);
    const prior = { apLevelDbm: [-40, -40], exponent: 2, materialLossDb: [3, 8] }; // catalogue guesses, wrong on purpose
    const fitted = fitModel(observations, prior, DEFAULT_FIT_OPTIONS(2));
    expect(Math.abs(fitted.materialLossDb[0]! - trueLoss[0]!)).toBeLessThan(1);
    expect(Math.abs(fitted.materialLossDb[1]! - trueLoss[1]!)).toBeLessThan(1);
    expect(fitted.exponent).toBeCloseTo(2.2, 0);
  });

  it('reports held-out error before and after (5-fold by point): calibration lowers it towards the noise level', () => {
    const { observations } = synthetic(2, 12);
    const cv = crossValidate(observations, { apLevelDbm: [-40, -40], exponent: 2, materialLossDb: [3, 8] }, DEFAULT_FIT_OPTIONS(2), 5, 1);
    expect(cv.after.rmseDb).toBeLessThan(cv.before.rmseDb);
    expect(cv.after.rmseDb).toBeGreaterThan(1.7); // cannot beat the 2 dB noise by much
    expect(cv.after.rmseDb).toBeLessThan(2.4);
    expect(cv.after.count).toBe(observations.length);
  });

  it('keeps parameters within their bounds', () => {
    const observations: Observation[] = [0, 1, 2, 3].map((point) => ({ point, ap: 0, distanceM: 2 + point, crossings: [1], measuredDbm: -20 + point })); // absurd: louder farther
    const fitted = fitModel(observations, { apLevelDbm: [-40], exponent: 2, materialLossDb: [5] }, DEFAULT_FIT_OPTIONS(1));
    expect(fitted.exponent).toBeGreaterThanOrEqual(1.2);
    expect(fitted.materialLossDb[0]).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(predict(fitted, observations[0]!))).toBe(true);
  });

  it('on the Feng dataset, with the published AP positions and no walls, finds path-loss exponents near the published ones', () => {
    // AP positions from the dataset's README (metres). Each room: one common offset (band and power are not
    // stated), the exponent fitted separately on line-of-sight and non-line-of-sight readings (the LOS APs column).
    const rooms = {
      lecture_theatre: [[3, 9], [10, 9], [18.8, 9], [3, 21], [19, 21]],
      office: [[1, 5], [11, -1], [15, 6], [20, -1], [25, 5]],
    } as const;
    const fitted: Record<string, { exponent: number; heldOutRmse: number; before: number }> = {};
    for (const [room, aps] of Object.entries(rooms)) {
      const table = parseCsv(readFileSync(resolve(import.meta.dirname, `../../../fixtures/surveys/feng-rss-rtt/database_${room}_train.csv`), 'utf8'));
      const points = readFeng(table, room).datasets[0]!.points;
      expect(points).toHaveLength(table.rows.length); // no row rejected, so rows and points line up
      for (const los of [true, false]) {
        const observations: Observation[] = [];
        points.forEach((point, index) => {
          const losAps = new Set((table.rows[index]![12] ?? '').trim().split(/\s+/).filter(Boolean));
          for (const reading of point.readings) {
            const ap = Number(reading.bssid.slice(2)) - 1;
            if (losAps.has(String(ap + 1)) !== los) continue;
            const [x, y] = aps[ap]!;
            observations.push({ point: index, ap: 0, distanceM: Math.hypot(point.position.xM - x, point.position.yM - y), crossings: [], measuredDbm: reading.rssiDbm });
          }
        });
        if (observations.length < 100) continue;
        const cv = crossValidate(observations, { apLevelDbm: [-40], exponent: 2, materialLossDb: [] }, DEFAULT_FIT_OPTIONS(0), 5, 3);
        fitted[`${room}-${los ? 'LOS' : 'NLOS'}`] = { exponent: cv.fitted.exponent, heldOutRmse: cv.after.rmseDb, before: cv.before.rmseDb };
      }
    }
    // Published: line of sight about 1.5–1.8, office non-line-of-sight about 2.4.
    expect(fitted['lecture_theatre-LOS']!.exponent).toBeGreaterThan(1.4);
    expect(fitted['lecture_theatre-LOS']!.exponent).toBeLessThan(1.8);
    expect(fitted['office-LOS']!.exponent).toBeGreaterThan(1.5);
    expect(fitted['office-LOS']!.exponent).toBeLessThan(1.9);
    expect(fitted['office-NLOS']!.exponent).toBeGreaterThan(2.2);
    expect(fitted['office-NLOS']!.exponent).toBeLessThan(2.6);
    for (const result of Object.values(fitted)) expect(result.heldOutRmse).toBeLessThan(result.before);
    console.log('Feng fit', JSON.stringify(Object.fromEntries(Object.entries(fitted).map(([key, value]) => [key, { n: value.exponent.toFixed(2), heldOutRmseDb: value.heldOutRmse.toFixed(2), beforeRmseDb: value.before.toFixed(2) }]))));
  });
});
