/**
 * Fits the propagation model to survey measurements by bounded, regularised linear least squares:
 *   RSS = A_ap − 10 n log10(d) − Σ_m L_m c_m − Σ_s F_s w_s
 * with A_ap the level each AP gives at 1 m (its power offset), n the path-loss exponent, L_m the loss of each
 * wall material crossed c_m times on the way, and F_s the loss of one slab of floor type s, weighted by the
 * engine's sub-linear floor law (COST 231 multi-floor, as in models/path-loss.ts floorsLossDb): for k slabs
 * crossed, k_s of type s, w_s = k_s · k^((k+2)/(k+1) − b − 1), so the fitted slab losses put back in the study
 * give the engine's prediction. The model is linear in (A, n, L), so the fit is exact least squares:
 * normal equations with a ridge pull towards the prior values (the catalogue losses, n = 2…) that keeps materials
 * that are rarely crossed near their catalogue value, then bounds by an active set (a parameter that leaves its
 * bounds is fixed at the bound and the rest re-solved). Error is reported on held-out points (k-fold), before and
 * after, so the user sees what calibration really bought. Pure and deterministic (folds from the seed).
 */
import { errorStats, type ErrorStats } from '../survey/error-stats.ts';
import { solveLinear } from '../survey/interpolate.ts';
import { seededRandom } from '../util/random.ts';

export interface Observation {
  /** Survey point the reading comes from (folds never split a point). */
  point: number;
  ap: number;
  distanceM: number;
  /** Crossings of each material on the straight path. */
  crossings: ArrayLike<number>;
  /** Weight of each slab type crossed (floorWeights), when the AP is on another level. */
  floors?: ArrayLike<number>;
  measuredDbm: number;
}

export interface ModelParameters {
  apLevelDbm: number[];
  exponent: number;
  materialLossDb: number[];
  /** Loss of one slab of each floor type (dB), when observations cross floors. */
  slabLossDb?: number[];
}

/** COST 231 multi-floor factor b (the engine's default, models/path-loss.ts). */
export const FLOOR_EXPONENT_B = 0.46;

/** Weight of each slab type for a path crossing `counts[s]` slabs of type s: k_s · k^((k+2)/(k+1) − b − 1). */
export function floorWeights(counts: readonly number[], b = FLOOR_EXPONENT_B): number[] {
  const k = counts.reduce((sum, count) => sum + count, 0);
  if (k === 0) return counts.map(() => 0);
  const factor = k ** ((k + 2) / (k + 1) - b - 1);
  return counts.map((count) => count * factor);
}

export interface FitOptions {
  fitApLevels: boolean;
  fitExponent: boolean;
  /** Which materials to fit (others keep their prior loss). */
  fitMaterials: boolean[];
  /** Pull towards the prior (weight per unit² of deviation, in dB²): small for AP levels, stronger for materials. */
  ridge: { apLevel: number; exponent: number; material: number };
  bounds: { apLevel: [number, number]; exponent: [number, number]; material: [number, number] };
  /** Which slab types to fit (others keep their prior loss); none when absent. */
  fitSlabs?: boolean[];
  /**
   * One offset shared by every AP instead of one level per AP. Needed to learn slab losses when each AP is heard
   * from one level only: an AP's own level and the slabs between it and the receivers would otherwise be the
   * same unknown (the building: 12 transmitters on six levels, receivers on one).
   */
  shareApLevels?: boolean;
}

const SLAB_RIDGE = 0.01;
const SLAB_BOUNDS: [number, number] = [0, 60];

export const DEFAULT_FIT_OPTIONS = (materials: number): FitOptions => ({
  fitApLevels: true,
  fitExponent: true,
  fitMaterials: Array(materials).fill(true) as boolean[],
  ridge: { apLevel: 1e-4, exponent: 1, material: 0.05 },
  bounds: { apLevel: [-80, 20], exponent: [1.2, 6], material: [0, 60] },
});

const MIN_DISTANCE_M = 0.5;

