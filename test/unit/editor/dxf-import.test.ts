import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenDxf, insertTransform } from '../../../src/import/plan/dxf/flatten-dxf.ts';
import { placeDxf } from '../../../src/import/plan/dxf/dxf-picture.ts';
import { readDxf } from '../../../src/import/plan/dxf/read-dxf.ts';
import { suggestWalls } from '../../../src/editor/wall-suggestion.ts';
import { DXF_UNIT_M } from '../../../src/model/plan-scale.ts';
import { sanitizeSvg, svgSize } from '../../../src/import/plan/svg-safety.ts';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

const plans = resolve(import.meta.dirname, '../../../fixtures/plans');
const expected = JSON.parse(readFileSync(resolve(plans, 'bureaux.expected.json'), 'utf8')) as { wallPieces: number; walls: { x1: number; y1: number; x2: number; y2: number; thicknessM: number }[] };

function fixture() {
  const result = readDxf(readFileSync(resolve(plans, 'bureaux-mm.dxf'), 'utf8'));
  if (!result.ok) throw new Error(result.reason);
  return result.flat;
}

const pairs = (values: number[]) => Array.from({ length: values.length / 4 }, (_, i) => values.slice(i * 4, i * 4 + 4));

describe('DXF reading', () => {
  it('reads the fixture: layers, millimetres, text left out', () => {
    const flat = fixture();
    expect([...flat.layers.keys()].sort()).toEqual(['CLOISONS', 'HACHURES', 'MOBILIER', 'MURS', 'PORTES']);
    expect(flat.insUnits).toBe(4);
    expect(DXF_UNIT_M[flat.insUnits]).toBe(0.001);
    expect(flat.leftOut.get('TEXT')).toBe(5);
    // Every wall piece is a closed rectangle: four edges.
    expect((flat.layers.get('MURS')!.length + flat.layers.get('CLOISONS')!.length) / 4).toBe(expected.wallPieces * 4);
  });

  it('expands INSERT with rotation and mirroring: T(position)·R(rotation)·S(scale)·T(−base)', () => {
    // Hand-computed: the leaf (0,0)–(900,0) of a block inserted at (1200, 8000), 90°, x mirrored, lands on
    // (1200, 8000)–(1200, 7100); unmirrored, on (1200, 8000)–(1200, 8900).
    const m = insertTransform({ x: 1200, y: 8000 }, 90, -1, 1, { x: 0, y: 0 });
    expect(m[0] * 900 + m[4]).toBeCloseTo(1200, 9);
    expect(m[1] * 900 + m[5]).toBeCloseTo(7100, 9);
    const doors = pairs(fixture().layers.get('PORTES')!);
    // Five doors, each a leaf and a 90° arc of 12 chords (48 per circle).
    expect(doors).toHaveLength(5 * (1 + 12));
    // The first door (index 0, not mirrored) at x = 0.75 m, y = 6 m → (750, 8000) in the file: leaf to (750, 8900).
    expect(doors.some(([x0, y0, x1, y1]) => Math.abs(x0! - 750) < 1e-6 && Math.abs(y0! - 8000) < 1e-6 && Math.abs(x1! - 750) < 1e-6 && Math.abs(y1! - 8900) < 1e-6)).toBe(true);
    // The second (mirrored) at x = 5.95 m → leaf to (5950, 7100).
    expect(doors.some(([x0, y0, x1, y1]) => Math.abs(x0! - 5950) < 1e-6 && Math.abs(y0! - 8000) < 1e-6 && Math.abs(x1! - 5950) < 1e-6 && Math.abs(y1! - 7100) < 1e-6)).toBe(true);
    // Block entities on layer 0 took the INSERT's layer: nothing is left on layer 0.
    expect(fixture().layers.has('0')).toBe(false);
  });

  it('turns polyline bulges into arcs: a round table of radius 1 m around its centre', () => {
    const table = pairs(fixture().layers.get('MOBILIER')!);
    // Two vertices 2 m apart with bulge 1 each, closed: a full circle centred between them (3 m + 1 m, 3 m from the top).
    const cx = 4000;
    const cy = 3000;
    expect(table).toHaveLength(48);
    for (const [x0, y0] of table) expect(Math.hypot(x0! - cx, y0! - cy)).toBeCloseTo(1000, 6);
    expect(Math.min(...table.map(([, y]) => y!))).toBeCloseTo(2000, 6);
  });

  it('proposes the 24 walls of the MURS and CLOISONS layers on their centre lines', () => {
    const flat = fixture();
    const toPlan = (values: number[]) => pairs(values).map(([x0, y0, x1, y1]) => ({ a: { x: x0! / 1000, y: 14 - y0! / 1000 }, b: { x: x1! / 1000, y: 14 - y1! / 1000 } }));
    const report = suggestWalls([...toPlan(flat.layers.get('MURS')!), ...toPlan(flat.layers.get('CLOISONS')!)]);
    expect(report.walls).toHaveLength(expected.wallPieces);
    for (const wall of expected.walls) {
      const found = report.walls.some((s) => Math.min(Math.hypot(s.a.x - wall.x1, s.a.y - wall.y1) + Math.hypot(s.b.x - wall.x2, s.b.y - wall.y2), Math.hypot(s.a.x - wall.x2, s.a.y - wall.y2) + Math.hypot(s.b.x - wall.x1, s.b.y - wall.y1)) < 0.002);
      expect(found, JSON.stringify(wall)).toBe(true);
    }
  });

  it('places the kept layers with y down from the top-left of their extent, grouped by layer', () => {
    const placed = placeDxf([
      { name: 'A', segments: Float32Array.from([0, 0, 10, 0]) },
      { name: 'B', segments: Float32Array.from([0, 5, 0, 0, 10, 5, 10, 0]) },
    ]);
    expect(placed.widthUnits).toBe(10);
    expect(placed.heightUnits).toBe(5);
    expect([...placed.vectors]).toEqual([0, 5, 10, 5, 0, 0, 0, 5, 10, 0, 10, 5]);
    expect(placed.vectorLayers).toEqual([{ name: 'A', count: 1 }, { name: 'B', count: 2 }]);
    // The picture is a safe SVG with its size.
    expect(sanitizeSvg(placed.svg, DOMPurify(new JSDOM('').window)).refusal).toBeNull();
    expect(svgSize(placed.svg)).toEqual({ width: 10, height: 5 });
  });
});

