/** The printed scale of a PDF plan from its metres per point, as shown after a calibration. */
import { describe, expect, it } from 'vitest';
import { printedScaleDenominator, printedScaleMetersPerUnit } from '../../../src/model/plan-scale.ts';

describe('échelle imprimée', () => {
  it('1 point PDF = 0,0254 / 72 m : 1:100 donne 3,528 cm par point et se relit 1:100', () => {
    expect(printedScaleMetersPerUnit(100)).toBeCloseTo(0.035278, 6);
    expect(printedScaleDenominator(printedScaleMetersPerUnit(100))).toBe(100);
  });

  it('une calibration à 10,266 cm par point se lit 1:291 (et non plus 1:100)', () => {
    // 291 × 0,0254 / 72 = 0,102658 m per point.
    expect(printedScaleDenominator(0.102658)).toBe(291);
  });
});
