import { describe, expect, it } from 'vitest';
import { polygonAreaM2 } from '../../../src/model/geometry.ts';
import { testEditor } from './test-editor.ts';

const length = (wall: { from: { xM: number; yM: number }; to: { xM: number; yM: number } }) => Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM);

describe('wall tool', () => {
  it('draws a click-to-click polyline ended by Enter, as one undo step', () => {
    const t = testEditor();
    t.use('wall');
    t.click(0, 0);
    t.click(5, 0);
    expect(t.editor.state.getState().toolState).toBe('drawing');
    t.move(5, 4);
    expect(t.editor.state.getState().overlay.lengthM).toBeCloseTo(4, 12);
    t.click(5, 4);
    expect(t.key('Enter')).toBe(true);
    expect(t.doc().walls.map(length)).toEqual([5, 4]);
    expect(t.editor.state.getState().toolState).toBe('idle');
    t.key('z', { ctrl: true });
    expect(t.doc().walls).toHaveLength(0);
    t.key('z', { ctrl: true, shift: true });
    expect(t.doc().walls).toHaveLength(2);
  });

  it('a double-click ends the run without a zero-length wall; Backspace removes the last vertex; Escape drops it all', () => {
    const t = testEditor();
    t.use('wall');
    t.click(0, 0);
    t.click(3, 0);
    t.doubleClick(3, 3);
    expect(t.doc().walls.map(length)).toEqual([3, 3]);
    t.click(10, 10);
    t.click(12, 10);
    t.key('Backspace');
    t.click(10, 14);
    t.key('Enter');
    expect(t.doc().walls.at(-1)!.to).toEqual({ xM: 10, yM: 14 });
    t.click(20, 20);
    t.click(25, 20);
    t.key('Escape');
    expect(t.doc().walls).toHaveLength(3);
  });

  it('snaps to an existing wall end and keeps 0/45/90° with Shift', () => {
    const t = testEditor();
    t.use('wall');
    t.click(0, 0);
    t.click(4, 0);
    t.key('Enter');
    t.click(4.1, 0.1); // within 0.2 m of the end (4, 0)
    t.click(7.9, 3.2, { shift: true }); // 38.7° → 45°, projection (7.9·cos45 + 3.2·sin45) from (4, 0)
    t.key('Enter');
    const wall = t.doc().walls[1]!;
    expect(wall.from).toEqual({ xM: 4, yM: 0 });
    expect(wall.to.xM - 4).toBeCloseTo(wall.to.yM, 9);
  });

  it('snaps to the plan vector lines', () => {
    const t = testEditor({ planLines: [{ a: { x: 0, y: 10 }, b: { x: 20, y: 10 } }] });
    const document = structuredClone(t.doc());
    document.assets.push({ sha256: 'f'.repeat(64), name: 'p.svg', mimeType: 'image/svg+xml', byteLength: 1 });
    document.levels[0]!.plan = { format: 'dxf', assetSha256: 'f'.repeat(64), sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: 20, heightUnits: 20, crop: null, rotationDeg: 0 };
    document.levels[0]!.metersPerUnit = 1;
    t.editor.documents.getState().open(document);
    t.use('wall');
    t.click(5, 9.9);
    t.click(5, 2);
    t.key('Enter');
    expect(t.doc().walls[0]!.from).toEqual({ xM: 5, yM: 10 });
  });
});

describe('area tools', () => {
  it('closes a zone by clicking its first corner and names its area', () => {
    const t = testEditor();
    t.use('zone');
    for (const [x, y] of [[0, 0], [10, 0], [10, 5], [0, 5]] as const) t.click(x, y);
    t.move(2, 8);
    expect(t.editor.state.getState().overlay.areaM2).toBeCloseTo(polygonAreaM2([{ xM: 0, yM: 0 }, { xM: 10, yM: 0 }, { xM: 10, yM: 5 }, { xM: 0, yM: 5 }, { xM: 2, yM: 8 }]), 9);
    t.click(0.1, 0.05);
    const zone = t.doc().coverageZones[0]!;
    expect(polygonAreaM2(zone.polygon)).toBe(50);
    expect(zone.requirementProfileId).toBe(t.doc().requirementProfiles[0]!.id);
    expect(t.doc().coverageZones).toHaveLength(1);
    expect(t.editor.selection.has(zone.id)).toBe(true);
  });

  it('draws a stairwell with the « Trémie » tool (key O): stored as an opening of the level’s slab, moved, undone', () => {
    const t = testEditor();
    expect(t.key('o')).toBe(true);
    for (const [x, y] of [[2, 2], [5, 2], [5, 6], [2, 6]] as const) t.click(x, y);
    t.key('Enter');
    const opening = t.doc().slabOpenings[0]!;
    expect(opening).toMatchObject({ levelId: t.doc().levels[0]!.id, name: 'Trémie 1' });
    expect(polygonAreaM2(opening.polygon)).toBe(12);
    t.use('select');
    t.click(3, 4);
    expect(t.editor.selection.has(opening.id)).toBe(true);
    t.key('ArrowRight', { shift: true });
    expect(t.doc().slabOpenings[0]!.polygon[0]).toEqual({ xM: 3, yM: 2 });
    t.key('Delete');
    expect(t.doc().slabOpenings).toHaveLength(0);
    t.key('z', { ctrl: true });
    expect(t.doc().slabOpenings).toHaveLength(1);
  });

  it('refuses a crossing outline and too few corners, with a message, keeping the drawing', () => {
    const t = testEditor();
    t.use('exclusion');
    for (const [x, y] of [[0, 0], [2, 2], [2, 0], [0, 2]] as const) t.click(x, y);
    t.key('Enter');
    expect(t.doc().exclusionZones).toHaveLength(0);
    expect(t.notices.at(-1)).toMatch(/se croise/);
    expect(t.editor.state.getState().toolState).toBe('drawing');
    t.key('Escape');
    t.use('attenuation');
    t.click(0, 0);
    t.click(1, 0);
    t.key('Enter');
    expect(t.notices.at(-1)).toMatch(/trois sommets/);
    expect(t.doc().attenuationAreas).toHaveLength(0);
  });
});

