import { describe, expect, it } from 'vitest';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import { freeSpaceLossDb } from '../../../propagation/models/free-space.ts';
import { patchPattern } from './patterns.ts';
import { gridAt, level, radio, scene, wall } from './scene-builders.ts';
import { NO_SIGNAL_DBM } from '../../../propagation/scene/types.ts';

const fspl5180 = (d: number) => 20 * Math.log10(d) + 20 * Math.log10(5180) - 27.552;

describe('hand-computed cases', () => {
  it('an AP behind two walls (3 dB and 10 dB) at 10 m: 20 − 66.73 − 13 = −59.73 dBm', () => {
    const s = scene([level('n0', [wall(3, -5, 3, 5, 3), wall(6, -5, 6, 5, 10)])], [radio('ap', 0, 0)], { model: { kind: 'multi-wall', exponent: 2, floorExponentB: 0.46 }, clientHeightM: 1 });
    const [field] = computeApFields(s, s.radios, 'n0', gridAt(10, 0));
    expect(field![0]).toBeCloseTo(-59.73, 2);
    expect(field![0]).toBeCloseTo(20 - fspl5180(10) - 13, 3);
  });

  it('a wall the path does not cross costs nothing; the free-space model ignores walls altogether', () => {
    const walls = [wall(3, 1, 3, 5, 30)];
    const multi = scene([level('n0', walls)], [radio('ap', 0, 0)]);
    expect(computeApFields(multi, multi.radios, 'n0', gridAt(10, 0))[0]![0]).toBeCloseTo(20 - fspl5180(10), 3);
    const free = scene([level('n0', [wall(3, -5, 3, 5, 30)])], [radio('ap', 0, 0)], { model: { kind: 'free-space' } });
    expect(computeApFields(free, free.radios, 'n0', gridAt(10, 0))[0]![0]).toBeCloseTo(20 - freeSpaceLossDb(10, 5180), 3);
  });

  it('uses the 3D distance: AP at 2.8 m, client at 1 m, 4 m away → d = √(16 + 3.24)', () => {
    const s = scene([level('n0', [])], [radio('ap', 0, 0, { mountingHeightM: 2.8 })], { clientHeightM: 1 });
    expect(computeApFields(s, s.radios, 'n0', gridAt(4, 0))[0]![0]).toBeCloseTo(20 - fspl5180(Math.sqrt(16 + 3.24)), 3);
  });

  it('clamps the distance to 1 m right under the AP instead of going to +∞', () => {
    const s = scene([level('n0', [])], [radio('ap', 0, 0, { mountingHeightM: 1 })], { clientHeightM: 1 });
    expect(computeApFields(s, s.radios, 'n0', gridAt(0, 0))[0]![0]).toBeCloseTo(20 - fspl5180(1), 3);
  });

  it('a partial-height wall (0–1.2 m) blocks only where the path is still below 1.2 m', () => {
    // AP at 2.8 m, client at 1 m: z(t) = 2.8 − 1.8 t ≤ 1.2 ⇔ t ≥ 0.889. Wall at x = 9.5 with the cell at x = 10: t = 0.95 → crossed.
    const low = [wall(9.5, -5, 9.5, 5, 6, 0, 1.2)];
    const s = scene([level('n0', low)], [radio('ap', 0, 0, { mountingHeightM: 2.8 })], { clientHeightM: 1 });
    const d = Math.hypot(10, 1.8);
    expect(computeApFields(s, s.radios, 'n0', gridAt(10, 0))[0]![0]).toBeCloseTo(20 - fspl5180(d) - 6, 3);
    // Same wall at x = 5: t = 0.5, z = 1.9 m, above the wall → not crossed.
    const high = scene([level('n0', [wall(5, -5, 5, 5, 6, 0, 1.2)])], [...s.radios], { clientHeightM: 1 });
    expect(computeApFields(high, high.radios, 'n0', gridAt(10, 0))[0]![0]).toBeCloseTo(20 - fspl5180(d), 3);
  });

  it('another level: the slab between (15 dB at 2.4 GHz) and the walls of each storey on their part of the path', () => {
    // AP on level n0 at 2 m; client on n1 (elevation 3 m) at 1 m → z from 2 to 4, slab at 3 (t = 0.5).
    const n0 = level('n0', [wall(2, -5, 2, 5, 7)]); // crossed at t = 0.25, on n0: counts
    const n1 = level('n1', [wall(6, -5, 6, 5, 4), wall(3, -5, 3, 5, 50)], 3); // x=6 at t=0.75 counts; x=3 at t=0.375 is below n1: not crossed
    const s = scene([n0, n1], [radio('ap', 0, 0, { mountingHeightM: 2, band: '2.4', channel: 1, centerMHz: 2412 })], { clientHeightM: 1 });
    const d = Math.hypot(8, 2);
    const expected = 20 - (20 * Math.log10(d) + 20 * Math.log10(2412) - 27.552) - 7 - 4 - 15;
    expect(computeApFields(s, s.radios, 'n1', gridAt(8, 0))[0]![0]).toBeCloseTo(expected, 3);
  });

  it('an attenuation area costs its dB per metre over the length travelled inside', () => {
    const area = { polygon: [4, -1, 6, -1, 6, 1, 4, 1], lossDbPerM: [2, 3, 4] as [number, number, number] };
    const s = scene([level('n0', [], 0, { areas: [area] })], [radio('ap', 0, 0)], { clientHeightM: 1 });
    expect(computeApFields(s, s.radios, 'n0', gridAt(10, 0))[0]![0]).toBeCloseTo(20 - fspl5180(10) - 2 * 3, 3);
  });

  it('oblique incidence: crossing at 60° from the normal costs twice the loss', () => {
    // Wall along y = 5; the path from (0,0) to (8.660, 5)… crosses it? No: put the cell beyond: (17.32, 10), 60° from the normal (y axis).
    const s = scene([level('n0', [wall(-20, 5, 40, 5, 4)])], [radio('ap', 0, 0)], { clientHeightM: 1, obliqueIncidence: true, obliqueCapDeg: 80 });
    const cx = 10 * Math.tan(Math.PI / 3);
    const value = computeApFields(s, s.radios, 'n0', gridAt(cx, 10))[0]![0]!;
    expect(value).toBeCloseTo(20 - fspl5180(Math.hypot(cx, 10)) - 8, 2);
  });

  it('a directional AP: 0 dB at boresight, −12 dB at 60° off (3GPP parabola with a 60° beamwidth)', () => {
    const ap = radio('ap', 0, 0, { pattern: patchPattern(), azimuthDeg: 0, antennaGainDbi: 8 });
    const s = scene([level('n0', [])], [ap], { clientHeightM: 1 });
    const onAxis = computeApFields(s, s.radios, 'n0', gridAt(10, 0))[0]![0]!;
    const off = computeApFields(s, s.radios, 'n0', gridAt(10 * Math.cos(Math.PI / 3), 10 * Math.sin(Math.PI / 3)))[0]![0]!;
    expect(onAxis).toBeCloseTo(28 - fspl5180(10), 3);
    expect(off).toBeCloseTo(28 - fspl5180(10) - 12, 2);
  });

  it('cells beyond the reach floor hold NO_SIGNAL_DBM', () => {
    const s = scene([level('n0', [])], [radio('ap', 0, 0)], { reachFloorDbm: -60 });
    // 20 dBm − FSPL(d) = −60 → d ≈ 46 m
    const [field] = computeApFields(s, s.radios, 'n0', { originX: 0, originY: 0, resolutionM: 10, nx: 8, ny: 1 });
    expect(field![0]).toBeGreaterThan(-60);
    expect(field![7]).toBe(NO_SIGNAL_DBM);
  });
});
