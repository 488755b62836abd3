import { describe, expect, it } from 'vitest';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import { preparePathContext } from '../../../propagation/field/path-context.ts';
import { officeBuilding } from '../../../propagation/scenarios/office-floor.ts';
import type { GridSpec, Scene, SceneRadio } from '../../../propagation/scene/types.ts';
import { seededRandom } from '../../../propagation/util/random.ts';
import { level, radio, scene, wall } from './scene-builders.ts';

/** Distance from point (x, y) to segment P→C. */
function pointToSegment(x: number, y: number, px: number, py: number, cx: number, cy: number): number {
  const dx = cx - px;
  const dy = cy - py;
  const t = Math.max(0, Math.min(1, ((x - px) * dx + (y - py) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px + t * dx - x, py + t * dy - y);
}

/**
 * Compares the span method with the brute-force oracle on every cell. Returns every cell that differs by more than
 * 0.01 dB: none is tolerated, paths through a wall end included (both decide those by the shared crossing rule).
 */
function mismatchedCells(s: Scene, radios: SceneRadio[], target: string, grid: GridSpec): { checked: number; mismatches: string[] } {
  const fast = computeApFields(s, radios, target, grid, 'spans');
  const slow = computeApFields(s, radios, target, grid, 'brute-force');
  const context = preparePathContext(s, radios[0]!, target, [...new Set(radios.map((r) => r.band))], radios.map((r) => r.centerMHz));
  const mismatches: string[] = [];
  let checked = 0;
  fast.forEach((field, index) => {
    const other = slow[index]!;
    for (let cell = 0; cell < field.length; cell++) {
      checked++;
      expect(Number.isNaN(field[cell])).toBe(false);
      if (Math.abs(field[cell]! - other[cell]!) <= 0.01) continue;
      const cx = grid.originX + ((cell % grid.nx) + 0.5) * grid.resolutionM;
      const cy = grid.originY + (Math.floor(cell / grid.nx) + 0.5) * grid.resolutionM;
      const nearEnd = context.walls.some((w) => pointToSegment(w.ax, w.ay, context.px, context.py, cx, cy) < 1e-6 || pointToSegment(w.bx, w.by, context.px, context.py, cx, cy) < 1e-6);
      mismatches.push(`cell ${cell}${nearEnd ? ' (path through a wall end)' : ''}: ${field[cell]} vs ${other[cell]}`);
    }
  });
  return { checked, mismatches };
}

function randomScene(seed: number, levels: number): Scene {
  const random = seededRandom(seed);
  const r = (from: number, to: number) => from + random() * (to - from);
  const built = [];
  for (let index = 0; index < levels; index++) {
    const walls = Array.from({ length: 40 }, () => {
      const x = r(-2, 22);
      const y = r(-2, 17);
      const angle = r(0, Math.PI);
      const length = r(0.3, 8);
      const partial = random() < 0.2;
      return wall(x, y, x + Math.cos(angle) * length, y + Math.sin(angle) * length, [r(1, 20), r(1, 20), r(1, 20)], partial ? r(0, 1) : 0, partial ? r(1.2, 2.5) : Infinity);
    });
    built.push(level(`n${index}`, walls, index * 3));
  }
  const radios = [radio('a', r(0, 20), r(0, 15), { levelId: 'n0', mountingHeightM: r(0.5, 2.9), band: '2.4', channel: 6, centerMHz: 2437, apId: 'A' })];
  radios.push({ ...radios[0]!, id: 'b', band: '5', channel: 100, centerMHz: 5500 });
  return scene(built, radios, { clientHeightM: r(0.5, 1.5) });
}

describe('span method equals the brute-force oracle', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random single-level floor, seed %i (40 walls, some of partial height)', (seed) => {
    const s = randomScene(seed, 1);
    const { checked, mismatches } = mismatchedCells(s, [...s.radios], 'n0', { originX: -1, originY: -1, resolutionM: 0.23, nx: 96, ny: 78 });
    expect(checked).toBe(2 * 96 * 78);
    expect(mismatches).toEqual([]);
  });

  it.each([11, 12, 13])('random three-level building, seed %i: walls of every storey on their part of the path', (seed) => {
    const s = randomScene(seed, 3);
    for (const target of ['n0', 'n1', 'n2']) {
      const { mismatches } = mismatchedCells(s, [...s.radios], target, { originX: -1, originY: -1, resolutionM: 0.31, nx: 71, ny: 58 });
      expect(mismatches).toEqual([]);
    }
  });

  it('generated office floor with axis-aligned walls sharing end points: every cell equal, paths grazing wall ends included', () => {
    const s = officeBuilding({ widthM: 30, heightM: 30, wallsPerLevel: 150, levels: 1, apsPerLevel: 2, bands: ['5'], seed: 3 });
    const { checked, mismatches } = mismatchedCells(s, [s.radios[0]!], 'niveau-0', { originX: 0, originY: 0, resolutionM: 0.1, nx: 300, ny: 300 });
    expect(checked).toBe(90000);
    expect(mismatches).toEqual([]);
  });
});

describe('bad geometry never produces NaN', () => {
  const grid = { originX: -2, originY: -2, resolutionM: 0.5, nx: 30, ny: 30 };
  const noNaN = (s: Scene) => {
    for (const field of computeApFields(s, [...s.radios], 'n0', grid)) for (const value of field) expect(Number.isFinite(value)).toBe(true);
  };

  it('zero-length, duplicated and collinear overlapping walls', () => {
    noNaN(scene([level('n0', [wall(3, 3, 3, 3, 10), wall(1, 5, 9, 5, 3), wall(1, 5, 9, 5, 3), wall(4, 5, 12, 5, 3), wall(2, 0, 2, 8, 5)])], [radio('ap', 5, 2)]));
  });

  it('an AP exactly on a wall, on a wall end, collinear with a wall, or outside the plan', () => {
    const walls = [wall(0, 4, 10, 4, 6), wall(5, 0, 5, 10, 6)];
    for (const [x, y] of [[3, 4], [5, 4], [0, 4], [-50, -50], [12, 4]] as const) noNaN(scene([level('n0', walls)], [radio('ap', x, y)]));
  });

  it('NaN or infinite coordinates give NO_SIGNAL instead of NaN', () => {
    noNaN(scene([level('n0', [wall(Number.NaN, 0, 5, 5, 3), wall(0, Infinity, 1, 1, 3)])], [radio('ap', 2, 2)]));
    const bad = scene([level('n0', [])], [radio('ap', Number.NaN, 2)]);
    for (const value of computeApFields(bad, [...bad.radios], 'n0', grid)[0]!) expect(value).toBe(-200);
  });

  it('an empty level and an empty grid', () => {
    noNaN(scene([level('n0', [])], [radio('ap', 1, 1)]));
    const s = scene([level('n0', [])], [radio('ap', 1, 1)]);
    expect(computeApFields(s, [...s.radios], 'n0', { originX: 0, originY: 0, resolutionM: 1, nx: 0, ny: 0 })[0]).toHaveLength(0);
  });
});
