/**
 * Wall recognition measured on plans with hand-labelled walls (precision and recall on wall length, against the
 * walls the fixture generators drew, never against the recogniser's own output), and each rule on a hand-made case.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src/editor/geometry.ts';
import { lengthAgreement } from '../../../src/editor/wall-recognition/length-agreement.ts';
import { LINE_CLASSES, suggestWalls, type LineClass } from '../../../src/editor/wall-suggestion.ts';
import { readDxf } from '../../../src/import/plan/dxf/read-dxf.ts';
import { pdfPageLines } from '../../helpers/pdf-plan-lines.ts';
import { solidParts } from '../../helpers/solid-wall-parts.ts';

const plans = resolve(import.meta.dirname, '../../../fixtures/plans');
type Labelled = { x1: number; y1: number; x2: number; y2: number; thicknessM: number };
const labelSegments = (walls: Labelled[]): Segment[] => walls.map((wall) => ({ a: { x: wall.x1, y: wall.y1 }, b: { x: wall.x2, y: wall.y2 } }));
const line = (x1: number, y1: number, x2: number, y2: number): Segment => ({ a: { x: x1, y: y1 }, b: { x: x2, y: y2 } });
const classOf = (report: ReturnType<typeof suggestWalls>, index: number): LineClass => LINE_CLASSES[report.lineClass[index]!]!;
const length = (segment: Segment) => Math.hypot(segment.b.x - segment.a.x, segment.b.y - segment.a.y);
/** The solid parts of proposed walls: each wall minus its door openings (what the labels draw). */
const solid = (walls: readonly { a: Segment['a']; b: Segment['b']; doors: [number, number][] }[]): Segment[] => walls.flatMap((wall) => solidParts(wall.a, wall.b, wall.doors));

