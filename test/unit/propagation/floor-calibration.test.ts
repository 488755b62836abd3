/**
 * Calibration across floors: slab losses fitted with walls and exponent from readings of APs on several levels,
 * the slab weights being the engine's own floor law, and the held-out error by AP beside the one by point.
 */
import { describe, expect, it } from 'vitest';
import { crossValidate, DEFAULT_FIT_OPTIONS, fitModel, floorWeights, leaveApsOut, predict, type ModelParameters, type Observation } from '../../../propagation/calibration/fit-model.ts';
import { floorsLossDb } from '../../../propagation/models/path-loss.ts';
import { seededRandom } from '../../../propagation/util/random.ts';

describe('floor weights follow the engine’s floor law', () => {
  it('k slabs of one type: k^((k+2)/(k+1) − 0.46) times one slab, as floorsLossDb computes (COST 231 multi-floor)', () => {
    const model = { kind: 'multi-wall', exponent: 2, floorExponentB: 0.46 } as const;
    for (const counts of [[1, 0], [2, 0], [3, 0], [1, 2], [0, 4]]) {
      const losses = [16, 22];
      const slabs = counts.flatMap((count, type) => Array(count).fill(losses[type]!) as number[]);
      const weights = floorWeights(counts);
      expect(weights.reduce((sum, weight, type) => sum + weight * losses[type]!, 0)).toBeCloseTo(floorsLossDb(model, slabs, 5180), 9);
    }
    // Hand-computed: three slabs of 16 dB: 16 × 3^(5/4 − 0.46) = 16 × 3^0.79 = 37.9 dB, less than 3 × 16.
    expect(floorWeights([3])[0]! * 16).toBeCloseTo(16 * 3 ** 0.79, 9);
  });
});

/**
 * A five-level building: 12 APs over the levels, receivers on `receiverLevels`, two wall materials and two slab
 * types. The APs' configured levels at 1 m (the prior) are off by a shared −3 dB (device and cables) and ±0.5 dB each.
 */
function syntheticSurvey(noiseDb: number, receiverLevels: readonly number[] = [2], seed = 5) {
  const priorLevels = Array.from({ length: 12 }, (_, ap) => -30 - (ap % 4));
  const random = seededRandom(seed);
  const truth: ModelParameters = { apLevelDbm: priorLevels.map((level) => level - 3 + (random() - 0.5)), exponent: 2.6, materialLossDb: [4, 11], slabLossDb: [18, 24] };
  const slabTypes = [0, 1, 0, 1]; // slab above level 0…3: concrete, heavy concrete, …
  const observations: Observation[] = [];
  let point = 0;
  for (let p = 0; p < 60; p++, point++) {
    const receiverLevel = receiverLevels[p % receiverLevels.length]!;
    for (let ap = 0; ap < 12; ap++) {
      const apLevel = ap % 5;
      const lowest = Math.min(apLevel, receiverLevel);
      const highest = Math.max(apLevel, receiverLevel);
      const counts = [0, 0];
      for (let slab = lowest; slab < highest; slab++) counts[slabTypes[slab]!]!++;
      const observation: Observation = {
        point,
        ap,
        distanceM: 3 + random() * 35,
        crossings: [Math.floor(random() * 4), Math.floor(random() * 2)],
        floors: floorWeights(counts),
        measuredDbm: 0,
      };
      observation.measuredDbm = predict(truth, observation) + (random() - 0.5) * 2 * noiseDb;
      observations.push(observation);
    }
  }
  const prior: ModelParameters = { apLevelDbm: priorLevels, exponent: 2, materialLossDb: [3, 8], slabLossDb: [12, 15] };
  const options = { ...DEFAULT_FIT_OPTIONS(2), fitSlabs: [true, true], shareApLevels: receiverLevels.length === 1 };
  return { truth, observations, prior, options };
}

describe('fitting slab losses with walls and exponent', () => {
  it.each([
    ['receivers on one level, one offset shared by the APs', [2]],
    ['receivers on levels 1 and 3, one level per AP', [1, 3]],
  ])('recovers both slab types and both wall materials within 1 dB (±2 dB noise): %s', (_, levels) => {
    const { truth, observations, prior, options } = syntheticSurvey(2, levels);
    const fitted = fitModel(observations, prior, options);
    expect(Math.abs(fitted.slabLossDb![0]! - truth.slabLossDb![0]!)).toBeLessThan(1);
    expect(Math.abs(fitted.slabLossDb![1]! - truth.slabLossDb![1]!)).toBeLessThan(1);
    expect(Math.abs(fitted.materialLossDb[0]! - 4)).toBeLessThan(1);
    expect(Math.abs(fitted.materialLossDb[1]! - 11)).toBeLessThan(1);
    expect(Math.abs(fitted.exponent - 2.6)).toBeLessThan(0.1);
  });

  it('one level per AP and receivers on one level cannot tell an AP’s level from the slabs below it', () => {
    const { truth, observations, prior, options } = syntheticSurvey(2);
    const perAp = fitModel(observations, prior, { ...options, shareApLevels: false });
    // The slabs are confounded with the APs' levels: the fit leaves them far from the truth.
    expect(Math.abs(perAp.slabLossDb![1]! - truth.slabLossDb![1]!)).toBeGreaterThan(3);
  });

  it('before calibration the error is large; the held-out errors by point and by AP both fall', () => {
    const { observations, prior, options } = syntheticSurvey(2);
    const result = crossValidate(observations, prior, options);
    // Uniform noise of ±2 dB alone has an RMS of 1.15 dB.
    expect(result.after.rmseDb).toBeLessThan(1.8);
    expect(result.before.rmseDb).toBeGreaterThan(8);
    // By AP: a held-out AP keeps its prior level (unknown without its readings), so its error stays above the
    // by-point error, yet below the uncalibrated one.
    expect(result.byAp.aps).toBe(12);
    expect(result.byAp.after.rmseDb).toBeLessThan(result.byAp.before.rmseDb);
    expect(result.byAp.after.rmseDb).toBeGreaterThan(result.after.rmseDb);
    expect(leaveApsOut(observations.filter((o) => o.ap === 0), prior, options).aps).toBe(1);
  });
});
