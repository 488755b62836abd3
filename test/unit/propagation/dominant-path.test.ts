/**
 * Dominant path on hand-made geometries: a concrete block in a corridor, an L-shaped corridor. Expected values come
 * from the published free-space formula over path lengths computed by hand here, with the turning points placed as
 * documented (5 cm beyond each heavy wall's end, along the wall).
 */
import { describe, expect, it } from 'vitest';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import type { Scene, SceneWall } from '../../../propagation/scene/types.ts';
import { gridAt, level, radio, scene, wall } from './scene-builders.ts';

// ITU-R P.525 with the rounded constant 27.55: within 0.003 dB of the engine, so values are compared to 0.005 dB.
const FSPL_1M_5180 = 20 * Math.log10(5180) - 27.55;
/** 20 dBm, no gains, free space with exponent 2 at 5180 MHz, as the multi-wall model computes it without walls. */
const freeSpaceDbm = (lengthM: number) => 20 - FSPL_1M_5180 - 20 * Math.log10(lengthM);
const hypot = Math.hypot;
const angleDeg = (ax: number, ay: number, bx: number, by: number) => (Math.acos((ax * bx + ay * by) / (hypot(ax, ay) * hypot(bx, by))) * 180) / Math.PI;

function rssiAt(walls: SceneWall[], ap: [number, number], at: [number, number], dominantPath: { turnLossDbAt90: number; heavyWallDb: number } | null): number {
  const s: Scene = scene([level('n0', walls)], [radio('a', ap[0], ap[1])], { dominantPath });
  return computeApFields(s, s.radios, 'n0', gridAt(at[0], at[1]))[0]![0]!;
}

describe('dominant path (optional)', () => {
  // A 4 × 6 m concrete block (40 dB walls) in a 10 m wide corridor; AP and receiver on either side, 1 m up both.
  const block = [wall(8, 2, 12, 2, 40), wall(12, 2, 12, 8, 40), wall(12, 8, 8, 8, 40), wall(8, 8, 8, 2, 40)];
  const corridor = [wall(-2, 0, 22, 0, 40), wall(-2, 10, 22, 10, 40)];
  const ap: [number, number] = [0, 5];
  const receiver: [number, number] = [20, 5];

  it('off by default: the straight path pays both faces of the block (80 dB)', () => {
    expect(rssiAt([...block, ...corridor], ap, receiver, null)).toBeCloseTo(freeSpaceDbm(20) - 80, 2);
  });

  it('a concrete block with an open corridor round it: loss set by the corridor path, not by the block', () => {
    const settings = { turnLossDbAt90: 10, heavyWallDb: 10 };
    const value = rssiAt([...block, ...corridor], ap, receiver, settings);
    // One path round the block by hand: (0, 5) → (8, 1.95) → (12, 1.95) → (20, 5), turning points beyond the ends of
    // the block's side walls. Its loss bounds the dominant path's; free space over 20 m bounds it the other way.
    const legs = [[8, -3.05], [4, 0], [8, 3.05]] as const;
    const length = legs.reduce((sum, [x, y]) => sum + hypot(x, y), 0);
    const turns = (10 * (angleDeg(8, -3.05, 4, 0) + angleDeg(4, 0, 8, 3.05))) / 90;
    expect(value).toBeGreaterThanOrEqual(freeSpaceDbm(length) - turns - 0.01);
    expect(value).toBeLessThan(freeSpaceDbm(20));
    // Within 1 dB of that path: the other paths round the block differ by centimetres.
    expect(value).toBeLessThan(freeSpaceDbm(length) - turns + 1);
  });

  // An L corridor: horizontal arm y ∈ [0, 2], vertical arm x ∈ [18, 20], concrete (26 dB) inner walls.
  const inner = [wall(0, 2, 18, 2, 26), wall(18, 2, 18, 20, 26)];
  const outer = [wall(0, 0, 20, 0, 26), wall(20, 0, 20, 20, 26)];
  const start: [number, number] = [1, 1];
  const end: [number, number] = [19, 15];
  // The two turning points at the inner corner (18, 2): 5 cm beyond each inner wall's end.
  const viaA = { length: hypot(17.05, 1) + hypot(0.95, 13), turn: angleDeg(17.05, 1, 0.95, 13) };
  const viaB = { length: hypot(17, 0.95) + hypot(1, 13.05), turn: angleDeg(17, 0.95, 1, 13.05) };

  it('round the corner of an L corridor without turn loss: free space over the shortest bent path, exactly', () => {
    const value = rssiAt([...inner, ...outer], start, end, { turnLossDbAt90: 0, heavyWallDb: 10 });
    expect(value).toBeCloseTo(freeSpaceDbm(Math.min(viaA.length, viaB.length)), 2);
    // The straight path crosses both inner walls.
    expect(rssiAt([...inner, ...outer], start, end, null)).toBeCloseTo(freeSpaceDbm(hypot(18, 14)) - 52, 2);
  });

  it('with 10 dB per 90° turn: the better of the two corner paths, turn included', () => {
    const value = rssiAt([...inner, ...outer], start, end, { turnLossDbAt90: 10, heavyWallDb: 10 });
    const expected = Math.max(...[viaA, viaB].map((path) => freeSpaceDbm(path.length) - (10 * path.turn) / 90));
    expect(value).toBeCloseTo(expected, 2);
  });

  it('light walls offer no turning point: plaster partitions keep the straight path', () => {
    const plaster = [wall(0, 2, 18, 2, 4), wall(18, 2, 18, 20, 4), wall(0, 0, 20, 0, 4), wall(20, 0, 20, 20, 4)];
    expect(rssiAt(plaster, start, end, { turnLossDbAt90: 10, heavyWallDb: 10 })).toBeCloseTo(freeSpaceDbm(hypot(18, 14)) - 8, 2);
  });

  it('never below the straight path, and only on the AP’s own level', () => {
    const walls = [...inner, ...outer];
    const s = scene([level('n0', walls), level('n1', walls, 3)], [radio('a', 1, 1)], { dominantPath: { turnLossDbAt90: 10, heavyWallDb: 10 } });
    const straight = scene(s.levels as never, s.radios as never);
    const grid = { originX: 0, originY: 0, resolutionM: 0.5, nx: 42, ny: 42 };
    const bent = computeApFields(s, s.radios, 'n0', grid)[0]!;
    const direct = computeApFields(straight, s.radios, 'n0', grid)[0]!;
    bent.forEach((value, cell) => expect(value).toBeGreaterThanOrEqual(direct[cell]! - 1e-4));
    expect(bent.filter((value, cell) => value > direct[cell]! + 1).length).toBeGreaterThan(100);
    expect([...computeApFields(s, s.radios, 'n1', grid)[0]!]).toEqual([...computeApFields(straight, s.radios, 'n1', grid)[0]!]);
  });
});