describe('select tool', () => {
  function withAps() {
    const t = testEditor();
    t.use('ap');
    t.click(2, 2);
    t.click(8, 2);
    t.use('wall');
    t.click(0, 5);
    t.click(10, 5);
    t.key('Enter');
    t.use('select');
    return t;
  }

  it('drags an AP by the pointer delta in one undo step', () => {
    const t = withAps();
    const ap = t.doc().accessPoints[0]!;
    t.drag({ x: 2.1, y: 2 }, { x: 5.1, y: 6 });
    expect(t.doc().accessPoints[0]!.position).toEqual({ xM: 5, yM: 6 });
    t.key('z', { ctrl: true });
    expect(t.doc().accessPoints[0]!.position).toEqual(ap.position);
  });

  it('box-selects what is entirely inside, Shift toggles, Delete removes, undo brings back', () => {
    const t = withAps();
    t.drag({ x: 1, y: 1 }, { x: 9, y: 3 });
    expect([...t.editor.selection].sort()).toEqual(t.doc().accessPoints.map((ap) => ap.id).sort());
    t.click(5, 5, { shift: true }); // adds the wall
    expect(t.editor.selection.size).toBe(3);
    t.click(8, 2, { shift: true }); // removes the second AP
    expect(t.editor.selection.size).toBe(2);
    t.key('Delete');
    expect(t.doc().accessPoints).toHaveLength(1);
    expect(t.doc().walls).toHaveLength(0);
    t.key('z', { ctrl: true });
    expect(t.doc().accessPoints).toHaveLength(2);
    expect(t.doc().walls).toHaveLength(1);
  });

  it('copies and pastes with fresh ids one metre away; arrow keys nudge by 10 cm', () => {
    const t = withAps();
    t.click(2, 2);
    t.key('c', { ctrl: true });
    t.key('v', { ctrl: true });
    const aps = t.doc().accessPoints;
    expect(aps).toHaveLength(3);
    expect(aps[2]!.position).toEqual({ xM: 3, yM: 3 });
    expect(new Set(aps.map((ap) => ap.id)).size).toBe(3);
    t.key('ArrowRight');
    expect(t.doc().accessPoints[2]!.position.xM).toBeCloseTo(3.1, 12);
  });

  it('a second AP gets its own name and a different channel', () => {
    const t = withAps();
    const [first, second] = t.doc().accessPoints;
    expect(first!.name).not.toBe(second!.name);
    expect(first!.radios.find((radio) => radio.band === '2.4')!.channel).not.toBe(second!.radios.find((radio) => radio.band === '2.4')!.channel);
  });
});