describe('wall recognition on labelled plans', () => {
  const university = JSON.parse(readFileSync(resolve(plans, 'aile-universitaire.expected.json'), 'utf8')) as {
    metersPerPoint: number;
    sheetM: { widthM: number; heightM: number };
    walls: Labelled[];
    doors: { x: number; y: number; widthM: number }[];
  };

  /** The university sheet in sheet metres: its page is turned by 90°, so (x′, y′) on screen is (H − y, x). */
  async function universityLines() {
    const page = await pdfPageLines(resolve(plans, 'aile-universitaire-1-100.pdf'));
    const m = university.metersPerPoint;
    const H = page.viewport.width;
    const lines = page.segments.map(({ a, b }) => line(a.y * m, (H - a.x) * m, b.y * m, (H - b.x) * m));
    const fills = page.styles.filter((style) => style.filled).reduce((sum, style) => sum + style.count, 0);
    return { page, lines, strokes: lines.slice(0, lines.length - fills) };
  }

  it('reads the university wing (23 000 lines, six stroke widths, hatching, axes, furniture) with precision and recall above 97 %', async () => {
    const { page, lines, strokes } = await universityLines();
    expect(page.rotate).toBe(90);
    expect(lines.length).toBeGreaterThan(22_000);
    expect(page.styles.filter((style) => !style.filled).map((style) => style.widthPt)).toEqual([0.1, 0.18, 0.25, 0.35, 0.5, 0.7]);
    const sheet = { minX: 0, minY: 0, maxX: university.sheetM.widthM, maxY: university.sheetM.heightM };
    // The recommended preset reads the strokes (filled shapes are room colours).
    const report = suggestWalls(strokes, { sheet });
    const score = lengthAgreement(solid(report.walls), labelSegments(university.walls));
    expect(score.precision).toBeGreaterThan(0.97);
    expect(score.recall).toBeGreaterThan(0.97);
    expect(report.axisDeg).toBeCloseTo(0, 3);
    // The building's axes are 0° and 90°: every proposal lies on one of them.
    for (const wall of report.walls) expect(Math.min(Math.abs(wall.a.x - wall.b.x), Math.abs(wall.a.y - wall.b.y))).toBeLessThan(1e-9);
    // Hatching, tiles and stair treads, dashed axes, furniture and light fittings are each recognised for what they are.
    expect(report.classes.hachure.count).toBeGreaterThan(100);
    expect(report.classes.tirete.count).toBeGreaterThan(250);
    expect(report.classes.oblique.count).toBeGreaterThan(600);
    expect(report.classes.bloc.count).toBeGreaterThan(700);
    expect(report.classes.cadre.count).toBe(4);
    // The 21 doors of the corridor walls, found from their leaves: each opening centred within 5 cm of the labelled
    // door, as wide as it to 1 cm; the leaves are the door class.
    const openings = report.walls.flatMap((wall) =>
      wall.doors.map(([from, to]) => {
        const t = (from + to) / 2 / length(wall);
        return { x: wall.a.x + (wall.b.x - wall.a.x) * t, y: wall.a.y + (wall.b.y - wall.a.y) * t, widthM: to - from };
      }),
    );
    expect(openings).toHaveLength(university.doors.length);
    for (const door of university.doors) {
      const found = openings.find((opening) => Math.hypot(opening.x - door.x, opening.y - door.y) < 0.05);
      expect(found, JSON.stringify(door)).toBeDefined();
      expect(found!.widthM).toBeCloseTo(door.widthM, 2);
    }
    expect(report.classes.porte.count).toBe(university.doors.length);
    // The same in the frame the editor works in (the page as shown, turned): the result does not depend on it.
    const m = university.metersPerPoint;
    const shown = page.segments.slice(0, strokes.length).map(({ a, b }) => line(a.x * m, a.y * m, b.x * m, b.y * m));
    const shownLabels = university.walls.map((wall) => line(university.sheetM.heightM - wall.y1, wall.x1, university.sheetM.heightM - wall.y2, wall.x2));
    const turned = lengthAgreement(solid(suggestWalls(shown, { sheet: { minX: 0, minY: 0, maxX: university.sheetM.heightM, maxY: university.sheetM.widthM } }).walls), shownLabels);
    expect(turned.precision).toBeGreaterThan(0.97);
    expect(turned.recall).toBeGreaterThan(0.97);
    // Reading the filled shapes too still finds the walls; their edges across doors cost precision.
    const everything = lengthAgreement(solid(suggestWalls(lines, { sheet }).walls), labelSegments(university.walls));
    expect(everything.recall).toBeGreaterThan(0.97);
    expect(everything.precision).toBeGreaterThan(0.8);
  });

  it('honours the clipping paths: no line leaves the sheet, the archives hatching stays in the archives', async () => {
    const { lines } = await universityLines();
    const inside = (p: { x: number; y: number }) => p.x >= -1e-6 && p.y >= -1e-6 && p.x <= university.sheetM.widthM + 1e-6 && p.y <= university.sheetM.heightM + 1e-6;
    expect(lines.filter((segment) => !inside(segment.a) || !inside(segment.b))).toEqual([]);
    // The archives (building x 60.05–65.95 m, y 0.2–13.3 m, placed at (6, 12) on the sheet) hatched at 45°.
    const diagonal = lines.filter((segment) => Math.abs(Math.abs(segment.b.x - segment.a.x) - Math.abs(segment.b.y - segment.a.y)) < 1e-3 && length(segment) > 0.5);
    const archives = diagonal.filter((segment) => length(segment) > 1 && (segment.a.x + segment.b.x) / 2 > 64 && (segment.a.x + segment.b.x) / 2 < 74);
    expect(archives.length).toBeGreaterThan(40);
    for (const segment of archives) for (const p of [segment.a, segment.b]) {
      expect(p.x).toBeGreaterThanOrEqual(66.05 - 1e-3);
      expect(p.x).toBeLessThanOrEqual(71.95 + 1e-3);
      expect(p.y).toBeGreaterThanOrEqual(12.2 - 1e-3);
      expect(p.y).toBeLessThanOrEqual(25.3 + 1e-3);
    }
  });

  it('reads the office fixtures (PDF upright and turned, DXF) with full precision and recall', async () => {
    const offices = JSON.parse(readFileSync(resolve(plans, 'bureaux.expected.json'), 'utf8')) as { metersPerPoint: number; planOffsetM: number; walls: Labelled[] };
    const labels = labelSegments(offices.walls);
    const m = offices.metersPerPoint;
    const upright = await pdfPageLines(resolve(plans, 'bureaux-1-50.pdf'), 1);
    const toPlan = (segment: Segment) => line(segment.a.x * m - offices.planOffsetM, segment.a.y * m - offices.planOffsetM, segment.b.x * m - offices.planOffsetM, segment.b.y * m - offices.planOffsetM);
    const turned = await pdfPageLines(resolve(plans, 'bureaux-1-50.pdf'), 2);
    const H = turned.viewport.width;
    const unturn = (segment: Segment) => toPlan(line(segment.a.y, H - segment.a.x, segment.b.y, H - segment.b.x));
    const dxf = readDxf(readFileSync(resolve(plans, 'bureaux-mm.dxf'), 'utf8'));
    if (!dxf.ok) throw new Error(dxf.reason);
    const dxfLines = ['MURS', 'CLOISONS'].flatMap((name) => {
      const values = dxf.flat.layers.get(name)!;
      return Array.from({ length: values.length / 4 }, (_, i) => line(values[i * 4]! / 1000, 14 - values[i * 4 + 1]! / 1000, values[i * 4 + 2]! / 1000, 14 - values[i * 4 + 3]! / 1000));
    });
    for (const lines of [upright.segments.map(toPlan), turned.segments.map(unturn), dxfLines]) {
      const score = lengthAgreement(solid(suggestWalls(lines).walls), labels);
      expect(score.precision).toBeGreaterThan(0.99);
      expect(score.recall).toBeGreaterThan(0.99);
    }
  });
});

