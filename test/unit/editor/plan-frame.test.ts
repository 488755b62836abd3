import { describe, expect, it } from 'vitest';
import { rotatePlanQuarter } from '../../../src/actions/editor-actions.ts';
import { sceneFromProject } from '../../../src/engine/scene-from-project.ts';
import { turnPoint, turnedSize, unturnPoint, visiblePlanBox } from '../../../src/model/plan-frame.ts';
import type { PlanSource, ProjectDocument } from '../../../src/model/schema.ts';
import { testEditor } from './test-editor.ts';

const plan = (rotationDeg: 0 | 90 | 180 | 270): PlanSource => ({ format: 'image', assetSha256: 'e'.repeat(64), sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: 400, heightUnits: 100, crop: null, rotationDeg });

describe('plan frame', () => {
  it('turns picture points clockwise like a PDF /Rotate, and back', () => {
    // The picture's top-right corner (400, 0): turned 90° it is the bottom-right of a 100 × 400 frame.
    expect(turnPoint(plan(90), 400, 0)).toEqual({ x: 100, y: 400 });
    expect(turnPoint(plan(180), 400, 0)).toEqual({ x: 0, y: 100 });
    expect(turnPoint(plan(270), 400, 0)).toEqual({ x: 0, y: 0 });
    expect(turnedSize(plan(90))).toEqual({ width: 100, height: 400 });
    for (const rotation of [0, 90, 180, 270] as const)
      for (const [u, v] of [[0, 0], [400, 100], [37, 81]] as const) {
        const p = turnPoint(plan(rotation), u, v);
        expect(unturnPoint(plan(rotation), p.x, p.y)).toEqual({ x: u, y: v });
      }
  });

  it('shows only the crop, in the turned frame and in metres', () => {
    const cropped = { ...plan(90), crop: { x: 100, y: 0, width: 200, height: 50 } };
    // Picture x 100–300, y 0–50 → frame x = 100 − v ∈ [50, 100], y = u ∈ [100, 300]; × 0.05 m.
    expect(visiblePlanBox({ plan: cropped, metersPerUnit: 0.05 })).toEqual({ minX: 2.5, minY: 5, maxX: 5, maxY: 15 });
  });
});

/** World position of a level point, from the scene's level placement. */
function world(document: ProjectDocument, levelId: string, x: number, y: number) {
  const placement = sceneFromProject(document).levels.find((level) => level.id === levelId)!.placement;
  const cos = Math.cos(placement.rotationRad);
  const sin = Math.sin(placement.rotationRad);
  return { x: cos * x - sin * y + placement.txM, y: sin * x + cos * y + placement.tyM };
}

describe('turning a plan a quarter turn', () => {
  it('turns what is drawn with it and keeps the building stacked: walls of this level and the level above stay where they were', () => {
    const t = testEditor();
    const document = structuredClone(t.doc());
    const ground = document.levels[0]!;
    document.assets.push({ sha256: 'e'.repeat(64), name: 'p.png', mimeType: 'image/png', byteLength: 1 });
    ground.plan = plan(0);
    ground.metersPerUnit = 0.05; // 20 m × 5 m
    ground.alignment = { offsetXM: 3, offsetYM: -2, rotationDeg: 30 };
    const upper = { ...structuredClone(ground), id: 'etage', name: 'Étage', elevationM: 3, plan: null, metersPerUnit: null, alignment: { offsetXM: 1, offsetYM: 2, rotationDeg: 10 } };
    document.levels.push(upper);
    const wall = (id: string, levelId: string, x1: number, y1: number, x2: number, y2: number) => ({ id, levelId, from: { xM: x1, yM: y1 }, to: { xM: x2, yM: y2 }, materialId: 'mat-placo', bottomM: null, topM: null });
    document.walls.push(wall('w0', ground.id, 1, 1, 6, 4), wall('w1', 'etage', 2, 3, 8, 3));
    const before = [world(document, ground.id, 1, 1), world(document, ground.id, 6, 4), world(document, 'etage', 2, 3), world(document, 'etage', 8, 3)];

    t.editor.documents.getState().open(document);
    t.editor.apply(rotatePlanQuarter(t.doc(), ground.id, 'Pivoter'));
    const after = t.doc();
    expect(after.levels[0]!.plan!.rotationDeg).toBe(90);
    // In the new 5 m × 20 m frame, (1, 1) → (5 − 1, 1) = (4, 1).
    expect(after.walls[0]!.from).toEqual({ xM: 4, yM: 1 });
    const w0 = after.walls.find((candidate) => candidate.id === 'w0')!;
    const w1 = after.walls.find((candidate) => candidate.id === 'w1')!;
    const moved = [world(after, ground.id, w0.from.xM, w0.from.yM), world(after, ground.id, w0.to.xM, w0.to.yM), world(after, 'etage', w1.from.xM, w1.from.yM), world(after, 'etage', w1.to.xM, w1.to.yM)];
    moved.forEach((point, index) => {
      expect(point.x).toBeCloseTo(before[index]!.x, 9);
      expect(point.y).toBeCloseTo(before[index]!.y, 9);
    });
    // Four quarter turns bring everything back.
    for (let turn = 0; turn < 3; turn++) t.editor.apply(rotatePlanQuarter(t.doc(), ground.id, 'Pivoter'));
    expect(t.doc().walls.find((candidate) => candidate.id === 'w0')!.from.xM).toBeCloseTo(1, 9);
    expect(t.doc().levels[0]!.plan!.rotationDeg).toBe(0);
  });

  it('crops in picture units from a box drawn on the turned plan', () => {
    const t = testEditor();
    const document = structuredClone(t.doc());
    document.assets.push({ sha256: 'e'.repeat(64), name: 'p.png', mimeType: 'image/png', byteLength: 1 });
    document.levels[0]!.plan = plan(90);
    document.levels[0]!.metersPerUnit = 0.05;
    t.editor.documents.getState().open(document);
    t.use('crop');
    t.drag({ x: 2.5, y: 5 }, { x: 5, y: 15 });
    expect(t.doc().levels[0]!.plan!.crop).toEqual({ x: 100, y: 0, width: 200, height: 50 });
    expect(t.editor.state.getState().tool).toBe('select');
  });
});