describe('real DXF files from others', () => {
  it('survives a real AutoCAD 2013 drawing: mirrored and rotated blocks, dimensions and hatches left out, unitless', () => {
    const result = readDxf(readFileSync(resolve(plans, 'third-party/dxf-parser__api-cw750-details.dxf'), 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flat.insUnits).toBe(0); // the user is asked for the unit
    expect(DXF_UNIT_M[0]).toBeUndefined();
    // research notes (formats.md §5): 293 DIMENSION in model space; more come from blocks.
    expect(result.flat.leftOut.get('DIMENSION')!).toBeGreaterThanOrEqual(293);
    expect(result.flat.segmentCount).toBeGreaterThan(540 + 147);
    for (const values of result.flat.layers.values()) expect(values.every(Number.isFinite)).toBe(true);
  });

  it('reads the three-dxf demo (splines and texts left out)', () => {
    const result = readDxf(readFileSync(resolve(plans, 'third-party/three-dxf__demo.dxf'), 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flat.leftOut.get('SPLINE')).toBeGreaterThan(0);
    expect(result.flat.segmentCount).toBeGreaterThan(0);
  });
});

describe('bad DXF', () => {
  it('refuses a binary DXF, a DXF with no drawable entity, and garbage', () => {
    expect(readDxf('AutoCAD Binary DXF\r\n\u001a\u0000...')).toMatchObject({ ok: false, reason: 'binary' });
    const onlyText = '0\nSECTION\n2\nENTITIES\n0\nTEXT\n8\nA\n10\n0\n20\n0\n40\n1\n1\nBonjour\n0\nENDSEC\n0\nEOF\n';
    expect(readDxf(onlyText)).toEqual({ ok: false, reason: 'empty', leftOut: [['TEXT', 1]] });
    const empty = '0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n';
    expect(readDxf(empty)).toMatchObject({ ok: false, reason: 'empty' });
    const garbage = readDxf('ceci n’est pas un DXF');
    expect(garbage.ok).toBe(false);
  });

  it('does not loop on a block that inserts itself', () => {
    const flat = flattenDxf({
      entities: [{ type: 'INSERT', name: 'B', position: { x: 0, y: 0 } }],
      blocks: { B: { position: { x: 0, y: 0 }, entities: [{ type: 'LINE', vertices: [{ x: 0, y: 0 }, { x: 1, y: 0 }] }, { type: 'INSERT', name: 'B', position: { x: 1, y: 0 } }] } },
    });
    expect(flat.segmentCount).toBe(16); // depth limit 16
  });
});
