/**
 * Measured maps: interpolation of survey values on a grid, clipped to the surveyed area (cells farther than `reach`
 * from every sample stay NaN, nothing is painted where nobody measured).
 * - Inverse distance weighting (power 2, k nearest): the baseline.
 * - Ordinary kriging with an exponential variogram fitted to the data (nugget kept ≥ 1 % of the sill, so the
 *   local systems stay well conditioned), k nearest samples, Gaussian elimination with partial pivoting.
 * Pure and deterministic (pair subsampling for the variogram uses the given seed).
 */
import type { GridSpec } from '../scene/types.ts';
import { seededRandom } from '../util/random.ts';
import { SpatialIndex } from './spatial-index.ts';

export interface Samples {
  xs: Float64Array;
  ys: Float64Array;
  values: Float64Array;
}

/** Averages samples closer than `mergeM` (repeated readings at one place), so kriging never sees twin points. */
export function mergeCoincident(xs: ArrayLike<number>, ys: ArrayLike<number>, values: ArrayLike<number>, mergeM = 0.01): Samples {
  const cells = new Map<string, { x: number; y: number; sum: number; count: number }>();
  for (let i = 0; i < values.length; i++) {
    const key = `${Math.round(xs[i]! / mergeM)}|${Math.round(ys[i]! / mergeM)}`;
    const cell = cells.get(key) ?? { x: xs[i]!, y: ys[i]!, sum: 0, count: 0 };
    cell.sum += values[i]!;
    cell.count++;
    cells.set(key, cell);
  }
  const list = [...cells.values()];
  return { xs: Float64Array.from(list, (c) => c.x), ys: Float64Array.from(list, (c) => c.y), values: Float64Array.from(list, (c) => c.sum / c.count) };
}

/** Median distance from each sample to its nearest neighbour. */
export function medianSpacing(samples: Samples): number {
  const n = samples.values.length;
  if (n < 2) return 1;
  const index = new SpatialIndex(samples.xs, samples.ys, 1);
  const nearest = Array.from({ length: n }, (_, i) => index.nearest(samples.xs[i]!, samples.ys[i]!, 2, 1e6)[1]?.distance ?? 0).sort((a, b) => a - b);
  return nearest[Math.floor(n / 2)]!;
}

/** Default reach of a measured map: 2.5 × the median spacing, at least 1 m. */
export const defaultReach = (samples: Samples) => Math.max(1, 2.5 * medianSpacing(samples));

export interface Variogram {
  nugget: number;
  sill: number;
  rangeM: number;
}

export const variogramValue = (v: Variogram, h: number) => (h <= 0 ? 0 : v.nugget + (v.sill - v.nugget) * (1 - Math.exp((-3 * h) / v.rangeM)));

/** Exponential variogram fitted to the empirical one (binned semivariances, pair-count weights). */
export function fitVariogram(samples: Samples, seed = 1, maxPairs = 200_000): Variogram {
  const n = samples.values.length;
  const random = seededRandom(seed);
  let maxLag = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < Math.min(n, i + 50); j++) maxLag = Math.max(maxLag, Math.hypot(samples.xs[i]! - samples.xs[j]!, samples.ys[i]! - samples.ys[j]!));
  maxLag = Math.max(maxLag, 1) / 2;
  const bins = 15;
  const sums = new Float64Array(bins);
  const counts = new Float64Array(bins);
  const totalPairs = (n * (n - 1)) / 2;
  const take = (i: number, j: number) => {
    const h = Math.hypot(samples.xs[i]! - samples.xs[j]!, samples.ys[i]! - samples.ys[j]!);
    if (h >= maxLag || h === 0) return;
    const bin = Math.floor((h / maxLag) * bins);
    const d = samples.values[i]! - samples.values[j]!;
    sums[bin] = sums[bin]! + 0.5 * d * d;
    counts[bin] = counts[bin]! + 1;
  };
  if (totalPairs <= maxPairs) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) take(i, j);
  else
    for (let p = 0; p < maxPairs; p++) {
      const i = Math.floor(random() * n);
      const j = Math.floor(random() * n);
      if (i !== j) take(i, j);
    }
  const lags: number[] = [];
  const gammas: number[] = [];
  const weights: number[] = [];
  for (let b = 0; b < bins; b++)
    if (counts[b]! > 0) {
      lags.push(((b + 0.5) / bins) * maxLag);
      gammas.push(sums[b]! / counts[b]!);
      weights.push(counts[b]!);
    }
  let variance = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += samples.values[i]! / n;
  for (let i = 0; i < n; i++) variance += (samples.values[i]! - mean) ** 2 / Math.max(1, n - 1);
  let best: Variogram = { nugget: 0.05 * variance, sill: Math.max(variance, 1e-6), rangeM: maxLag };
  let bestError = Infinity;
  for (let step = 0; step < 30; step++) {
    const rangeM = (maxLag / 20) * Math.pow(40, step / 29);
    // γ = c0 + c1 f(h), f = 1 − exp(−3h/a): weighted linear least squares for c0, c1 ≥ 0.
    let sw = 0, sf = 0, sff = 0, sg = 0, sfg = 0;
    lags.forEach((h, k) => {
      const f = 1 - Math.exp((-3 * h) / rangeM);
      const w = weights[k]!;
      sw += w;
      sf += w * f;
      sff += w * f * f;
      sg += w * gammas[k]!;
      sfg += w * f * gammas[k]!;
    });
    const det = sw * sff - sf * sf;
    let c1 = det > 1e-12 ? (sw * sfg - sf * sg) / det : sg / Math.max(sf, 1e-12);
    let c0 = det > 1e-12 ? (sg - c1 * sf) / sw : 0;
    if (c0 < 0) {
      c0 = 0;
      c1 = sfg / Math.max(sff, 1e-12);
    }
    c1 = Math.max(c1, 1e-9);
    const error = lags.reduce((sum, h, k) => sum + weights[k]! * (c0 + c1 * (1 - Math.exp((-3 * h) / rangeM)) - gammas[k]!) ** 2, 0);
    if (error < bestError) {
      bestError = error;
      best = { nugget: c0, sill: c0 + c1, rangeM };
    }
  }
  // Keep a small nugget: measurements are noisy, and it keeps every kriging system well conditioned.
  best.nugget = Math.max(best.nugget, 0.01 * best.sill);
  return best;
}

