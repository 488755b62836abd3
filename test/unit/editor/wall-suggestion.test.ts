import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestWalls } from '../../../src/editor/wall-suggestion.ts';
import type { Segment } from '../../../src/editor/geometry.ts';
import { pdfPageLines } from '../../helpers/pdf-plan-lines.ts';

const fixtures = resolve(import.meta.dirname, '../../../fixtures/plans');
const expected = JSON.parse(readFileSync(resolve(fixtures, 'bureaux.expected.json'), 'utf8')) as {
  metersPerPoint: number;
  planOffsetM: number;
  wallPieces: number;
  walls: { x1: number; y1: number; x2: number; y2: number; thicknessM: number }[];
  pageSizePt: { width: number; height: number };
};

const pageSegments = (pageNumber: number) => pdfPageLines(resolve(fixtures, 'bureaux-1-50.pdf'), pageNumber);

const toMetres = (segments: Segment[], offset: number, scale: number) =>
  segments.map(({ a, b }) => ({ a: { x: a.x * scale - offset, y: a.y * scale - offset }, b: { x: b.x * scale - offset, y: b.y * scale - offset } }));

/** Distance between two unordered segments' end points. */
const endDistance = (s: Segment, w: { x1: number; y1: number; x2: number; y2: number }) =>
  Math.min(
    Math.max(Math.hypot(s.a.x - w.x1, s.a.y - w.y1), Math.hypot(s.b.x - w.x2, s.b.y - w.y2)),
    Math.max(Math.hypot(s.a.x - w.x2, s.a.y - w.y2), Math.hypot(s.b.x - w.x1, s.b.y - w.y1)),
  );

describe('PDF vector extraction', () => {
  it('reads the outlines in page units with y down: each wall piece gives four lines', async () => {
    const { segments, viewport, rotate } = await pageSegments(1);
    expect(rotate).toBe(0);
    expect(viewport.width).toBeCloseTo(expected.pageSizePt.width, 6);
    // North wall outer face: y = −0.15 m on the plan → (2 − 0.15) m from the top of the page.
    const y = (expected.planOffsetM - 0.15) / expected.metersPerPoint;
    expect(segments.some((s) => Math.abs(s.a.y - y) < 0.01 && Math.abs(s.b.y - y) < 0.01 && Math.abs(s.b.x - s.a.x) > 700)).toBe(true);
    // 24 pieces × 4 lines, plus hatching, the scale bar and its ticks; no curves (door swings).
    expect(segments.length).toBeGreaterThanOrEqual(expected.wallPieces * 4 + 3);
  });

  it('groups the lines by style: 0.5 pt wall outlines, 0.25 pt hatching, 1 pt scale bar', async () => {
    const { styles } = await pageSegments(1);
    const byWidth = new Map(styles.filter((style) => !style.filled).map((style) => [style.widthPt, style.count]));
    expect(byWidth.get(0.5)).toBe(expected.wallPieces * 4);
    expect(byWidth.get(1)).toBe(3); // the bar and its two end ticks
    expect(byWidth.get(0.25)).toBeGreaterThan(30);
    expect(styles.reduce((sum, style) => sum + style.count, 0)).toBe((await pageSegments(1)).segments.length);
  });

  it('honours the page rotation (page 2 is the same drawing on a page turned by 90°)', async () => {
    const straight = await pageSegments(1);
    const turned = await pageSegments(2);
    expect(turned.rotate).toBe(90);
    expect(turned.viewport.width).toBeCloseTo(straight.viewport.height, 6);
    expect(turned.segments).toHaveLength(straight.segments.length);
    // Turning the page clockwise by 90°: (x, y) → (H − y, x) with H the unrotated page height.
    const H = straight.viewport.height;
    straight.segments.forEach((s, index) => {
      const r = turned.segments[index]!;
      expect(r.a.x).toBeCloseTo(H - s.a.y, 3);
      expect(r.a.y).toBeCloseTo(s.a.x, 3);
    });
  });
});

describe('wall suggestion', () => {
  it('finds every wall piece of the fixture on its centre line, drops hatching, short strokes and the scale bar', async () => {
    const { segments } = await pageSegments(1);
    const report = suggestWalls(toMetres(segments, expected.planOffsetM, expected.metersPerPoint));
    expect(report.walls).toHaveLength(expected.wallPieces);
    // The archives' 45° hatching at 25 cm is off the building's axes; read in every direction, every stroke of
    // 0.5 m or more is recognised as hatching instead, and the walls found are the same.
    expect(report.axisDeg).toBeCloseTo(0, 6);
    expect(report.classes.oblique.count).toBeGreaterThan(30);
    const everyDirection = suggestWalls(toMetres(segments, expected.planOffsetM, expected.metersPerPoint), { axisToleranceDeg: null });
    expect(everyDirection.classes.hachure.count).toBe(report.classes.oblique.count);
    expect(everyDirection.walls).toEqual(report.walls);
    expect(report.pairs).toBe(expected.wallPieces);
    for (const wall of expected.walls) {
      const match = report.walls.find((candidate) => endDistance(candidate, wall) < 0.01);
      expect(match, JSON.stringify(wall)).toBeDefined();
      expect(match!.thicknessM).toBeCloseTo(wall.thicknessM, 2);
    }
  });

  it('collapses a hand-made double line and merges collinear pieces that touch', () => {
    const report = suggestWalls([
      { a: { x: 0, y: 0 }, b: { x: 4, y: 0 } },
      { a: { x: 4, y: 0 }, b: { x: 6, y: 0 } }, // continues the first line
      { a: { x: 0, y: 0.2 }, b: { x: 6, y: 0.2 } },
      { a: { x: 0, y: 0 }, b: { x: 0, y: 0.2 } }, // end cap: too short
    ]);
    expect(report.walls).toHaveLength(1);
    const [wall] = report.walls;
    expect(wall!.thicknessM).toBeCloseTo(0.2, 9);
    expect(Math.min(wall!.a.x, wall!.b.x)).toBeCloseTo(0, 9);
    expect(Math.max(wall!.a.x, wall!.b.x)).toBeCloseTo(6, 9);
    expect(wall!.a.y).toBeCloseTo(0.1, 9);
    expect(report.classes.court.count).toBe(1);
  });

  it('treats four evenly spaced parallel lines as hatching, not as two walls', () => {
    const lines = [0, 0.3, 0.6, 0.9].map((y) => ({ a: { x: 0, y }, b: { x: 5, y } }));
    expect(suggestWalls(lines).walls).toHaveLength(0);
    expect(suggestWalls(lines.slice(0, 2)).walls).toHaveLength(1);
  });
});
