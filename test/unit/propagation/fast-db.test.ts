import { describe, expect, it } from 'vitest';
import { fastDb } from '../../../propagation/util/fast-db.ts';
import { seededRandom } from '../../../propagation/util/random.ts';

describe('fastDb (10·log10 by exponent and table)', () => {
  it('gives the decibel values of powers of ten and of two within 5e-6 dB', () => {
    for (let exponent = -15; exponent <= 6; exponent++) expect(Math.abs(fastDb(10 ** exponent) - 10 * exponent)).toBeLessThan(5e-6);
    // 10·log10(2) = 3.0103 dB per octave (published); octave edges are where the exponent field changes.
    for (let octave = -40; octave <= 20; octave++) {
      const x = 2 ** octave;
      expect(Math.abs(fastDb(x) - octave * 3.010299956639812)).toBeLessThan(5e-6);
      expect(Math.abs(fastDb(x * (1 - 2 ** -40)) - 10 * Math.log10(x * (1 - 2 ** -40)))).toBeLessThan(5e-6);
    }
  });

  it('stays within 5e-6 dB of Math.log10 on 200,000 values from 1e-15 to 1e6 mW', () => {
    const random = seededRandom(7);
    let worst = 0;
    for (let index = 0; index < 200_000; index++) {
      const x = 10 ** (random() * 21 - 15);
      worst = Math.max(worst, Math.abs(fastDb(x) - 10 * Math.log10(x)));
    }
    expect(worst).toBeLessThan(5e-6);
    expect(worst).toBeGreaterThan(0);
  });
});
