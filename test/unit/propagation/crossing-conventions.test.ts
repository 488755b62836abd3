/**
 * The crossing conventions (propagation/field/wall-crossing.ts, docs/propagation.md « Conventions »), each on a
 * hand-made case from the engine issue: an AP on a wall line, a path through the joint of two collinear pieces,
 * identical in the span method, the brute-force oracle and the one-point grid the `points` command uses.
 */
import { describe, expect, it } from 'vitest';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import { pointGrid } from '../../../propagation/scene/point-grid.ts';
import type { GridSpec } from '../../../propagation/scene/types.ts';
import { level, radio, scene, wall } from './scene-builders.ts';

const ap = (x: number, y: number) => radio('ap', x, y, { mountingHeightM: 2.7, band: '5', channel: 36, centerMHz: 5180, txPowerDbm: 17, antennaGainDbi: 4 });
const at = (walls: ReturnType<typeof wall>[], x: number, y: number, cx: number, cy: number, method: 'spans' | 'brute-force', grid?: GridSpec) => {
  const s = scene([level('n0', walls)], [ap(x, y)]);
  const g = grid ?? pointGrid(cx, cy);
  const field = computeApFields(s, [s.radios[0]!], 'n0', g, method)[0]!;
  if (!grid) return field[0]!;
  const column = Math.round((cx - g.originX) / g.resolutionM - 0.5);
  const row = Math.round((cy - g.originY) / g.resolutionM - 0.5);
  return field[row * g.nx + column]!;
};
const floorGrid: GridSpec = { originX: 0, originY: 0, resolutionM: 0.5, nx: 40, ny: 32 };

describe('an AP on a wall line counts the wall for every path leaving it', () => {
  const glass = [wall(0, 8, 20, 8, 15)];

  it('at (10, 12) the 15 dB wall is counted: the same as an AP 1 mm below the wall, 15 dB under the empty floor', () => {
    for (const method of ['spans', 'brute-force'] as const) {
      const onLine = at(glass, 10, 8, 10, 12, method);
      expect(onLine - at([], 10, 8, 10, 12, method)).toBeCloseTo(-15, 6);
      expect(onLine).toBeCloseTo(at(glass, 10, 7.999, 10, 12, method), 2);
      expect(at(glass, 10, 8, 10, 12.25, method, floorGrid)).toBeCloseTo(at([], 10, 8, 10, 12.25, method, floorGrid) - 15, 6);
    }
  });

  it('on the whole floor, on both sides: every cell 15 dB under the empty floor, span method equal to the oracle', () => {
    const s = scene([level('n0', glass)], [ap(10, 8)]);
    const empty = scene([level('n0', [])], [ap(10, 8)]);
    const spans = computeApFields(s, [s.radios[0]!], 'n0', floorGrid, 'spans')[0]!;
    const oracle = computeApFields(s, [s.radios[0]!], 'n0', floorGrid, 'brute-force')[0]!;
    const free = computeApFields(empty, [empty.radios[0]!], 'n0', floorGrid, 'spans')[0]!;
    for (let cell = 0; cell < spans.length; cell++) {
      expect(spans[cell]).toBe(oracle[cell]);
      expect(spans[cell]! - free[cell]!).toBeCloseTo(-15, 4);
    }
  });

  it('an AP on the wall’s line but beyond its end does not count it', () => {
    expect(at(glass, 25, 8, 25, 12, 'spans')).toBeCloseTo(at([], 25, 8, 25, 12, 'spans'), 9);
  });
});

describe('a path through the joint of two collinear pieces counts exactly one', () => {
  // One wall line drawn as two pieces in opposite directions; AP at (10, 4), the receiver at (10, 12): the path goes
  // through the joint (10, 8).
  const pieces = [wall(0, 8, 10, 8, 15), wall(20, 8, 10, 8, 15)];

  it('in the span method, the oracle and the one-point grid of the `points` command alike: 15 dB', () => {
    const free = at([], 10, 4, 10, 12, 'spans');
    const values = [
      at(pieces, 10, 4, 10, 12, 'spans'),
      at(pieces, 10, 4, 10, 12, 'brute-force'),
      at(pieces, 10, 4, 10, 12.25, 'spans', floorGrid) + (free - at([], 10, 4, 10, 12.25, 'spans', floorGrid)),
      at(pieces, 10, 4, 10, 12.25, 'brute-force', floorGrid) + (free - at([], 10, 4, 10, 12.25, 'brute-force', floorGrid)),
    ];
    for (const value of values) expect(value - free).toBeCloseTo(-15, 6);
  });

  it('the span method equals the oracle on every cell of a floor whose paths run through joints and wall ends', () => {
    const walls = [wall(0, 8, 10, 8, 15), wall(20, 8, 10, 8, 15), wall(10, 8, 10, 14, 6), wall(4, 2, 4, 8, 9)];
    for (const [x, y] of [[10, 4], [10.25, 4.25], [4, 10], [2, 2]] as const) {
      const s = scene([level('n0', walls)], [ap(x, y)]);
      const spans = computeApFields(s, [s.radios[0]!], 'n0', floorGrid, 'spans')[0]!;
      const oracle = computeApFields(s, [s.radios[0]!], 'n0', floorGrid, 'brute-force')[0]!;
      let differing = 0;
      for (let cell = 0; cell < spans.length; cell++) if (Math.abs(spans[cell]! - oracle[cell]!) > 1e-9) differing++;
      expect(differing).toBe(0);
    }
  });
});
