import { describe, expect, it } from 'vitest';
import { constrainAngle, pointInPolygon, projectOnSegment, segmentIntersection } from '../../../src/editor/geometry.ts';
import { snapPoint } from '../../../src/editor/snapping.ts';
import { selfIntersects } from '../../../src/editor/tools/area-tool.ts';

describe('editor geometry', () => {
  it('constrains to 0/45/90° keeping the projection on the ray', () => {
    // (10, 1) from the origin is 5.7° off the x axis: it lands on the axis at x = 10.
    expect(constrainAngle({ x: 0, y: 0 }, { x: 10, y: 1 })).toEqual({ x: 10, y: 0 });
    // (3, 4) is 53° off: nearest ray is 45°, projection length (3 + 4)/√2 → (3.5, 3.5).
    const p = constrainAngle({ x: 0, y: 0 }, { x: 3, y: 4 });
    expect(p.x).toBeCloseTo(3.5, 12);
    expect(p.y).toBeCloseTo(3.5, 12);
    // Straight down stays down.
    const down = constrainAngle({ x: 1, y: 1 }, { x: 1.2, y: 6 });
    expect(down.x).toBeCloseTo(1, 12);
    expect(down.y).toBeCloseTo(6, 12);
  });

  it('projects on a segment and clamps to its ends', () => {
    expect(projectOnSegment({ x: 3, y: 2 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({ t: 0.3, point: { x: 3, y: 0 }, distance: 2 });
    expect(projectOnSegment({ x: -4, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 }).distance).toBe(5);
  });

  it('tests points in polygons and segment crossings', () => {
    const l = [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 1 }, { x: 1, y: 1 }, { x: 1, y: 4 }, { x: 0, y: 4 }];
    expect(pointInPolygon({ x: 0.5, y: 3 }, l)).toBe(true);
    expect(pointInPolygon({ x: 2, y: 2 }, l)).toBe(false);
    expect(segmentIntersection({ x: 0, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 2 }, { x: 2, y: 0 })).toEqual({ x: 1, y: 1 });
    expect(segmentIntersection({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 })).toBeNull();
  });

  it('finds self-crossing outlines with turf', () => {
    expect(selfIntersects([{ x: 0, y: 0 }, { x: 2, y: 2 }, { x: 2, y: 0 }, { x: 0, y: 2 }])).toBe(true);
    expect(selfIntersects([{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 2 }])).toBe(false);
  });
});

describe('snapping', () => {
  const walls = [{ a: { x: 0, y: 0 }, b: { x: 4, y: 0 } }];
  const planLines = [{ a: { x: 0, y: 10 }, b: { x: 10, y: 10 } }];

  it('prefers wall ends, then midpoints, then plan line ends, then plan lines, within the tolerance', () => {
    expect(snapPoint({ x: 3.9, y: 0.1 }, { walls, planLines }, { toleranceM: 0.3 })).toEqual({ point: { x: 4, y: 0 }, kind: 'extremite' });
    expect(snapPoint({ x: 2.1, y: 0.1 }, { walls, planLines }, { toleranceM: 0.3 })).toEqual({ point: { x: 2, y: 0 }, kind: 'milieu' });
    expect(snapPoint({ x: 9.8, y: 10.1 }, { walls, planLines }, { toleranceM: 0.3 })).toEqual({ point: { x: 10, y: 10 }, kind: 'extremite-plan' });
    const onLine = snapPoint({ x: 5.3, y: 9.85 }, { walls, planLines }, { toleranceM: 0.3 });
    expect(onLine.kind).toBe('ligne-plan');
    expect(onLine.point.x).toBeCloseTo(5.3, 12);
    expect(onLine.point.y).toBe(10);
    expect(snapPoint({ x: 7, y: 5 }, { walls, planLines }, { toleranceM: 0.3 })).toEqual({ point: { x: 7, y: 5 }, kind: null });
  });

  it('with Shift, keeps the angle: a snap off the ray is ignored', () => {
    // From (0, 5), the cursor near (3.95, 0.3) is constrained to the 45° ray … (4.something); the wall end (4, 0) is
    // not on any 0/45/90° ray from (0, 5), so the result stays on the ray.
    const result = snapPoint({ x: 4.9, y: 0.2 }, { walls, planLines }, { toleranceM: 0.3, from: { x: 0, y: 5 }, constrain: true });
    expect(result.kind).toBe('angle');
    expect(result.point.x + result.point.y).toBeCloseTo(5, 9); // on the line x + y = 5 (the −45° ray)
    // From (4, 5), the wall end (4, 0) is straight up: it is kept.
    expect(snapPoint({ x: 4.1, y: 0.1 }, { walls, planLines }, { toleranceM: 0.3, from: { x: 4, y: 5 }, constrain: true })).toEqual({ point: { x: 4, y: 0 }, kind: 'extremite' });
  });
});

describe('layer defaults for wall suggestion', async () => {
  const { layerMaterialGuess, layerReadByDefault } = await import('../../../src/editor/layer-defaults.ts');
  it('reads wall layers and skips hatching, text and dimensions when wall layers exist', () => {
    const names = ['MURS', 'CLOISONS', 'HACHURES', 'TEXTES', 'COTES', '0'];
    expect(names.filter((name) => layerReadByDefault(name, names))).toEqual(['MURS', 'CLOISONS']);
    const styles = ['Traits de 0,25 pt', 'Traits de 0,5 pt'];
    expect(styles.filter((name) => layerReadByDefault(name, styles))).toEqual(styles);
    // A PDF's filled shapes are room colours when strokes exist; a plan drawn only with filled walls is read.
    expect([...styles, 'Formes remplies'].filter((name) => layerReadByDefault(name, [...styles, 'Formes remplies']))).toEqual(styles);
    expect(layerReadByDefault('Formes remplies', ['Formes remplies'])).toBe(true);
    const ids = ['mat-placo', 'mat-brique', 'mat-beton', 'mat-vitrage'];
    expect(['A-WALL', 'CLOISONS', 'VITRAGE', 'VOILE-BETON', 'DIVERS'].map((name) => layerMaterialGuess(name, ids, 'mat-placo'))).toEqual(['mat-brique', 'mat-placo', 'mat-vitrage', 'mat-beton', 'mat-placo']);
  });
});