/** Solves A x = b in place (n × n, row-major) by Gaussian elimination with partial pivoting; null if singular. */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = row;
    if (Math.abs(a[pivot * n + col]!) < 1e-12) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[col * n + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    for (let row = col + 1; row < n; row++) {
      const factor = a[row * n + col]! / a[col * n + col]!;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k] = a[row * n + k]! - factor * a[col * n + k]!;
      b[row] = b[row]! - factor * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row * n + k]! * x[k]!;
    x[row] = sum / a[row * n + row]!;
  }
  return x;
}

export interface InterpolationOptions {
  method: 'idw' | 'krigeage';
  /** Cells farther than this from every sample are left empty (NaN). */
  reachM: number;
  neighbours?: number;
  variogram?: Variogram;
}

/** Value at one point, or NaN outside the reach. */
export function interpolateAt(samples: Samples, index: SpatialIndex, x: number, y: number, options: Omit<InterpolationOptions, 'variogram'> & { variogram: Variogram | null }, exclude = -1): number {
  const k = options.neighbours ?? (options.method === 'idw' ? 8 : 16);
  const near = index.nearest(x, y, k + (exclude >= 0 ? 1 : 0), options.reachM).filter((candidate) => candidate.index !== exclude).slice(0, k);
  if (near.length === 0) return NaN;
  if (near[0]!.distance < 1e-9) return samples.values[near[0]!.index]!;
  if (options.method === 'idw' || near.length < 3 || !options.variogram) {
    let weights = 0;
    let sum = 0;
    for (const { index: i, distance } of near) {
      const w = 1 / (distance * distance);
      weights += w;
      sum += w * samples.values[i]!;
    }
    return sum / weights;
  }
  const m = near.length;
  const n = m + 1;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  const v = options.variogram;
  for (let i = 0; i < m; i++) {
    const pi = near[i]!.index;
    for (let j = 0; j < m; j++) {
      const pj = near[j]!.index;
      a[i * n + j] = i === j ? 0 : variogramValue(v, Math.hypot(samples.xs[pi]! - samples.xs[pj]!, samples.ys[pi]! - samples.ys[pj]!));
    }
    a[i * n + m] = 1;
    a[m * n + i] = 1;
    b[i] = variogramValue(v, near[i]!.distance);
  }
  b[m] = 1;
  const weights = solveLinear(a, b, n);
  if (!weights) return NaN;
  let value = 0;
  for (let i = 0; i < m; i++) value += weights[i]! * samples.values[near[i]!.index]!;
  return value;
}

/** The measured map on a grid (cell centres), NaN outside the surveyed area. */
export function interpolateGrid(samples: Samples, grid: GridSpec, options: InterpolationOptions): Float32Array {
  const out = new Float32Array(grid.nx * grid.ny).fill(NaN);
  if (samples.values.length === 0) return out;
  const index = new SpatialIndex(samples.xs, samples.ys, Math.max(options.reachM / 2, 0.25));
  const variogram = options.method === 'krigeage' ? (options.variogram ?? fitVariogram(samples)) : null;
  for (let row = 0; row < grid.ny; row++)
    for (let column = 0; column < grid.nx; column++) {
      const x = grid.originX + (column + 0.5) * grid.resolutionM;
      const y = grid.originY + (row + 0.5) * grid.resolutionM;
      out[row * grid.nx + column] = interpolateAt(samples, index, x, y, { ...options, variogram });
    }
  return out;
}

/** Leave-one-out RMSE of a method on the samples (how well it predicts a point it has not seen). */
export function leaveOneOutRmse(samples: Samples, options: InterpolationOptions): number {
  const index = new SpatialIndex(samples.xs, samples.ys, Math.max(options.reachM / 2, 0.25));
  const variogram = options.method === 'krigeage' ? (options.variogram ?? fitVariogram(samples)) : null;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < samples.values.length; i++) {
    const predicted = interpolateAt(samples, index, samples.xs[i]!, samples.ys[i]!, { ...options, variogram }, i);
    if (!Number.isFinite(predicted)) continue;
    sum += (predicted - samples.values[i]!) ** 2;
    count++;
  }
  return Math.sqrt(sum / Math.max(1, count));
}
