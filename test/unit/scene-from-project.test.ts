import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GridTooLargeError, levelGrid } from '../../src/engine/level-grid.ts';
import { sceneFromProject, wallPieces } from '../../src/engine/scene-from-project.ts';
import { parseProjectJson } from '../../src/model/parse-project.ts';
import type { Material, Opening, Wall } from '../../src/model/schema.ts';
import { planGrid } from '../../propagation/scene/grid-plan.ts';

const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/project-format/v1-demo.json'), 'utf8'));

const material = (id: string, loss: number): Material => ({ id, name: id, lossDb: { '2.4': loss, '5': loss + 1, '6': loss + 2 }, thicknessM: 0.1, color: '#000000', source: '' });

describe('project → scene', () => {
  it('cuts a door out of its wall: wall pieces on each side, the door below 2.1 m, the wall above it', () => {
    const materials = new Map([['mur', material('mur', 10)], ['porte', material('porte', 3)]]);
    const wall: Wall = { id: 'w', levelId: 'n', from: { xM: 0, yM: 0 }, to: { xM: 10, yM: 0 }, materialId: 'mur', bottomM: null, topM: null };
    const door: Opening = { id: 'o', levelId: 'n', wallId: 'w', kind: 'porte', offsetM: 4, widthM: 1, materialId: 'porte', bottomM: 0, topM: 2.1 };
    const pieces = wallPieces(wall, [door], materials);
    expect(pieces.map((piece) => [piece.ax, piece.bx, piece.lossDb[0], piece.bottomM, piece.topM])).toEqual([
      [0, 3.5, 10, 0, Infinity],
      [3.5, 4.5, 3, 0, 2.1],
      [3.5, 4.5, 10, 2.1, Infinity],
      [4.5, 10, 10, 0, Infinity],
    ]);
  });

  it('the demo study gives one level, 10 radios with EU centre frequencies, and walls with their material losses', () => {
    const scene = sceneFromProject(demo);
    expect(scene.levels).toHaveLength(1);
    expect(scene.radios).toHaveLength(10);
    const radio40 = scene.radios.find((radio) => radio.band === '5' && radio.channel === 36)!;
    expect(radio40.centerMHz).toBe(5190); // 36+40 bonded at 40 MHz
    expect(radio40.antennaGainDbi).toBe(5);
    // 94 walls, 16 of them with a door: each door adds two pieces (door below, wall above) and splits the wall.
    const doors = demo.openings.length;
    expect(scene.levels[0]!.walls).toHaveLength(demo.walls.length + 3 * doors);
    const concrete = scene.levels[0]!.walls.find((wall) => wall.ax === 1 && wall.bx === 1)!;
    expect(concrete.lossDb).toEqual([15, 26, 29]);
    expect(scene.settings.model).toEqual({ kind: 'multi-wall', exponent: 2, floorExponentB: 0.46 });
  });

  it('disabled radios are left out', () => {
    const copy = structuredClone(demo);
    copy.accessPoints[0]!.radios[0]!.enabled = false;
    expect(sceneFromProject(copy).radios).toHaveLength(9);
  });
});

describe('grid memory guard', () => {
  it('refuses a grid that would not fit and proposes a coarser resolution that does', () => {
    const plan = planGrid({ minX: 0, minY: 0, maxX: 300, maxY: 200 }, 0.1, 100, 1024 ** 3);
    expect(plan.ok).toBe(false);
    if (plan.ok || plan.reason !== 'too-large') return;
    expect(plan.cells).toBe(3000 * 2000);
    const retry = planGrid({ minX: 0, minY: 0, maxX: 300, maxY: 200 }, plan.suggestedResolutionM, 100, 1024 ** 3);
    expect(retry.ok).toBe(true);
    expect(plan.suggestedResolutionM).toBeLessThanOrEqual(0.25);
  });

  it('says so in French with the resolution to use', () => {
    const copy = structuredClone(demo);
    copy.levels[0]!.plan!.widthUnits = 5_000_000; // a 100 km wide plan
    try {
      levelGrid(copy, copy.levels[0]!.id, 0.1);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(GridTooLargeError);
      expect((error as Error).message).toMatch(/^La grille de calcul serait trop grande \([\d\u202f ]+ cellules\) pour la mémoire de cet appareil\. Choisissez une résolution de [\d,]+ m ou plus grossière\.$/);
    }
  });

  it('refuses NaN or non-positive resolutions', () => {
    expect(planGrid({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, Number.NaN, 1)).toEqual({ ok: false, reason: 'invalid' });
    expect(planGrid({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, 0, 1)).toEqual({ ok: false, reason: 'invalid' });
  });
});
