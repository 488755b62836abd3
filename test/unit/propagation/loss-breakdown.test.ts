/**
 * The budget at a point, term by term: a hand-made case against the published free-space formula and the wall's
 * loss, and on the demo and the three-level study (walls, doors, slabs with a stairwell, patterns, oblique
 * incidence, dominant path) the terms adding up to the engine's map value at that cell to 0.01 dB.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import { lossBreakdown, strongestBreakdowns } from '../../../propagation/field/loss-breakdown.ts';
import type { Scene } from '../../../propagation/scene/types.ts';
import { sceneFromProject } from '../../../src/engine/scene-from-project.ts';
import { unpackProject } from '../../../src/io/project-package.ts';
import { seededRandom } from '../../../propagation/util/random.ts';
import { level, radio, scene, wall } from './scene-builders.ts';

const root = resolve(import.meta.dirname, '../../..');
const fromPackage = async (path: string) => (await unpackProject(new Uint8Array(readFileSync(resolve(root, path))))).document;

/** The engine's map value at (x, y): one 0.1 m grid cell centred there, computed by the fast (spans) method. */
function engineAt(s: Scene, radioIndex: number, levelId: string, x: number, y: number): number {
  return computeApFields(s, [s.radios[radioIndex]!], levelId, { originX: x - 0.05, originY: y - 0.05, resolutionM: 0.1, nx: 1, ny: 1 })[0]![0]!;
}

describe('loss breakdown', () => {
  it('a wall between AP and receiver: power, free space (ITU-R P.525) and the wall, nothing else', () => {
    // AP 2.7 m up at (0, 0), receiver 1.2 m up at (10, 0) (client height of the default settings), 15 dB wall at x = 5.
    const s = scene([level('n0', [wall(5, -5, 5, 5, [10, 15, 20])])], [radio('a', 0, 0, { mountingHeightM: 2.7, antennaGainDbi: 5 })], { clientHeightM: 1.2 });
    const breakdown = lossBreakdown(s, s.radios[0]!, 'n0', 10, 0);
    const d = Math.hypot(10, 1.5);
    const fspl = 20 * Math.log10(d) + 20 * Math.log10(5180) + 20 * Math.log10((4 * Math.PI * 1e6) / 299_792_458);
    expect(breakdown.terms.map((term) => term.kind)).toEqual(['tx-power', 'antenna-gain', 'distance', 'wall']);
    const byKind = new Map(breakdown.terms.map((term) => [term.kind, term]));
    expect(byKind.get('distance')!.db).toBeCloseTo(-fspl, 6);
    expect(byKind.get('wall')!.db).toBe(-15);
    const crossing = byKind.get('wall') as Extract<(typeof breakdown.terms)[number], { kind: 'wall' }>;
    // The path meets the wall halfway, head on in plan, 1.5 m down over 10 m: incidence atan(1.5/10).
    expect(crossing.x).toBeCloseTo(5, 12);
    expect(crossing.y).toBeCloseTo(0, 12);
    expect(crossing.z).toBeCloseTo(1.95, 12);
    expect(crossing.incidenceDeg).toBeCloseTo((Math.atan(1.5 / 10) * 180) / Math.PI, 9);
    expect(breakdown.totalDbm).toBeCloseTo(20 + 5 - fspl - 15, 6);
    expect(breakdown.totalDbm).toBeCloseTo(engineAt(s, 0, 'n0', 10, 0), 2);
    expect([breakdown.wallsCrossed, breakdown.floorsCrossed]).toEqual([1, 0]);
  });

  it.each([
    ['the demo', 'public/demo/palais-de-justice.ondeplan', {}],
    ['the demo with oblique incidence', 'public/demo/palais-de-justice.ondeplan', { obliqueIncidence: true }],
    ['the demo with the dominant path', 'public/demo/palais-de-justice.ondeplan', { dominantPath: { turnLossDbAt90: 10, heavyWallDb: 10 } }],
    ['the three-level study', 'fixtures/projects/tribunal-trois-niveaux.ondeplan', {}],
  ])('on %s, the terms add up to the engine’s map value to 0.01 dB at 60 random points', async (_name, path, settings) => {
    const document = await fromPackage(path);
    const base = sceneFromProject(document);
    const s: Scene = { ...base, settings: { ...base.settings, ...settings } };
    const random = seededRandom(11);
    let compared = 0;
    let withWalls = 0;
    let withSlabs = 0;
    for (let index = 0; index < 60; index++) {
      const targetLevel = s.levels[Math.floor(random() * s.levels.length)]!;
      const radioIndex = Math.floor(random() * s.radios.length);
      const x = 1 + random() * 38;
      const y = 1 + random() * 22;
      const engine = engineAt(s, radioIndex, targetLevel.id, x, y);
      const breakdown = lossBreakdown(s, s.radios[radioIndex]!, targetLevel.id, x, y);
      if (breakdown.outOfReach) continue;
      const sum = breakdown.terms.reduce((total, term) => total + term.db, 0);
      expect(Math.abs(sum - engine), `${targetLevel.id} (${x}, ${y})`).toBeLessThan(0.01);
      compared++;
      if (breakdown.wallsCrossed > 0) withWalls++;
      if (breakdown.terms.some((term) => term.kind === 'slabs')) withSlabs++;
    }
    expect(compared).toBeGreaterThan(40);
    expect(withWalls).toBeGreaterThan(20);
    if (s.levels.length > 1) expect(withSlabs).toBeGreaterThan(10);
  });

  it('the dominant path’s share is its own term: round a concrete block, the straight path’s 80 dB of walls then the relief', () => {
    // The 4 × 6 m block of 40 dB walls of the dominant-path tests, AP and receiver on either side.
    const block = [wall(8, 2, 12, 2, 40), wall(12, 2, 12, 8, 40), wall(12, 8, 8, 8, 40), wall(8, 8, 8, 2, 40)];
    const s = scene([level('n0', block)], [radio('a', 0, 5)], { dominantPath: { turnLossDbAt90: 10, heavyWallDb: 10 }, clientHeightM: 1 });
    const breakdown = lossBreakdown(s, s.radios[0]!, 'n0', 20, 5);
    const walls = breakdown.terms.filter((term) => term.kind === 'wall');
    expect(walls.map((term) => term.db)).toEqual([-40, -40]);
    const relief = breakdown.terms.find((term) => term.kind === 'dominant-path')!;
    expect(relief.db).toBeGreaterThan(40);
    expect(breakdown.totalDbm).toBeCloseTo(computeApFields(s, s.radios, 'n0', { originX: 19.95, originY: 4.95, resolutionM: 0.1, nx: 1, ny: 1 })[0]![0]!, 6);
  });

  it('lists the strongest radios of a band at a point, strongest first', async () => {
    const document = await fromPackage('public/demo/palais-de-justice.ondeplan');
    const s = sceneFromProject(document);
    const top = strongestBreakdowns(s, '5', s.levels[0]!.id, 20, 12, 3);
    expect(top).toHaveLength(3);
    expect(top[0]!.totalDbm).toBeGreaterThanOrEqual(top[1]!.totalDbm);
    const every = s.radios.filter((candidate) => candidate.band === '5').map((candidate) => engineAt(s, s.radios.indexOf(candidate), s.levels[0]!.id, 20, 12));
    expect(top[0]!.totalDbm).toBeCloseTo(Math.max(...every), 2);
  });
});
