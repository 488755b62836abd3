import { describe, expect, it } from 'vitest';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import type { GridSpec, Scene, SceneLevel } from '../../../propagation/scene/types.ts';
import { seededRandom } from '../../../propagation/util/random.ts';
import { level, radio, scene, wall } from './scene-builders.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1];
const slab = (loss: number): [number, number, number] => [loss, loss, loss];
const grid: GridSpec = { originX: 0, originY: 0, resolutionM: 0.5, nx: 40, ny: 24 };
const centre = (index: number) => (index + 0.5) * grid.resolutionM;

function field(s: Scene, target: string, method: 'spans' | 'brute-force' = 'spans'): Float32Array {
  return computeApFields(s, s.radios, target, grid, method)[0]!;
}

describe('openings in slabs (atria, stairwells)', () => {
  // AP on n0 at (6, 6), 1 m up; clients 1 m above n1 (elevation 3 m): paths meet n1's slab at t = (3 − 1)/(4 − 1) = 2/3.
  const ap = radio('a', 6, 6, { levelId: 'n0', mountingHeightM: 1 });
  const withOpening = (opening: number[][]): Scene => scene([level('n0', [], 0), level('n1', [], 3, { slabLossDb: slab(18.3), slabOpenings: opening })], [ap]);

  it('a path through the opening pays no slab: the open cells are the hand-computed image of the opening', () => {
    const atrium = field(withOpening([square(4, 4, 8, 8)]), 'n1');
    const closed = field(withOpening([]), 'n1');
    const noSlab = field(scene([level('n0', [], 0), level('n1', [], 3, { slabLossDb: slab(0) })], [ap]), 'n1');
    // The path's point on the slab is (6, 6) + 2/3·(C − (6, 6)), inside (4, 8)² exactly when C is inside (3, 9)².
    let open = 0;
    for (let row = 0; row < grid.ny; row++) {
      for (let column = 0; column < grid.nx; column++) {
        const cell = row * grid.nx + column;
        const underAtrium = centre(column) > 3 && centre(column) < 9 && centre(row) > 3 && centre(row) < 9;
        expect(atrium[cell]).toBeCloseTo(underAtrium ? noSlab[cell]! : closed[cell]!, 4);
        if (underAtrium) open++;
      }
    }
    expect(open).toBe(12 * 12);
    expect(closed[0]! - noSlab[0]!).toBeCloseTo(-18.3, 4);
  });

  it('two slabs: the COST 231 floor law applies to the slabs actually crossed (33.52 dB closed, 18.3 dB with one opening)', () => {
    const build = (openings: number[][]) => scene([level('n0', [], 0), level('n1', [], 3, { slabLossDb: slab(18.3), slabOpenings: openings }), level('n2', [], 6, { slabLossDb: slab(18.3) })], [ap]);
    const noSlab = field(scene([level('n0', [], 0), level('n1', [], 3, { slabLossDb: slab(0) }), level('n2', [], 6, { slabLossDb: slab(0) })], [ap]), 'n2');
    const closed = field(build([]), 'n2');
    const oneOpen = field(build([square(0, 0, 20, 12)]), 'n2');
    const cell = 5 * grid.nx + 7;
    // rf_reference §1.4: 18.3 dB for one floor, 33.52 dB for two.
    expect(noSlab[cell]! - closed[cell]!).toBeCloseTo(33.52, 2);
    expect(noSlab[cell]! - oneOpen[cell]!).toBeCloseTo(18.3, 2);
  });

  it('a level on the same storey or an opening in a slab the path does not cross changes nothing', () => {
    const s = withOpening([square(4, 4, 8, 8)]);
    const sameLevel = field(s, 'n0');
    const without = field(withOpening([]), 'n0');
    expect([...sameLevel]).toEqual([...without]);
  });

  it('row scan and per-cell oracle agree on every cell: random non-convex openings, three slabs, turned levels', () => {
    let spared = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const random = seededRandom(seed * 31);
      const r = (from: number, to: number) => from + random() * (to - from);
      const star = (cx: number, cy: number) => Array.from({ length: 7 }, (_, index) => {
        const angle = (index / 7) * 2 * Math.PI;
        const radius = index % 2 ? r(0.5, 2) : r(2, 5);
        return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
      }).flat();
      const levels: SceneLevel[] = [0, 1, 2, 3].map((index) => level(`n${index}`, [wall(r(0, 20), r(0, 12), r(0, 20), r(0, 12), 7)], index * 3.2, {
        slabLossDb: [r(5, 25), r(5, 25), r(5, 25)],
        placement: { rotationRad: index === 2 ? 0.3 : 0, txM: index === 2 ? 1.5 : 0, tyM: 0 },
        slabOpenings: index === 0 ? [] : [star(r(3, 17), r(3, 9)), square(r(0, 10), r(0, 6), r(10, 20), r(6, 12))].slice(0, 1 + (seed % 2)),
      }));
      const from = seed % 2 ? 'n0' : 'n3';
      const s = scene(levels, [radio('a', r(2, 18), r(2, 10), { levelId: from, mountingHeightM: r(0.5, 2.9) }), radio('b', 0, 0, { levelId: from, band: '2.4', channel: 6, centerMHz: 2437 })].map((candidate, index, all) => ({ ...candidate, x: all[0]!.x, y: all[0]!.y, mountingHeightM: all[0]!.mountingHeightM, apId: 'A' })));
      const closed = { ...s, levels: s.levels.map((candidate) => ({ ...candidate, slabOpenings: [] })) };
      for (const target of ['n0', 'n1', 'n2', 'n3']) {
        const fast = computeApFields(s, s.radios, target, grid, 'spans');
        const slow = computeApFields(s, s.radios, target, grid, 'brute-force');
        fast.forEach((values, index) => values.forEach((value, cell) => expect(Math.abs(value - slow[index]![cell]!)).toBeLessThanOrEqual(0.01)));
        const shut = computeApFields(closed, s.radios, target, grid, 'spans')[0]!;
        spared += fast[0]!.filter((value, cell) => value > shut[cell]! + 0.01).length;
      }
    }
    // The openings do spare slabs on a good share of the cells checked (6 seeds × 4 levels × 960 cells).
    expect(spared).toBeGreaterThan(2000);
  });
});