describe('wall recognition rules, hand-made', () => {
  it('a dashed grid axis down the middle of a partition is an axis, and the partition one wall 10 cm thick', () => {
    const faces = [line(-0.05, 0, -0.05, 12), line(0.05, 0, 0.05, 12)];
    const dashes = Array.from({ length: 9 }, (_, k) => line(0, -1 + k * 1.5, 0, -1 + k * 1.5 + 1.2));
    const report = suggestWalls([...faces, ...dashes], { axisDeg: 0 });
    expect(report.walls).toHaveLength(1);
    expect(report.walls[0]!.thicknessM).toBeCloseTo(0.1, 9);
    expect(length(report.walls[0]!)).toBeCloseTo(12, 9);
    dashes.forEach((_, k) => expect(classOf(report, faces.length + k)).toBe('tirete'));
  });

  it('a wall cut by doors is not a dashed line (openings wider than 60 cm)', () => {
    const pieces = [0, 3, 6, 9].flatMap((x) => [line(x, 0, x + 2.1, 0), line(x, 0.2, x + 2.1, 0.2)]);
    const report = suggestWalls(pieces, { axisDeg: 0 });
    expect(report.walls).toHaveLength(4);
    expect(report.classes.tirete.count).toBe(0);
  });

  it('tiles on a 30 cm grid stay a pattern even with a light fitting drawn over them every 2.4 m', () => {
    const tiles = Array.from({ length: 20 }, (_, k) => line(0, 0.3 * (k + 1), 5.7, 0.3 * (k + 1)));
    const fittings = [1.15, 3.55].flatMap((y) => [line(1, y, 1.6, y), line(1, y + 0.6, 1.6, y + 0.6)]);
    const report = suggestWalls([...tiles, ...fittings], { axisDeg: 0, dropFreeStanding: false });
    tiles.forEach((_, k) => expect(classOf(report, k)).toBe('hachure'));
    expect(report.walls).toEqual([]);
  });

  it('light fittings and a lecture table standing free in a room are blocks; the room walls are kept', () => {
    const room = [
      [0, 0, 10, 0],
      [0, 8, 10, 8],
      [0, 0, 0, 8],
      [10, 0, 10, 8],
    ].flatMap(([x1, y1, x2, y2]) => (y1 === y2 ? [line(x1!, y1! - 0.1, x2!, y2! - 0.1), line(x1!, y1! + 0.1, x2!, y2! + 0.1)] : [line(x1! - 0.1, y1!, x2! - 0.1, y2!), line(x1! + 0.1, y1!, x2! + 0.1, y2!)]));
    const fitting = [line(3, 3, 3.6, 3), line(3, 3.6, 3.6, 3.6), line(3, 3, 3, 3.6), line(3.6, 3, 3.6, 3.6)];
    const table = [line(1, 5, 9, 5), line(1, 5.45, 9, 5.45), line(1, 5, 1, 5.45), line(9, 5, 9, 5.45)];
    const report = suggestWalls([...room, ...fitting, ...table], { axisDeg: 0 });
    expect(report.walls).toHaveLength(4);
    expect(report.walls.every((wall) => Math.abs(wall.thicknessM - 0.2) < 1e-9)).toBe(true);
    expect([0, 1].map((k) => classOf(report, room.length + fitting.length + k))).toEqual(['bloc', 'bloc']);
    expect(fitting.map((_, k) => classOf(report, room.length + k))).not.toContain('mur');
    // Kept when the user asks for every double line.
    expect(suggestWalls([...room, ...fitting, ...table], { axisDeg: 0, dropFreeStanding: false }).walls).toHaveLength(5);
  });

  it('a long line facing pieces cut by doors pairs with each piece (a room colour’s edge along a corridor wall)', () => {
    const long = line(0, 0, 20, 0);
    const pieces = [line(0, 0.2, 5, 0.2), line(6, 0.2, 12, 0.2), line(13, 0.2, 20, 0.2)];
    const report = suggestWalls([long, ...pieces], { axisDeg: 0 });
    expect(report.walls.map((wall) => [Math.min(wall.a.x, wall.b.x), Math.max(wall.a.x, wall.b.x)])).toEqual([
      [0, 5],
      [6, 12],
      [13, 20],
    ]);
  });

  it('an edge drawn between a partition’s faces does not take a face from its wall', () => {
    const faces = [line(0, 0, 0, 13), line(0.1, 0, 0.1, 13)];
    const fitting = line(0.65, 2, 0.65, 3);
    const report = suggestWalls([...faces, fitting], { axisDeg: 0 });
    expect(report.walls).toHaveLength(1);
    expect(length(report.walls[0]!)).toBeCloseTo(13, 9);
  });

  it('the angle filter sets diagonal double lines aside, and reads them when every direction is asked for', () => {
    const building = [line(0, 0, 30, 0), line(0, 0.3, 30, 0.3)];
    const diagonal = [line(5, 5, 10, 10), line(5.2, 5, 10.2, 10)];
    expect(suggestWalls([...building, ...diagonal]).walls).toHaveLength(1);
    expect(suggestWalls([...building, ...diagonal]).classes.oblique.count).toBe(2);
    expect(suggestWalls([...building, ...diagonal], { axisToleranceDeg: null, dropFreeStanding: false }).walls).toHaveLength(2);
  });

  it('finds the building’s axes on a turned plan and straightens walls drawn half a degree off', () => {
    const turn = (x: number, y: number, degrees: number) => {
      const r = (degrees * Math.PI) / 180;
      return { x: x * Math.cos(r) - y * Math.sin(r), y: x * Math.sin(r) + y * Math.cos(r) };
    };
    const at = (x1: number, y1: number, x2: number, y2: number, degrees: number): Segment => ({ a: turn(x1, y1, degrees), b: turn(x2, y2, degrees) });
    const lines = [at(0, 0, 20, 0, 30), at(0, 0.2, 20, 0.2, 30), at(0, 0, 0, 10, 30), at(0.2, 0, 0.2, 10, 30), at(5, 3, 12, 3, 30.5), at(5, 3.15, 12, 3.15, 30.5)];
    const report = suggestWalls(lines, { dropFreeStanding: false });
    expect(report.axisDeg).toBeCloseTo(30, 1);
    const tilted = report.walls.find((wall) => Math.abs(length(wall) - 7) < 0.01)!;
    expect((Math.atan2(tilted.b.y - tilted.a.y, tilted.b.x - tilted.a.x) * 180) / Math.PI).toBeCloseTo(report.axisDeg!, 9);
    expect(suggestWalls(lines, { snapToAxes: false, dropFreeStanding: false }).walls.some((wall) => Math.abs((Math.atan2(wall.b.y - wall.a.y, wall.b.x - wall.a.x) * 180) / Math.PI - 30.5) < 1e-6)).toBe(true);
  });

  it('a door: two pieces of a wall with a leaf hinged at the gap become one wall with a 90 cm opening; a bare gap stays a gap', () => {
    const faces = [line(0, 0, 4, 0), line(0, 0.2, 4, 0.2), line(4.9, 0, 10, 0), line(4.9, 0.2, 10, 0.2), line(10.9, 0, 15, 0), line(10.9, 0.2, 15, 0.2)];
    const leaf = line(4, 0.2, 4, 1.1); // hinged at the first gap's west jamb, open at 90°
    const report = suggestWalls([...faces, leaf], { axisDeg: 0, dropFreeStanding: false });
    expect(report.walls.map((wall) => [Math.min(wall.a.x, wall.b.x), Math.max(wall.a.x, wall.b.x)])).toEqual([
      [0, 10],
      [10.9, 15],
    ]);
    const door = report.walls.find((wall) => wall.doors.length > 0)!;
    const [from, to] = door.doors[0]!;
    const start = Math.min(door.a.x, door.b.x) === door.a.x ? 0 : 10;
    expect(Math.abs(start - from)).toBeCloseTo(4, 9);
    expect(to - from).toBeCloseTo(0.9, 9);
    expect(classOf(report, faces.length)).toBe('porte');
  });

  it('accepting a wall with a door adds the wall and its door opening (wooden door, 2.04 m)', async () => {
    const { addWalls } = await import('../../../src/actions/editor-actions.ts');
    let n = 0;
    const action = addWalls('niveau', [{ a: { x: 0, y: 0.1 }, b: { x: 10, y: 0.1 }, materialId: 'mat-placo', doors: [[4, 4.9]] }], () => `id-${++n}`, 'Accepter', { materialId: 'mat-porte-bois', ids: () => `porte-${++n}` });
    const draft = { walls: [] as unknown[], openings: [] as unknown[] };
    action.recipe(draft as never);
    expect(draft.openings).toEqual([{ id: 'porte-2', levelId: 'niveau', wallId: 'id-1', kind: 'porte', offsetM: 4.45, widthM: expect.closeTo(0.9, 9), materialId: 'mat-porte-bois', bottomM: 0, topM: 2.04 }]);
  });

  it('the sheet’s frame is set aside as such', () => {
    const sheet = { minX: 0, minY: 0, maxX: 84, maxY: 59 };
    const frame = [line(1, 1, 83, 1), line(83, 1, 83, 58), line(83, 58, 1, 58), line(1, 58, 1, 1)];
    const report = suggestWalls([...frame, line(10, 10, 40, 10), line(10, 10.2, 40, 10.2)], { sheet });
    expect(report.classes.cadre.count).toBe(4);
    expect(report.walls).toHaveLength(1);
  });
});
