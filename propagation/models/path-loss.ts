/**
 * Distance laws, each reduced to PL(d) = A(f) + B·log10(d²) with d the 3D distance in metres (clamped to ≥ 1 m),
 * so the grid loop takes one logarithm per cell, shared by every radio of an AP. Sources in docs/propagation.md
 * and rf_reference.md §1.
 */
import { FSPL_CONSTANT_DB } from './free-space.ts';

export type P1238AbgEnvironment = 'bureau-vue-directe' | 'bureau-sans-vue-directe' | 'couloir-vue-directe' | 'couloir-sans-vue-directe' | 'industriel-vue-directe' | 'industriel-sans-vue-directe';
export type P1238Environment = 'bureau' | 'commercial' | 'residentiel';

export type PathLossModelSpec =
  | { kind: 'free-space' }
  | { kind: 'log-distance'; exponent: number }
  | { kind: 'multi-wall'; exponent: number; floorExponentB: number }
  | { kind: 'itu-p1238-abg'; environment: P1238AbgEnvironment }
  | { kind: 'itu-p1238-n'; environment: P1238Environment };

/** ITU-R P.1238-11 Table 2 (α, β, γ), f in GHz, d in m. */
export const P1238_ABG: Readonly<Record<P1238AbgEnvironment, { alpha: number; beta: number; gamma: number; sigmaDb: number }>> = {
  'bureau-vue-directe': { alpha: 1.46, beta: 34.62, gamma: 2.03, sigmaDb: 3.76 },
  'bureau-sans-vue-directe': { alpha: 2.46, beta: 29.53, gamma: 2.38, sigmaDb: 5.04 },
  'couloir-vue-directe': { alpha: 1.63, beta: 28.12, gamma: 2.25, sigmaDb: 4.07 },
  'couloir-sans-vue-directe': { alpha: 2.77, beta: 29.27, gamma: 2.48, sigmaDb: 7.63 },
  'industriel-vue-directe': { alpha: 2.31, beta: 24.52, gamma: 2.06, sigmaDb: 2.69 },
  'industriel-sans-vue-directe': { alpha: 3.79, beta: 21.01, gamma: 1.34, sigmaDb: 9.05 },
};

/**
 * ITU-R P.1238 eq. (2) distance power-loss coefficient N, by frequency (MHz) and environment. Values for the
 * Wi-Fi bands: office 30 (2.4 GHz), 31 (5.2 GHz), 24 (5.8 GHz); residential 28 (2.4), 30 (5.2 apartment);
 * commercial has no Wi-Fi entry and takes 22 (its 1.8–4 GHz value). 6 GHz takes the 5.2 GHz value (no table entry).
 */
export function p1238DistanceCoefficient(environment: P1238Environment, frequencyMHz: number): number {
  if (environment === 'commercial') return 22;
  if (environment === 'residentiel') return frequencyMHz < 4000 ? 28 : 30;
  if (frequencyMHz < 4000) return 30;
  if (frequencyMHz >= 5725 && frequencyMHz <= 5875) return 24;
  return 31;
}

/**
 * ITU-R P.1238 eq. (2) floor penetration factor L_f(n) (dB) for n ≥ 1 floors: office 14 (2.4 GHz), 16 (5.2 GHz),
 * 22 / 28 (5.8 GHz, 1 / 2 floors). Beyond the tabulated floors the 1.8–2 GHz slope (+4 dB a floor) is extrapolated.
 */
export function p1238FloorLossDb(environment: P1238Environment, frequencyMHz: number, floors: number): number {
  if (floors <= 0) return 0;
  if (environment === 'residentiel') return frequencyMHz < 4000 ? 10 : 13;
  if (environment === 'commercial') return 6 + 3 * (floors - 1);
  if (frequencyMHz < 4000) return 14 + 4 * (floors - 1);
  if (frequencyMHz >= 5725) return floors === 1 ? 22 : 28 + 6 * (floors - 2);
  return 16 + 4 * (floors - 1);
}

export interface DistanceLaw {
  /** PL at 1 m (dB) for this frequency. */
  constantDb: number;
  /** Multiplier of log10(d²). */
  log10D2Coefficient: number;
}

export function distanceLaw(model: PathLossModelSpec, frequencyMHz: number): DistanceLaw {
  const fsplAt1m = 20 * Math.log10(frequencyMHz) + FSPL_CONSTANT_DB;
  switch (model.kind) {
    case 'free-space':
      return { constantDb: fsplAt1m, log10D2Coefficient: 10 };
    case 'log-distance':
    case 'multi-wall':
      return { constantDb: fsplAt1m, log10D2Coefficient: 5 * model.exponent };
    case 'itu-p1238-abg': {
      const { alpha, beta, gamma } = P1238_ABG[model.environment];
      return { constantDb: beta + 10 * gamma * Math.log10(frequencyMHz / 1000), log10D2Coefficient: 5 * alpha };
    }
    case 'itu-p1238-n':
      return { constantDb: 20 * Math.log10(frequencyMHz) - 28, log10D2Coefficient: p1238DistanceCoefficient(model.environment, frequencyMHz) / 2 };
  }
}

export function pathLossDb(law: DistanceLaw, distanceM: number): number {
  return law.constantDb + law.log10D2Coefficient * Math.log10(Math.max(1, distanceM * distanceM));
}

export function modelCountsWalls(model: PathLossModelSpec): boolean {
  return model.kind === 'multi-wall';
}

/**
 * Loss of the slabs between two levels. Multi-wall: COST 231 non-linear term k^((k+2)/(k+1) − b)·L_f, applied to
 * the sum of the slab losses (equal slabs give the published form). P.1238 eq. (2): its L_f(n).
 */
export function floorsLossDb(model: PathLossModelSpec, slabLossesDb: readonly number[], frequencyMHz: number): number {
  const floors = slabLossesDb.length;
  if (floors === 0) return 0;
  if (model.kind === 'multi-wall') {
    const total = slabLossesDb.reduce((sum, loss) => sum + loss, 0);
    return total * floors ** ((floors + 2) / (floors + 1) - model.floorExponentB - 1);
  }
  if (model.kind === 'itu-p1238-n') return p1238FloorLossDb(model.environment, frequencyMHz, floors);
  return 0;
}
