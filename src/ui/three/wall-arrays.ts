/**
 * The vertex arrays of a level's walls for the 3D view, with no three.js object: boxes for the view at rest, one
 * centre-line quad per wall while it moves. Pure, so a worker builds them (10,000 walls are 240,000 vertices) and
 * the page only wraps them in geometries. Plan frame (x east, y down) → three.js (x, z) with y up.
 */

export interface WallBox {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  bottomM: number;
  topM: number;
  thicknessM: number;
  /** '#rrggbb' (sRGB), as the study's materials give it. */
  colour: string;
}

export interface BoxArrays {
  positions: Float32Array;
  normals: Float32Array;
  colours: Float32Array;
  indices: Uint32Array;
}

export interface QuadArrays {
  positions: Float32Array;
  colours: Float32Array;
  indices: Uint32Array;
}

export interface LevelWallArrays {
  levelId: string;
  boxes: BoxArrays;
  quads: QuadArrays;
}

/** Direction of the light baked into the walls' colours (unit vector, from above and to the side). */
const LIGHT = (() => {
  const length = Math.hypot(0.4, 1, 0.3);
  return [0.4 / length, 1 / length, 0.3 / length] as const;
})();

/** sRGB component (0–1) to the linear value three.js works in (its ColorManagement does the same to '#rrggbb'). */
function srgbToLinear(value: number): number {
  return value < 0.04045 ? value * 0.0773993808 : Math.pow(value * 0.9478672986 + 0.0521327014, 2.4);
}

/** Walls whose material has no colour. */
export const DEFAULT_WALL_COLOUR = '#4a4f57';

/** Decoded colours: a study has a few materials and thousands of walls. */
const decoded = new Map<string, readonly [number, number, number]>();

/** '#rrggbb' → linear [r, g, b]; any other text gives the default wall grey. */
export function linearColour(hex: string): readonly [number, number, number] {
  let colour = decoded.get(hex);
  if (!colour) {
    const value = parseInt((/^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? DEFAULT_WALL_COLOUR.slice(1)), 16);
    colour = [srgbToLinear(((value >> 16) & 255) / 255), srgbToLinear(((value >> 8) & 255) / 255), srgbToLinear((value & 255) / 255)];
    decoded.set(hex, colour);
  }
  return colour;
}

function drawable(walls: readonly WallBox[]): WallBox[] {
  return walls.filter((wall) => wall.topM > wall.bottomM && Math.hypot(wall.bx - wall.ax, wall.by - wall.ay) > 1e-6);
}

/** Corner order: 0–3 bottom (a−n, b−n, b+n, a+n, n across the wall), 4–7 the same on top. */
const FACES = [
  [0, 1, 2, 3],
  [4, 5, 6, 7],
  [0, 1, 5, 4],
  [3, 2, 6, 7],
  [1, 2, 6, 5],
  [0, 3, 7, 4],
] as const;

