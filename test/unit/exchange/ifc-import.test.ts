/**
 * Importing the hand-written IFC4 model (scripts/fixtures/ifc-two-storeys.ts) through web-ifc: walls, doors, windows
 * and spaces per storey, positions to 1 cm, slab and stairwell, the material table; and the geometry helpers on
 * hand-made shapes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { ifcTwoStoreys } from '../../../scripts/fixtures/ifc-two-storeys.ts';
import { importIfcDigest } from '../../../src/exchange/ifc/ifc-import.ts';
import { readIfc } from '../../../src/exchange/ifc/ifc-read.ts';
import { footprint, wallRectangle } from '../../../src/exchange/ifc/ifc-geometry.ts';
import { polygonAreaM2 } from '../../../src/model/geometry.ts';
import { ruleFor } from '../../../src/exchange/ifc/ifc-materials.ts';
import { settleSvgPlans } from '../../../src/exchange/esx/esx-svg-plans.ts';
import type { ConvertedImport } from '../../../src/exchange/converted-import.ts';
import { documentProblems } from '../../../src/model/document-gate.ts';
import { packVerified } from '../../../src/io/package-codec.ts';
import { parseProjectValue } from '../../../src/model/parse-project.ts';
import { ProjectLoadError } from '../../../src/model/project-load-error.ts';
import type { Wall } from '../../../src/model/schema.ts';

const fixturePath = resolve(import.meta.dirname, '../../../fixtures/exchange/ifc-deux-niveaux.ifc');
const { text, expected } = ifcTwoStoreys();
let result: ConvertedImport;

beforeAll(async () => {
  const digest = await readIfc(new Uint8Array(readFileSync(fixturePath)));
  result = await settleSvgPlans(await importIfcDigest(digest, { id: 'ifc-test', now: new Date('2026-11-30T08:00:00Z') }), DOMPurify(new JSDOM('').window));
});

const near = (a: { xM: number; yM: number }, b: readonly [number, number]) => Math.hypot(a.xM - b[0], a.yM - b[1]) <= 0.01;

describe('IFC import', () => {
  it('the committed fixture is what scripts/fixtures/generate-ifc.ts writes', () => {
    expect(readFileSync(fixturePath, 'utf8')).toBe(text);
  });

  it('gives a study the gate accepts, one level per storey at its elevation, sharing one frame', () => {
    const { document } = result;
    expect(documentProblems(document)).toEqual([]);
    expect(parseProjectValue(JSON.parse(JSON.stringify(document))).id).toBe('ifc-test');
    expect(document.study.title).toBe('Tribunal de proximité — extension');
    expect(document.levels.map((level) => [level.name, level.elevationM])).toEqual(expected.storeys.map((storey) => [storey.name, storey.elevationM]));
    expect(document.levels[0]!.floorToFloorHeightM).toBe(3.5);
    expect(document.levels[1]!.alignment).toEqual({ offsetXM: 0, offsetYM: 0, rotationDeg: 0 });
    // The drawn plan spans the model (20.2 × 12.2 m outside faces) plus 1 m all round, in centimetres.
    expect(document.levels[0]!.plan).toMatchObject({ format: 'svg', widthUnits: 2220, heightUnits: 1420 });
    expect(document.levels.every((level) => result.assets.has(level.plan!.assetSha256))).toBe(true);
  });

  it('saves as an .ondeplan package that re-imports as the same study, drawn plans included', async () => {
    const { bytes, problems } = await packVerified(result.document, result.assets);
    expect(problems).toEqual([]);
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });

  it('counts walls, doors, windows, spaces and slab openings per storey as drawn', () => {
    const { document } = result;
    document.levels.forEach((level, index) => {
      const storey = expected.storeys[index]!;
      const openings = document.openings.filter((opening) => opening.levelId === level.id);
      expect(document.walls.filter((wall) => wall.levelId === level.id)).toHaveLength(storey.walls);
      expect(openings.filter((opening) => opening.kind === 'porte')).toHaveLength(storey.doors);
      expect(openings.filter((opening) => opening.kind === 'fenetre')).toHaveLength(storey.windows);
      expect(document.slabOpenings.filter((opening) => opening.levelId === level.id)).toHaveLength(storey.slabOpenings);
      const zones = document.coverageZones.filter((zone) => zone.levelId === level.id);
      expect(zones.map((zone) => zone.name).sort()).toEqual(storey.spaces.map((space) => space.name).sort());
      for (const space of storey.spaces) {
        const zone = zones.find((candidate) => candidate.name === space.name)!;
        expect(polygonAreaM2(zone.polygon)).toBeCloseTo(space.areaM2, 2);
      }
    });
  });

  it('places wall ends to 1 cm, the 30° partition included, with their thickness and heights', () => {
    const { document } = result;
    for (const wall of expected.walls) {
      const level = document.levels.find((candidate) => candidate.name === wall.storey)!;
      const match = document.walls.find((candidate) => candidate.levelId === level.id && near(candidate.from, wall.from) && near(candidate.to, wall.to));
      expect(match, `${wall.storey} / ${wall.name}`).toBeDefined();
      const material = document.materials.find((candidate) => candidate.id === match!.materialId)!;
      expect(material.thicknessM).toBeCloseTo(wall.thicknessM, 3);
      expect(match!.bottomM).toBeNull();
    }
    // Ground-floor walls are 3 m high on a 3.5 m storey: they stop under the slab above.
    const ground = document.levels[0]!;
    expect(document.walls.filter((wall) => wall.levelId === ground.id).every((wall: Wall) => wall.topM === 3)).toBe(true);
  });

  it('puts each door on its wall at its offset, width and heights', () => {
    const { document } = result;
    for (const door of expected.doors) {
      const level = document.levels.find((candidate) => candidate.name === door.storey)!;
      const wallEnds = expected.walls.find((wall) => wall.storey === door.storey && wall.name === door.wall)!;
      const wall = document.walls.find((candidate) => candidate.levelId === level.id && near(candidate.from, wallEnds.from))!;
      const opening = document.openings.find((candidate) => candidate.wallId === wall.id && candidate.kind === 'porte')!;
      expect(opening.offsetM).toBeCloseTo(door.offsetM, 2);
      expect(opening.widthM).toBeCloseTo(door.widthM, 2);
      expect(opening.bottomM).toBeCloseTo(door.bottomM, 2);
      expect(opening.topM).toBeCloseTo(door.topM, 2);
    }
  });

  it('turns the stairwell into a 3 × 4 m slab opening on the first floor and maps the slabs to the concrete floor', () => {
    const { document } = result;
    const [opening] = document.slabOpenings;
    expect(opening!.levelId).toBe(document.levels[1]!.id);
    expect(polygonAreaM2(opening!.polygon)).toBeCloseTo(12, 3);
    // IFC (2000…5000, 6000…10000) mm → plan x 3.1…6.1, y (12.1 − 10) + 1 … (12.1 − 6) + 1.
    const xs = opening!.polygon.map((p) => p.xM);
    const ys = opening!.polygon.map((p) => p.yM);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([3.1, 6.1, 3.1, 7.1]);
    const slab = document.materials.find((material) => material.id === document.levels[1]!.slabMaterialId)!;
    expect(slab.name).toContain('Béton armé C25/30');
    expect(slab.lossDb).toEqual({ '2.4': 15, '5': 16, '6': 18 });
  });

  it('maps IFC materials through the table: concrete per metre, plaster as a partition, glass for the curtain wall', () => {
    const { document, report } = result;
    const byName = (part: string) => document.materials.filter((material) => material.name.includes(part));
    // Library concrete: 26 dB at 5 GHz for 200 mm; the walls are 200 mm thick.
    expect(byName('Béton armé C25/30 200 mm')[0]!.lossDb['5']).toBe(26);
    expect(byName('Plaque de plâtre BA13')[0]!.lossDb).toEqual({ '2.4': 3, '5': 4, '6': 4 });
    expect(byName('Mur-rideau sans matériau')[0]!.lossDb).toEqual({ '2.4': 1, '5': 7, '6': 8 });
    expect(report.materialMapping?.map((row) => row.source).sort()).toEqual(['Bois massif', 'Béton armé C25/30', 'Béton armé C25/30', 'Plaque de plâtre BA13', 'Verre feuilleté 44.2', 'mur-rideau sans matériau'].sort());
    expect(report.warnings).toEqual([]);
    expect(report.notImported).toEqual([]);
    expect(Object.fromEntries(report.imported.map((row) => [row.label, row.count]))).toMatchObject({ 'Niveaux (étages IFC)': 2, Murs: 9, 'Murs-rideaux': 1, 'Portes (ouvertures de leur mur)': 2, 'Fenêtres (ouvertures de leur mur)': 1, 'Trémies (ouvertures de dalle)': 1 });
    expect(ruleFor('Concrete, Cast-in-Place gray')?.wall).toBe('mat-beton');
    expect(ruleFor('Gypsum Wall Board')?.wall).toBe('mat-placo');
    expect(ruleFor('Vitrage à faible émissivité')?.wall).toBe('mat-vitrage-fe');
    expect(ruleFor('Matériau inconnu')).toBeNull();
  });

  it('refuses a file that is not IFC and a model with nothing to place, in French, before building anything', async () => {
    await expect(readIfc(new TextEncoder().encode('PK\u0003\u0004 pas une maquette'))).rejects.toMatchObject({ code: 'not-ifc' });
    // Cut in its header: web-ifc cannot open it.
    await expect(readIfc(new Uint8Array(readFileSync(fixturePath).subarray(0, 2000)))).rejects.toMatchObject({ code: 'ifc-unusable', details: [expect.stringMatching(/tronqué/)] });
    const empty = text.replace(/#\d+=IFC(WALL|WALLSTANDARDCASE|CURTAINWALL|DOOR|WINDOW|SLAB|SPACE|OPENINGELEMENT)\(.*\);\n/g, '');
    const digest = await readIfc(new TextEncoder().encode(empty));
    const refusal = await importIfcDigest(digest).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProjectLoadError);
    expect((refusal as ProjectLoadError).details[0]).toMatch(/aucun mur, dalle, porte, fenêtre ni espace/);
  });
});

describe('IFC plan geometry', () => {
  it('finds a turned wall’s centre line and thickness from its corners, and flags an L-shaped footprint', () => {
    // A 5 m × 0.2 m wall at 30°, centre line from (1, 2).
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const corners = [[0, -0.1], [5, -0.1], [5, 0.1], [0, 0.1]].map(([u, v]) => ({ xM: 1 + u! * c - v! * s, yM: 2 + u! * s + v! * c }));
    const wall = wallRectangle(corners)!;
    const ends = [wall.from, wall.to].sort((a, b) => a.xM - b.xM);
    expect(ends[0]!.xM).toBeCloseTo(1, 9);
    expect(ends[0]!.yM).toBeCloseTo(2, 9);
    expect(ends[1]!.xM).toBeCloseTo(1 + 5 * c, 9);
    expect(ends[1]!.yM).toBeCloseTo(2 + 5 * s, 9);
    expect(wall.thicknessM).toBeCloseTo(0.2, 9);
    expect(wall.fill).toBeCloseTo(1, 9);
    const l = wallRectangle([{ xM: 0, yM: 0 }, { xM: 4, yM: 0 }, { xM: 4, yM: 0.2 }, { xM: 0.2, yM: 0.2 }, { xM: 0.2, yM: 4 }, { xM: 0, yM: 4 }])!;
    expect(l.fill).toBeLessThan(0.8);
  });

  it('outlines an L-shaped solid from its bottom faces, dropping the top and the points on straight edges', () => {
    // Bottom face of an L (6 × 4 m with a 3 × 2 m notch) in four triangles, with a vertex in the middle of an edge;
    // a top face 3 m higher on the same outline.
    const outline = [[0, 0], [6, 0], [6, 2], [3, 2], [3, 4], [0, 4], [0, 2]] as const;
    const points = [...outline, ...outline].map(([x, y]) => ({ xM: x, yM: y }));
    const z = [...outline.map(() => 0), ...outline.map(() => 3)];
    const bottom = [0, 1, 2, 0, 2, 3, 0, 3, 6, 6, 3, 4, 6, 4, 5];
    const indices = [...bottom, ...bottom.map((index) => index + 7)];
    const polygon = footprint(points, z, indices);
    expect(polygon).toHaveLength(6);
    expect(polygonAreaM2(polygon)).toBeCloseTo(6 * 4 - 3 * 2, 9);
  });
});