describe('wall click tools', () => {
  function tenMetreWall() {
    const t = testEditor();
    t.use('wall');
    t.click(0, 0);
    t.click(10, 0);
    t.key('Enter');
    return t;
  }

  it('puts a door where clicked, splits the wall and joins it back with the door in place', () => {
    const t = tenMetreWall();
    t.use('door');
    t.click(6, 0.1);
    expect(t.doc().openings[0]!.offsetM).toBeCloseTo(6, 12);
    t.use('split');
    t.click(4, 0);
    const [a, b] = t.doc().walls;
    expect([length(a!), length(b!)]).toEqual([4, 6]);
    expect(t.doc().openings[0]!.wallId).toBe(b!.id);
    expect(t.doc().openings[0]!.offsetM).toBeCloseTo(2, 12);
    t.use('select');
    t.editor.select([a!.id, b!.id]);
    t.key('j', { ctrl: true });
    expect(t.doc().walls.map(length)).toEqual([10]);
    expect(t.doc().openings[0]!.wallId).toBe(a!.id);
    expect(t.doc().openings[0]!.offsetM).toBeCloseTo(6, 12);
  });

  it('paints every wall crossed in one stroke with the brush material, one undo step', () => {
    const t = testEditor();
    t.use('wall');
    t.click(0, 0);
    t.click(0, 10);
    t.key('Enter');
    t.click(2, 0);
    t.click(2, 10);
    t.key('Enter');
    t.editor.state.setState({ materialId: 'mat-beton' });
    t.use('brush');
    t.drag({ x: 0, y: 5 }, { x: 2, y: 5 });
    expect(t.doc().walls.map((wall) => wall.materialId)).toEqual(['mat-beton', 'mat-beton']);
    t.key('z', { ctrl: true });
    expect(t.doc().walls.map((wall) => wall.materialId)).toEqual(['mat-placo', 'mat-placo']);
  });

  it('says where to click when no wall is there', () => {
    const t = tenMetreWall();
    t.use('window');
    t.click(5, 3);
    expect(t.doc().openings).toHaveLength(0);
    expect(t.notices.at(-1)).toBe('Cliquez sur un mur.');
  });
});

describe('measure and scale', () => {
  it('measures between two snapped points', () => {
    const t = testEditor();
    t.use('measure');
    t.click(1, 1);
    t.click(4, 5);
    expect(t.editor.state.getState().overlay.lengthM).toBe(5);
  });

  it('calibrates from two points and a typed length, rescaling what was drawn on the plan', () => {
    const t = testEditor();
    const document = structuredClone(t.doc());
    document.assets.push({ sha256: 'a'.repeat(64), name: 'plan.png', mimeType: 'image/png', byteLength: 10 });
    document.levels[0]!.plan = { format: 'image', assetSha256: 'a'.repeat(64), sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: 1000, heightUnits: 800, crop: null, rotationDeg: 0 };
    t.editor.documents.getState().open(document);
    // Uncalibrated raster: 2 cm per pixel provisionally, so a 100 px reference is 2 m on screen.
    t.use('wall');
    t.click(0, 0);
    t.click(2, 0);
    t.key('Enter');
    t.use('calibrate');
    t.click(0, 0);
    t.click(2, 0);
    expect(t.editor.state.getState().calibration).not.toBeNull();
    const result = t.editor.calibrate(5);
    expect(result).toEqual({ metersPerUnit: 0.05, shortReference: false });
    expect(t.doc().levels[0]!.metersPerUnit).toBeCloseTo(0.05, 12);
    expect(length(t.doc().walls[0]!)).toBeCloseTo(5, 12);
    // A short reference works but warns.
    t.click(0, 0);
    t.click(0.5, 0); // 10 px at 0.05 m/px
    expect(t.editor.calibrate(1)!.shortReference).toBe(true);
    expect(t.doc().levels[0]!.metersPerUnit).toBeCloseTo(0.1, 12);
    expect(t.notices.at(-1)).toMatch(/Référence courte/);
  });
});