/** Every wall piece as a box: 24 vertices with flat normals and shaded colours, 36 indices. */
export function wallBoxArrays(walls: readonly WallBox[]): BoxArrays {
  const kept = drawable(walls);
  const positions = new Float32Array(kept.length * 24 * 3);
  const normals = new Float32Array(kept.length * 24 * 3);
  const colours = new Float32Array(kept.length * 24 * 3);
  const indices = new Uint32Array(kept.length * 36);
  // Written straight into the typed arrays: small arrays per vertex cost more than the arithmetic.
  const cornerX = new Float64Array(4);
  const cornerZ = new Float64Array(4);
  const normal = new Float64Array(18);
  kept.forEach((wall, index) => {
    const dx = wall.bx - wall.ax;
    const dy = wall.by - wall.ay;
    const length = Math.hypot(dx, dy);
    const ux = dx / length;
    const uy = dy / length;
    const nx = -uy * (wall.thicknessM / 2);
    const ny = ux * (wall.thicknessM / 2);
    cornerX[0] = wall.ax - nx;
    cornerZ[0] = wall.ay - ny;
    cornerX[1] = wall.bx - nx;
    cornerZ[1] = wall.by - ny;
    cornerX[2] = wall.bx + nx;
    cornerZ[2] = wall.by + ny;
    cornerX[3] = wall.ax + nx;
    cornerZ[3] = wall.ay + ny;
    // Face normals: down, up, across (−n, +n), along (+u at b, −u at a), in three.js (x, y, z) = (plan x, up, plan y).
    normal.set([0, -1, 0, 0, 1, 0, uy, 0, -ux, -uy, 0, ux, ux, 0, uy, -ux, 0, -uy]);
    const [red, green, blue] = linearColour(wall.colour);
    for (let faceIndex = 0; faceIndex < 6; faceIndex++) {
      const face = FACES[faceIndex]!;
      const base = index * 24 + faceIndex * 4;
      const n0 = normal[faceIndex * 3]!;
      const n1 = normal[faceIndex * 3 + 1]!;
      const n2 = normal[faceIndex * 3 + 2]!;
      const light = 0.55 + 0.45 * Math.abs(n0 * LIGHT[0] + n1 * LIGHT[1] + n2 * LIGHT[2]);
      for (let k = 0; k < 4; k++) {
        const corner = face[k]!;
        const offset = (base + k) * 3;
        positions[offset] = cornerX[corner % 4]!;
        positions[offset + 1] = corner < 4 ? wall.bottomM : wall.topM;
        positions[offset + 2] = cornerZ[corner % 4]!;
        normals[offset] = n0;
        normals[offset + 1] = n1;
        normals[offset + 2] = n2;
        colours[offset] = red * light;
        colours[offset + 1] = green * light;
        colours[offset + 2] = blue * light;
      }
      const at = index * 36 + faceIndex * 6;
      indices[at] = base;
      indices[at + 1] = base + 2;
      indices[at + 2] = base + 1;
      indices[at + 3] = base;
      indices[at + 4] = base + 3;
      indices[at + 5] = base + 2;
    }
  });
  return { positions, normals, colours, indices };
}

/** Every wall piece as one double-sided quad on its centre line, shaded by its orientation. */
export function centreLineArrays(walls: readonly WallBox[]): QuadArrays {
  const kept = drawable(walls);
  const positions = new Float32Array(kept.length * 4 * 3);
  const colours = new Float32Array(kept.length * 4 * 3);
  const indices = new Uint32Array(kept.length * 6);
  kept.forEach((wall, index) => {
    const length = Math.hypot(wall.bx - wall.ax, wall.by - wall.ay);
    const light = 0.55 + 0.45 * Math.abs((-(wall.by - wall.ay) / length) * LIGHT[0] + ((wall.bx - wall.ax) / length) * LIGHT[2]);
    const [red, green, blue] = linearColour(wall.colour);
    positions.set([wall.ax, wall.bottomM, wall.ay, wall.bx, wall.bottomM, wall.by, wall.bx, wall.topM, wall.by, wall.ax, wall.topM, wall.ay], index * 12);
    for (let k = 0; k < 4; k++) colours.set([red * light, green * light, blue * light], index * 12 + k * 3);
    const base = index * 4;
    indices.set([base, base + 1, base + 2, base, base + 2, base + 3], index * 6);
  });
  return { positions, colours, indices };
}

/** Both models of every level, from the wall pieces of each. */
export function levelWallArrays(levels: readonly { levelId: string; walls: readonly WallBox[] }[]): LevelWallArrays[] {
  return levels.map(({ levelId, walls }) => ({ levelId, boxes: wallBoxArrays(walls), quads: centreLineArrays(walls) }));
}

/** The buffers of the arrays, for a transfer between threads. */
export function wallArrayBuffers(levels: readonly LevelWallArrays[]): ArrayBuffer[] {
  return levels.flatMap(({ boxes, quads }) => [boxes.positions, boxes.normals, boxes.colours, boxes.indices, quads.positions, quads.colours, quads.indices].map((array) => array.buffer as ArrayBuffer));
}