export function predict(parameters: ModelParameters, observation: Observation): number {
  let loss = 0;
  for (let m = 0; m < parameters.materialLossDb.length; m++) loss += parameters.materialLossDb[m]! * (observation.crossings[m] ?? 0);
  const slabs = parameters.slabLossDb ?? [];
  for (let s = 0; s < slabs.length; s++) loss += slabs[s]! * (observation.floors?.[s] ?? 0);
  return parameters.apLevelDbm[observation.ap]! - 10 * parameters.exponent * Math.log10(Math.max(MIN_DISTANCE_M, observation.distanceM)) - loss;
}

export function fitModel(observations: readonly Observation[], prior: ModelParameters, options: FitOptions): ModelParameters {
  // Free parameters: [AP levels…, exponent, fitted materials…], each with its column, prior, ridge and bounds.
  type Column = { get: (o: Observation) => number; prior: number; ridge: number; bounds: [number, number]; set: (p: ModelParameters, value: number) => void };
  const columns: Column[] = [];
  if (options.fitApLevels && options.shareApLevels)
    columns.push({ get: () => 1, prior: 0, ridge: options.ridge.apLevel, bounds: [-40, 40], set: (p, v) => void (p.apLevelDbm = prior.apLevelDbm.map((level) => level + v)) });
  else if (options.fitApLevels)
    prior.apLevelDbm.forEach((level, ap) =>
      columns.push({ get: (o) => (o.ap === ap ? 1 : 0), prior: level, ridge: options.ridge.apLevel, bounds: options.bounds.apLevel, set: (p, v) => void (p.apLevelDbm[ap] = v) }),
    );
  if (options.fitExponent) columns.push({ get: (o) => -10 * Math.log10(Math.max(MIN_DISTANCE_M, o.distanceM)), prior: prior.exponent, ridge: options.ridge.exponent, bounds: options.bounds.exponent, set: (p, v) => void (p.exponent = v) });
  prior.materialLossDb.forEach((loss, m) => {
    if (options.fitMaterials[m]) columns.push({ get: (o) => -(o.crossings[m] ?? 0), prior: loss, ridge: options.ridge.material, bounds: options.bounds.material, set: (p, v) => void (p.materialLossDb[m] = v) });
  });
  const slabPrior = prior.slabLossDb ?? [];
  slabPrior.forEach((loss, s) => {
    if (options.fitSlabs?.[s]) columns.push({ get: (o) => -(o.floors?.[s] ?? 0), prior: loss, ridge: SLAB_RIDGE, bounds: SLAB_BOUNDS, set: (p, v) => void (p.slabLossDb![s] = v) });
  });
  const result: ModelParameters = { apLevelDbm: [...prior.apLevelDbm], exponent: prior.exponent, materialLossDb: [...prior.materialLossDb], ...(prior.slabLossDb ? { slabLossDb: [...prior.slabLossDb] } : {}) };
  if (columns.length === 0 || observations.length === 0) return result;

  // Target with the fixed parts removed: y − (contributions of parameters that are not fitted).
  const fixedPart = (o: Observation) => {
    let value = 0;
    if (!options.fitApLevels || options.shareApLevels) value += prior.apLevelDbm[o.ap]!;
    if (!options.fitExponent) value -= 10 * prior.exponent * Math.log10(Math.max(MIN_DISTANCE_M, o.distanceM));
    prior.materialLossDb.forEach((loss, m) => {
      if (!options.fitMaterials[m]) value -= loss * (o.crossings[m] ?? 0);
    });
    slabPrior.forEach((loss, s) => {
      if (!options.fitSlabs?.[s]) value -= loss * (o.floors?.[s] ?? 0);
    });
    return value;
  };
  const rows = observations.map((o) => ({ x: columns.map((column) => column.get(o)), y: o.measuredDbm - fixedPart(o) }));

  const pinned = new Map<number, number>(); // column → value fixed at a bound
  for (let iteration = 0; iteration <= columns.length; iteration++) {
    const free = columns.map((_, index) => index).filter((index) => !pinned.has(index));
    const k = free.length;
    const a = new Float64Array(k * k);
    const b = new Float64Array(k);
    for (const row of rows) {
      let y = row.y;
      for (const [index, value] of pinned) y -= row.x[index]! * value;
      for (let i = 0; i < k; i++) {
        const xi = row.x[free[i]!]!;
        if (xi === 0) continue;
        b[i] = b[i]! + xi * y;
        for (let j = 0; j < k; j++) a[i * k + j] = a[i * k + j]! + xi * row.x[free[j]!]!;
      }
    }
    for (let i = 0; i < k; i++) {
      const column = columns[free[i]!]!;
      a[i * k + i] = a[i * k + i]! + column.ridge * rows.length;
      b[i] = b[i]! + column.ridge * rows.length * column.prior;
    }
    const solution = k > 0 ? solveLinear(a, b, k) : new Float64Array(0);
    if (!solution) break;
    let violated = false;
    free.forEach((index, i) => {
      const [low, high] = columns[index]!.bounds;
      const value = solution[i]!;
      if (value < low || value > high) {
        pinned.set(index, value < low ? low : high);
        violated = true;
      }
    });
    if (!violated) {
      free.forEach((index, i) => columns[index]!.set(result, solution[i]!));
      break;
    }
  }
  for (const [index, value] of pinned) columns[index]!.set(result, value);
  return result;
}

