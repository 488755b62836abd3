/**
 * Dominant path (optional, per study), in the spirit of the Dominant Path Model (Wölfle et al., rf_reference §1.7):
 * the loss of a cell is the smallest of the straight path's and that of paths that bend around heavy walls —
 * through door gaps, round the corners of concrete cores, along corridors:
 *
 *     L = A(f) + B·log10(l²  + Δz²) + Σ walls crossed on each leg + Σ f(φ) over the turns,   f(φ) = L₉₀ · φ / 90°
 *
 * with l the path's length in plan, Δz the height difference, φ the turning angle at each corner. Turning points are
 * the ends of heavy walls (loss ≥ `heavyWallDb` on a band computed), 5 cm beyond the end along the wall, so a path
 * turning there passes the end in free space. The best path to each turning point is found by Dijkstra on the
 * path's loss so far (greedy in the length term, as the DPM does); the last leg to every cell reuses the exact span
 * method of the straight path, with the turning point as source. Only paths within the AP's storey bend; walls are
 * taken whole height on bent legs (their height window is that of the straight path only).
 */
import type { GridSpec } from '../scene/types.ts';
import type { PathContext, WindowedWall } from './path-context.ts';
import { accumulateWallLoss, type RowReach } from './wall-loss-spans.ts';
import { pathCountsWall } from './wall-crossing.ts';

export interface DominantPathSettings {
  /** Loss of a 90° turn (dB); a turn of φ costs φ/90° of it. */
  turnLossDbAt90: number;
  /** Walls at least this lossy on a band offer their ends as turning points. */
  heavyWallDb: number;
}

/** How far beyond a wall's end a path turns (m). */
export const TURN_OFFSET_M = 0.05;
const RAD_TO_DEG = 180 / Math.PI;

export interface TurningPoint {
  x: number;
  y: number;
}