describe('levels: order and alignment', async () => {
  const { moveLevel } = await import('../../../src/actions/study-actions.ts');
  const { alignmentFromPairs, toLevelBelow } = await import('../../../src/model/level-stack.ts');

  it('moves a level up the stack and restacks elevations from the lowest floor with each floor height', () => {
    const t = testEditor();
    const document = structuredClone(t.doc());
    const ground = document.levels[0]!;
    ground.elevationM = -3;
    ground.floorToFloorHeightM = 3;
    document.levels.push({ ...structuredClone(ground), id: 'n1', name: 'N1', elevationM: 0, floorToFloorHeightM: 4 }, { ...structuredClone(ground), id: 'n2', name: 'N2', elevationM: 4, floorToFloorHeightM: 2.5 });
    t.editor.documents.getState().open(document);
    t.editor.apply(moveLevel(ground.id, 'up', 'Monter'));
    // New order N1 (4 m), ground (3 m), N2: −3, 1, 4.
    expect(Object.fromEntries(t.doc().levels.map((level) => [level.name, level.elevationM]))).toEqual({ [ground.name]: 1, N1: -3, N2: 4 });
    t.editor.apply(moveLevel('n2', 'up', 'Monter'));
    expect(t.doc().levels.find((level) => level.id === 'n2')!.elevationM).toBe(4); // already on top: unchanged
  });

  it('fits the alignment from two pairs of points: a known turn and shift is found back', () => {
    // The level below sees this level turned by 90° and shifted by (10, 2).
    const truth = { rotationDeg: 90, offsetXM: 10, offsetYM: 2 };
    const a = { x: 1, y: 1 };
    const b = { x: 11, y: 4 };
    const A = toLevelBelow({ alignment: truth }, a.x, a.y);
    const B = toLevelBelow({ alignment: truth }, b.x, b.y);
    const { alignment, scaleRatio } = alignmentFromPairs(a, b, A, B);
    expect(alignment.rotationDeg).toBeCloseTo(90, 9);
    expect(alignment.offsetXM).toBeCloseTo(10, 9);
    expect(alignment.offsetYM).toBeCloseTo(2, 9);
    expect(scaleRatio).toBeCloseTo(1, 12);
  });

  it('the align tool takes two points on this level and the same two on the faint level below', () => {
    const t = testEditor();
    const document = structuredClone(t.doc());
    document.levels.push({ ...structuredClone(document.levels[0]!), id: 'n1', name: 'N1', elevationM: 3 });
    t.editor.documents.getState().open(document);
    t.editor.setLevel('n1');
    t.use('align');
    // With no alignment yet, the level below is drawn as is: its corner (0, 0) and (20, 0) appear at (5, 5) and
    // (5, 25) of this level when this level is turned by −90° and shifted: clicking them gives the alignment.
    t.click(5, 5);
    t.click(5, 25);
    t.click(0, 0);
    t.click(20, 0);
    const alignment = t.doc().levels.find((level) => level.id === 'n1')!.alignment!;
    expect(alignment.rotationDeg).toBeCloseTo(-90, 9);
    const mapped = toLevelBelow({ alignment }, 5, 25);
    expect(mapped.x).toBeCloseTo(20, 9);
    expect(mapped.y).toBeCloseTo(0, 9);
  });
});