export interface CrossValidation {
  folds: number;
  before: ErrorStats;
  after: ErrorStats;
  /**
   * Held out by AP: each AP's readings predicted by a model fitted without any reading of that AP (its level at 1 m
   * then stays the prior one) — what calibration is worth for an AP the survey did not see, e.g. a new one.
   */
  byAp: { before: ErrorStats; after: ErrorStats; aps: number };
  /** Parameters fitted on every observation (what the user applies). */
  fitted: ModelParameters;
  /** Fit error on every observation (in-sample), for comparison with the held-out error. */
  inSample: ErrorStats;
  /** Each observation's held-out prediction (dBm) by the fold model that did not see its point; NaN if never tested. */
  heldOutDbm: number[];
}

/** k-fold by survey point: each fold's points are predicted by a model fitted without them. */
export function crossValidate(observations: readonly Observation[], prior: ModelParameters, options: FitOptions, folds = 5, seed = 7): CrossValidation {
  const points = [...new Set(observations.map((o) => o.point))];
  const random = seededRandom(seed);
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j]!, points[i]!];
  }
  const foldOf = new Map(points.map((point, index) => [point, index % folds]));
  const measured: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  const heldOutDbm = observations.map(() => Number.NaN);
  const indexOf = new Map(observations.map((observation, index) => [observation, index]));
  for (let fold = 0; fold < folds; fold++) {
    const training = observations.filter((o) => foldOf.get(o.point) !== fold);
    const testing = observations.filter((o) => foldOf.get(o.point) === fold);
    if (testing.length === 0 || training.length === 0) continue;
    const fitted = fitModel(training, prior, options);
    for (const o of testing) {
      measured.push(o.measuredDbm);
      before.push(predict(prior, o));
      const held = predict(fitted, o);
      after.push(held);
      heldOutDbm[indexOf.get(o)!] = held;
    }
  }
  const fitted = fitModel(observations, prior, options);
  return {
    folds,
    before: errorStats(measured, before),
    after: errorStats(measured, after),
    byAp: leaveApsOut(observations, prior, options),
    fitted,
    inSample: errorStats(
      observations.map((o) => o.measuredDbm),
      observations.map((o) => predict(fitted, o)),
    ),
    heldOutDbm,
  };
}

/** Leave-one-AP-out: every AP's readings predicted by a model fitted on the other APs' readings only. */
export function leaveApsOut(observations: readonly Observation[], prior: ModelParameters, options: FitOptions): CrossValidation['byAp'] {
  const aps = [...new Set(observations.map((o) => o.ap))].sort((a, b) => a - b);
  const measured: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  if (aps.length >= 2) {
    for (const ap of aps) {
      const fitted = fitModel(
        observations.filter((o) => o.ap !== ap),
        prior,
        options,
      );
      for (const o of observations.filter((candidate) => candidate.ap === ap)) {
        measured.push(o.measuredDbm);
        before.push(predict(prior, o));
        after.push(predict(fitted, o));
      }
    }
  }
  return { before: errorStats(measured, before), after: errorStats(measured, after), aps: aps.length };
}