/** Turning points: both ends of every heavy wall, pushed 5 cm outwards along the wall; points within 1 cm merged. */
export function turningPoints(walls: readonly WindowedWall[], bandIndices: readonly number[], heavyWallDb: number): TurningPoint[] {
  const points: TurningPoint[] = [];
  const seen = new Set<string>();
  for (const wall of walls) {
    if (!bandIndices.some((band) => wall.lossDb[band]! >= heavyWallDb)) continue;
    const length = Math.hypot(wall.bx - wall.ax, wall.by - wall.ay);
    const ux = (wall.bx - wall.ax) / length;
    const uy = (wall.by - wall.ay) / length;
    for (const [x, y] of [
      [wall.ax - ux * TURN_OFFSET_M, wall.ay - uy * TURN_OFFSET_M],
      [wall.bx + ux * TURN_OFFSET_M, wall.by + uy * TURN_OFFSET_M],
    ] as const) {
      const key = `${Math.round(x * 100)},${Math.round(y * 100)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      points.push({ x, y });
    }
  }
  return points;
}

/** Turning angle (degrees, 0–180) between direction (ux, uy) and the move (dx, dy). */
export function turnAngleDeg(ux: number, uy: number, dx: number, dy: number): number {
  const length = Math.hypot(dx, dy);
  if (length === 0 || (ux === 0 && uy === 0)) return 0;
  const cosine = Math.max(-1, Math.min(1, (ux * dx + uy * dy) / length));
  return Math.acos(cosine) * RAD_TO_DEG;
}

/** The walls of the storey as bent legs see them: whole height. */
function legWalls(walls: readonly WindowedWall[]): WindowedWall[] {
  return walls.map((wall) => ({ ...wall, tMin: 0, tMax: 1 }));
}

function legWallLoss(walls: readonly WindowedWall[], ax: number, ay: number, bx: number, by: number, bandIndices: readonly number[], out: Float64Array): void {
  out.fill(0, 0, bandIndices.length);
  for (const wall of walls) {
    if (!pathCountsWall(wall, ax, ay, bx, by)) continue;
    for (let band = 0; band < bandIndices.length; band++) out[band]! += wall.lossDb[bandIndices[band]!]!;
  }
}

interface BestPath {
  /** Walls and turns paid before the point (dB). */
  lossDb: number;
  /** Length in plan from the AP (m). */
  lengthM: number;
  /** Unit direction of the last leg arriving at the point. */
  ux: number;
  uy: number;
}

/**
 * Best path from the AP to every turning point, for one band slot: Dijkstra on the loss the path would have there.
 * `pairLoss[(i · n + j) · bands + band]` holds the walls between points i and j (index n = the AP).
 */
function bestPaths(points: readonly TurningPoint[], apX: number, apY: number, dzSquared: number, coefficient: number, settings: DominantPathSettings, pairLoss: Float64Array, band: number, bands: number): (BestPath | null)[] {
  const n = points.length;
  const best: (BestPath | null)[] = new Array(n).fill(null);
  const done = new Uint8Array(n);
  const total = (path: BestPath) => path.lossDb + coefficient * Math.log10(Math.max(1, path.lengthM * path.lengthM + dzSquared));
  for (let j = 0; j < n; j++) {
    const dx = points[j]!.x - apX;
    const dy = points[j]!.y - apY;
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    best[j] = { lossDb: pairLoss[(n * (n + 1) + j) * bands + band]!, lengthM: length, ux: dx / length, uy: dy / length };
  }
  for (;;) {
    let current = -1;
    let currentTotal = Infinity;
    for (let j = 0; j < n; j++) {
      const path = best[j];
      if (done[j] || !path) continue;
      const value = total(path);
      if (value < currentTotal) {
        currentTotal = value;
        current = j;
      }
    }
    if (current < 0) return best;
    done[current] = 1;
    const from = best[current]!;
    const origin = points[current]!;
    for (let j = 0; j < n; j++) {
      if (done[j]) continue;
      const dx = points[j]!.x - origin.x;
      const dy = points[j]!.y - origin.y;
      const length = Math.hypot(dx, dy);
      if (length === 0) continue;
      const lossDb = from.lossDb + pairLoss[(current * (n + 1) + j) * bands + band]! + (settings.turnLossDbAt90 * turnAngleDeg(from.ux, from.uy, dx, dy)) / 90;
      const candidate = { lossDb, lengthM: from.lengthM + length, ux: dx / length, uy: dy / length };
      const known = best[j];
      if (!known || total(candidate) < total(known)) best[j] = candidate;
    }
  }
}

/**
 * Lowers each cell's wall loss plane (`planes[k]`, band index `bandIndices[k]`) to what the best bent path would
 * cost instead of the straight one, as a difference in loss: planes then hold (bent loss − straight distance term)
 * wherever the bent path wins. `coefficient` is the distance law's B (per log10 of the squared distance).
 */
// Reused from call to call (every AP of every level): first writes to fresh memory cost more than the work here.
const legPlaneBuffers: Float32Array[] = [];
let legScratch = new Float64Array(0);

function legBuffers(bands: number, cells: number, scratchLength: number): { legPlanes: Float32Array[]; scratch: Float64Array } {
  for (let band = 0; band < bands; band++) if (!legPlaneBuffers[band] || legPlaneBuffers[band]!.length < cells) legPlaneBuffers[band] = new Float32Array(cells);
  if (legScratch.length < scratchLength) legScratch = new Float64Array(scratchLength);
  return { legPlanes: legPlaneBuffers.slice(0, bands).map((plane) => plane.subarray(0, cells)), scratch: legScratch };
}

/** What does not depend on the AP: turning points and the walls between each pair, per level and bands. */
interface LevelGraph {
  walls: WindowedWall[];
  points: TurningPoint[];
  /** Walls between points i and j (both < n) and, once filled for an AP, from the AP (row n): (i·(n+1) + j)·bands + band. */
  pairLoss: Float64Array;
}

const graphs = new WeakMap<object, Map<string, LevelGraph>>();

function levelGraph(cacheKey: object | null, context: PathContext, bandIndices: readonly number[], heavyWallDb: number): LevelGraph {
  const key = `${bandIndices.join(',')}|${heavyWallDb}`;
  const cached = cacheKey ? graphs.get(cacheKey)?.get(key) : undefined;
  if (cached) return cached;
  const walls = legWalls(context.walls);
  const points = turningPoints(walls, bandIndices, heavyWallDb);
  const n = points.length;
  const bands = bandIndices.length;
  const pairLoss = new Float64Array((n + 1) * (n + 1) * bands);
  const perBand = new Float64Array(bands);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      legWallLoss(walls, points[i]!.x, points[i]!.y, points[j]!.x, points[j]!.y, bandIndices, perBand);
      for (let band = 0; band < bands; band++) {
        pairLoss[(i * (n + 1) + j) * bands + band] = perBand[band]!;
        pairLoss[(j * (n + 1) + i) * bands + band] = perBand[band]!;
      }
    }
  }
  const graph = { walls, points, pairLoss };
  if (cacheKey) {
    if (!graphs.has(cacheKey)) graphs.set(cacheKey, new Map());
    graphs.get(cacheKey)!.set(key, graph);
  }
  return graph;
}

/**
 * `cacheKey`: an object that stays the same while the level's walls do (the scene level's wall list): the turning
 * points and the walls between them are then worked out once for every AP of the level.
 */
export function applyDominantPath(context: PathContext, grid: GridSpec, rows: RowReach, bandIndices: readonly number[], planes: Float32Array[], coefficient: number, settings: DominantPathSettings, cacheKey: object | null = null): void {
  const { walls, points, pairLoss } = levelGraph(cacheKey, context, bandIndices, settings.heavyWallDb);
  const n = points.length;
  if (n === 0) return;
  const bands = bandIndices.length;
  const { px, py } = context;
  const dz = context.clientZ - context.apZ;
  const dzSquared = dz * dz;

  // Walls from the AP (row n) to each turning point.
  const perBand = new Float64Array(bands);
  for (let j = 0; j < n; j++) {
    legWallLoss(walls, px, py, points[j]!.x, points[j]!.y, bandIndices, perBand);
    for (let band = 0; band < bands; band++) pairLoss[(n * (n + 1) + j) * bands + band] = perBand[band]!;
  }
  const paths = Array.from({ length: bands }, (_, band) => bestPaths(points, px, py, dzSquared, coefficient, settings, pairLoss, band, bands));

  const legContext: PathContext = { ...context, walls };
  const { legPlanes, scratch } = legBuffers(bands, grid.nx * grid.ny, (grid.nx + 1) * grid.ny * bands);
  const turnPerDegree = settings.turnLossDbAt90 / 90;
  const order = points.map((_, index) => index).sort((i, j) => Math.min(...paths.map((p) => p[i]?.lossDb ?? Infinity)) - Math.min(...paths.map((p) => p[j]?.lossDb ?? Infinity)));
  // Per point and band: loss so far, length and arriving direction (NaN loss: no path).
  const lossSoFar = new Float64Array(bands);
  const lengthSoFar = new Float64Array(bands);
  const arrivingX = new Float64Array(bands);
  const arrivingY = new Float64Array(bands);
  for (const index of order) {
    const point = points[index]!;
    let any = false;
    for (let band = 0; band < bands; band++) {
      const path = paths[band]![index];
      lossSoFar[band] = path ? path.lossDb : NaN;
      lengthSoFar[band] = path ? path.lengthM : 0;
      arrivingX[band] = path ? path.ux : 0;
      arrivingY[band] = path ? path.uy : 0;
      any ||= !!path;
    }
    if (!any) continue;
    for (const plane of legPlanes) plane.fill(0);
    accumulateWallLoss({ ...legContext, px: point.x, py: point.y }, grid, rows, bandIndices, legPlanes, scratch);
    for (let band = 0; band < bands; band++) {
      const before = lossSoFar[band]!;
      if (Number.isNaN(before)) continue;
      const plane = planes[band]!;
      const legPlane = legPlanes[band]!;
      const length0 = lengthSoFar[band]!;
      const ux = arrivingX[band]!;
      const uy = arrivingY[band]!;
      for (let row = 0; row < grid.ny; row++) {
        const from = rows.first[row]!;
        const to = rows.last[row]!;
        if (from > to) continue;
        const cy = grid.originY + (row + 0.5) * grid.resolutionM;
        const legDy = cy - point.y;
        const directDy = cy - py;
        const rowStart = row * grid.nx;
        for (let column = from; column <= to; column++) {
          const cell = rowStart + column;
          // The bent path is at least as long as the straight one: it cannot win unless its walls and turns so
          // far cost less than what the cell pays now (most cells, most points: no logarithm, no angle).
          const floor = before + legPlane[cell]!;
          const current = plane[cell]!;
          if (floor >= current) continue;
          const cx = grid.originX + (column + 0.5) * grid.resolutionM;
          const legDx = cx - point.x;
          const leg = Math.sqrt(legDx * legDx + legDy * legDy);
          const directDx = cx - px;
          const straight = coefficient * Math.log10(Math.max(1, directDx * directDx + directDy * directDy + dzSquared));
          const length = length0 + leg;
          const turn = leg === 0 ? 0 : turnPerDegree * turnAngleDeg(ux, uy, legDx, legDy);
          const bent = coefficient * Math.log10(Math.max(1, length * length + dzSquared)) + floor + turn - straight;
          if (bent < current) plane[cell] = bent;
        }
      }
    }
  }
}