describe('wall suggestion per layer', () => {
  it('reads only the chosen layers and gives each its material; accepted walls are selected, proposed vs kept counted', () => {
    // Layer MURS: one double-line wall 20 cm thick, 6 m long; layer HACHURES: a double line the user leaves out.
    const lines = [
      { a: { x: 0, y: 0 }, b: { x: 6, y: 0 } },
      { a: { x: 0, y: 0.2 }, b: { x: 6, y: 0.2 } },
      { a: { x: 0, y: 5 }, b: { x: 6, y: 5 } },
      { a: { x: 0, y: 5.1 }, b: { x: 6, y: 5.1 } },
    ];
    const t = testEditor({ planLines: lines });
    const document = structuredClone(t.doc());
    document.assets.push({ sha256: 'b'.repeat(64), name: 'plan.svg', mimeType: 'image/svg+xml', byteLength: 10 }, { sha256: 'c'.repeat(64), name: 'v.f32', mimeType: 'application/octet-stream', byteLength: 64 });
    document.levels[0]!.plan = { format: 'dxf', assetSha256: 'b'.repeat(64), sourceSha256: null, vectorsSha256: 'c'.repeat(64), vectorLayers: [{ name: 'MURS', count: 2 }, { name: 'HACHURES', count: 2 }], page: 1, widthUnits: 6, heightUnits: 5.1, crop: null, rotationDeg: 0 };
    document.levels[0]!.metersPerUnit = 1;
    t.editor.documents.getState().open(document);
    const report = t.editor.suggestWalls([{ layer: 0, materialId: 'mat-beton' }]);
    expect(report.walls).toHaveLength(1);
    expect(report.inputLines).toBe(2);
    expect(t.editor.acceptSuggestions()).toEqual({ proposed: 1, kept: 1 });
    expect(t.doc().walls.map((wall) => [wall.materialId, wall.from.yM])).toEqual([['mat-beton', expect.closeTo(0.1, 6)]]);
    expect(t.editor.selection.size).toBe(1);
    // Proposed again: the wall already exists, so nothing is kept twice.
    t.editor.suggestWalls([{ layer: 0, materialId: 'mat-beton' }, { layer: 1, materialId: 'mat-placo' }]);
    expect(t.editor.acceptSuggestions()).toEqual({ proposed: 2, kept: 1 });
    expect(t.doc().walls.map((wall) => wall.materialId)).toEqual(['mat-beton', 'mat-placo']);
  });

  it('accepts by box: the proposals inside are kept, the others stay proposed', () => {
    const lines = [
      { a: { x: 0, y: 0 }, b: { x: 6, y: 0 } },
      { a: { x: 0, y: 0.2 }, b: { x: 6, y: 0.2 } },
      { a: { x: 0, y: 5 }, b: { x: 6, y: 5 } },
      { a: { x: 0, y: 5.2 }, b: { x: 6, y: 5.2 } },
    ];
    const t = testEditor({ planLines: lines });
    const document = structuredClone(t.doc());
    document.assets.push({ sha256: 'b'.repeat(64), name: 'plan.svg', mimeType: 'image/svg+xml', byteLength: 10 });
    document.levels[0]!.plan = { format: 'dxf', assetSha256: 'b'.repeat(64), sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: 6, heightUnits: 5.2, crop: null, rotationDeg: 0 };
    document.levels[0]!.metersPerUnit = 1;
    t.editor.documents.getState().open(document);
    expect(t.editor.suggestWalls().walls).toHaveLength(2);
    t.use('suggestion-box');
    t.drag({ x: -1, y: -1 }, { x: 7, y: 1 });
    expect(t.doc().walls).toHaveLength(1);
    expect(t.doc().walls[0]!.from.yM).toBeCloseTo(0.1, 6);
    expect(t.editor.state.getState().suggestions).toHaveLength(1);
    expect(t.notices.at(-1)).toBe('1 murs acceptés dans le cadre ; 1 restent proposés.');
    t.drag({ x: -1, y: 4 }, { x: 7, y: 6 });
    expect(t.doc().walls).toHaveLength(2);
    expect(t.editor.state.getState().suggestions).toBeNull();
    expect(t.editor.state.getState().tool).toBe('select');
  });
});

describe('printed scale', () => {
  it('sets 1:50 on a PDF plan: 50 × 0.0254 / 72 m per point, drawn walls follow', () => {
    const t = testEditor();
    const document = structuredClone(t.doc());
    document.assets.push({ sha256: 'd'.repeat(64), name: 'p.png', mimeType: 'image/png', byteLength: 1 });
    document.levels[0]!.plan = { format: 'pdf', assetSha256: 'd'.repeat(64), sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: 1190, heightUnits: 842, crop: null, rotationDeg: 0 };
    t.editor.documents.getState().open(document);
    // Provisional 1:100: a 100-point wall is 100 × 0.0254 / 72 × 100 = 3.5278 m; at 1:50 it becomes half.
    t.use('wall');
    t.click(0, 0);
    t.click((100 * 0.0254 * 100) / 72, 0);
    t.key('Enter');
    expect(t.editor.setScale((50 * 0.0254) / 72)).toBe(true);
    expect(t.doc().levels[0]!.metersPerUnit).toBeCloseTo(0.0254 * 50 / 72, 15);
    expect(length(t.doc().walls[0]!)).toBeCloseTo((100 * 0.0254 * 50) / 72, 12);
  });
});

describe('directional AP orientation', () => {
  it('drags the handle of a selected patch AP to aim it (Shift: 15° steps), one undo step', () => {
    const t = testEditor();
    t.editor.state.setState({ apModelId: 'ap-patch' });
    t.use('ap');
    t.click(10, 10);
    t.use('select');
    const ap = () => t.doc().accessPoints[0]!;
    expect(ap().azimuthDeg).toBe(0);
    // apRadiusM is 0.3 in the test editor: the handle is 0.9 m along the boresight, at (10.9, 10).
    t.drag({ x: 10.9, y: 10 }, { x: 10, y: 14 });
    expect(ap().azimuthDeg).toBe(90); // straight down the plan (y grows downwards)
    expect(ap().position).toEqual({ xM: 10, yM: 10 });
    const handle = { x: 10, y: 10.9 };
    t.drag(handle, { x: 7, y: 13.2 }, { shift: true }); // 133° → 135° with 15° steps
    expect(ap().azimuthDeg).toBe(135);
    t.key('z', { ctrl: true });
    expect(ap().azimuthDeg).toBe(90);
  });
});
