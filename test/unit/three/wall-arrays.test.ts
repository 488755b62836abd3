import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { centreLineArrays, linearColour, wallBoxArrays, wallArrayBuffers, levelWallArrays } from '../../../src/ui/three/wall-arrays.ts';

const wall = { ax: 0, ay: 0, bx: 4, by: 0, bottomM: 0, topM: 2.5, thicknessM: 0.2, colour: '#808080' };

describe('3D wall arrays (built in the view’s worker)', () => {
  it('decodes #rrggbb by the sRGB transfer function, as three.js does', () => {
    // 128/255 = 0.50196 → ((0.50196 + 0.055) / 1.055)^2.4 = 0.21586 (IEC 61966-2-1).
    expect(linearColour('#808080')[0]).toBeCloseTo(0.21586, 5);
    // 10/255 is under the 0.04045 knee: 0.039216 / 12.92 = 0.0030353.
    expect(linearColour('#0a0a0a')[0]).toBeCloseTo(0.0030353, 6);
    for (const hex of ['#4a4f57', '#e8590c', '#0b5cad', '#ffffff', '#000000']) {
      const reference = new THREE.Color(hex);
      const [r, g, b] = linearColour(hex);
      expect(Math.abs(r - reference.r) + Math.abs(g - reference.g) + Math.abs(b - reference.b)).toBeLessThan(1e-6);
    }
  });

  it('a 4 m wall 0.2 m thick and 2.5 m high is a box of 24 vertices at its 8 hand-computed corners, 12 triangles', () => {
    const box = wallBoxArrays([wall]);
    expect(box.positions.length).toBe(24 * 3);
    expect(box.indices.length).toBe(36);
    const corners = new Set<string>();
    for (let vertex = 0; vertex < 24; vertex++) corners.add(Array.from(box.positions.slice(vertex * 3, vertex * 3 + 3), (value) => value.toFixed(3)).join(' '));
    // Plan (x, y) → three.js (x, z), height on y; ±0.1 m across the wall (plan y).
    const expected = [0, 4].flatMap((x) => [0, 2.5].flatMap((y) => [-0.1, 0.1].map((z) => `${x.toFixed(3)} ${y.toFixed(3)} ${z.toFixed(3)}`)));
    expect([...corners].sort()).toEqual(expected.sort());
    expect(Math.max(...box.indices)).toBe(23);
    // Every normal is a unit axis vector; the top face (y = 2.5 for its 4 vertices) points up.
    for (let vertex = 0; vertex < 24; vertex++) {
      const [x, y, z] = box.normals.slice(vertex * 3, vertex * 3 + 3);
      expect(Math.hypot(x!, y!, z!)).toBeCloseTo(1, 6);
      if (box.positions[vertex * 3 + 1] === 2.5 && y !== 0) expect(y).toBe(1);
    }
    // Shaded grey: each colour is the linear grey times a light factor between 0.55 and 1.
    for (let index = 0; index < box.colours.length; index++) {
      const factor = box.colours[index]! / 0.21586;
      expect(factor).toBeGreaterThanOrEqual(0.549);
      expect(factor).toBeLessThanOrEqual(1.0001);
    }
  });

  it('a quad on the centre line while the view moves; pieces without length or height are left out', () => {
    const quads = centreLineArrays([wall, { ...wall, bx: 0 }, { ...wall, topM: 0 }]);
    expect(Array.from(quads.positions)).toEqual([0, 0, 0, 4, 0, 0, 4, 2.5, 0, 0, 2.5, 0]);
    expect(Array.from(quads.indices)).toEqual([0, 1, 2, 0, 2, 3]);
    expect(wallBoxArrays([{ ...wall, bx: 0 }]).positions.length).toBe(0);
  });

  it('every array of every level is listed for the transfer to the page', () => {
    const levels = levelWallArrays([{ levelId: 'a', walls: [wall] }, { levelId: 'b', walls: [] }]);
    expect(wallArrayBuffers(levels)).toHaveLength(14);
    expect(levels.map((level) => level.boxes.positions.length)).toEqual([72, 0]);
  });
});
