/**
 * Everything about the paths from one AP position to the cells of one target level that does not depend on the
 * cell: the AP in the target frame, both heights, the slabs crossed and, for each level the path passes through,
 * its walls and attenuation areas in the target frame with the window of the path parameter t ∈ [0, 1]
 * (0 at the AP, 1 at the cell) in which they can be crossed.
 */
import { floorsLossDb, modelCountsWalls } from '../models/path-loss.ts';
import { findLevel, levelToLevel } from '../scene/levels.ts';
import type { BandId } from '../radio/channels.ts';
import { BAND_INDEX, type Scene, type SceneRadio } from '../scene/types.ts';
import type { CrossedSlab } from './slab-openings.ts';

export interface WindowedWall {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  lossDb: readonly [number, number, number];
  tMin: number;
  tMax: number;
  tag?: string;
}

export interface WindowedArea {
  polygon: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  lossDbPerM: readonly [number, number, number];
  tMin: number;
  tMax: number;
  tag?: string;
}

export interface PathContext {
  px: number;
  py: number;
  apZ: number;
  clientZ: number;
  walls: WindowedWall[];
  areas: WindowedArea[];
  /** Slab loss of the path for each band index (already through the model's floor law), every slab closed. */
  slabLossDb: [number, number, number];
  slabCount: number;
  /** The slabs between the AP and the target level, with their openings in the target frame. */
  slabs: CrossedSlab[];
  /** Whether any crossed slab has an opening (then the slab loss varies from cell to cell). */
  slabsHaveOpenings: boolean;
  /** Slab loss per band index when the slabs whose bit is set in `openMask` are not paid (memoised). */
  slabLossWithOpenings(openMask: number): readonly [number, number, number];
}

const EPS = 1e-12;

/** t-window where z(t) = apZ + t·(clientZ − apZ) lies in [zLow, zHigh], intersected with [0, 1]; null if empty. */
export function heightWindow(apZ: number, clientZ: number, zLow: number, zHigh: number): [number, number] | null {
  const dz = clientZ - apZ;
  if (Math.abs(dz) < EPS) return apZ >= zLow && apZ <= zHigh ? [0, 1] : null;
  let t0 = (zLow - apZ) / dz;
  let t1 = (zHigh - apZ) / dz;
  if (t0 > t1) [t0, t1] = [t1, t0];
  const low = Math.max(0, t0);
  const high = Math.min(1, t1);
  return low < high ? [low, high] : null;
}

export function preparePathContext(scene: Scene, radio: Pick<SceneRadio, 'levelId' | 'x' | 'y' | 'mountingHeightM'>, targetLevelId: string, bands: readonly BandId[], frequenciesMHz: readonly number[]): PathContext {
  const source = findLevel(scene, radio.levelId);
  const target = findLevel(scene, targetLevelId);
  const [px, py] = levelToLevel(source.placement, target.placement)(radio.x, radio.y);
  const apZ = source.elevationM + radio.mountingHeightM;
  const clientZ = target.elevationM + scene.settings.clientHeightM;
  const zLow = Math.min(apZ, clientZ);
  const zHigh = Math.max(apZ, clientZ);

  const slabLevels = scene.levels.filter((level) => level.elevationM > zLow && level.elevationM < zHigh);
  const slabs: CrossedSlab[] = slabLevels.map((level) => {
    const toTarget = levelToLevel(level.placement, target.placement);
    const openings = (level.slabOpenings ?? []).flatMap((polygon) => {
      const placed = new Float64Array(polygon.length);
      for (let index = 0; index + 1 < polygon.length; index += 2) [placed[index], placed[index + 1]] = toTarget(polygon[index]!, polygon[index + 1]!);
      return placed.length >= 6 && placed.every(Number.isFinite) ? [placed] : [];
    });
    return { lossDb: level.slabLossDb, t: (level.elevationM - apZ) / (clientZ - apZ), openings, levelId: level.id };
  });
  const memo = new Map<number, readonly [number, number, number]>();
  const slabLossWithOpenings = (openMask: number): readonly [number, number, number] => {
    const known = memo.get(openMask);
    if (known) return known;
    const paid = slabs.filter((_, index) => index > 30 || (openMask & (1 << index)) === 0);
    const losses: [number, number, number] = [0, 0, 0];
    bands.forEach((band, index) => {
      const bandIndex = BAND_INDEX[band];
      losses[bandIndex] = floorsLossDb(scene.settings.model, paid.map((slab) => slab.lossDb[bandIndex]!), frequenciesMHz[index]!);
    });
    memo.set(openMask, losses);
    return losses;
  };
  const slabLossDb = [...slabLossWithOpenings(0)] as [number, number, number];

  const walls: WindowedWall[] = [];
  const areas: WindowedArea[] = [];
  if (modelCountsWalls(scene.settings.model)) {
    for (const level of scene.levels) {
      const storey = heightWindow(apZ, clientZ, level.elevationM, level.elevationM + level.heightM);
      if (!storey) continue;
      const toTarget = levelToLevel(level.placement, target.placement);
      for (const wall of level.walls) {
        const window = heightWindow(apZ, clientZ, level.elevationM + wall.bottomM, level.elevationM + Math.min(wall.topM, level.heightM));
        if (!window) continue;
        const tMin = Math.max(storey[0], window[0]);
        const tMax = Math.min(storey[1], window[1]);
        if (tMin >= tMax) continue;
        const [ax, ay] = toTarget(wall.ax, wall.ay);
        const [bx, by] = toTarget(wall.bx, wall.by);
        if (!(Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(bx) && Number.isFinite(by))) continue;
        if (Math.abs(ax - bx) < EPS && Math.abs(ay - by) < EPS) continue;
        walls.push({ ax, ay, bx, by, lossDb: wall.lossDb, tMin, tMax, tag: wall.tag });
      }
      for (const area of level.areas) {
        const polygon = new Float64Array(area.polygon.length);
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (let index = 0; index < area.polygon.length; index += 2) {
          const [x, y] = toTarget(area.polygon[index]!, area.polygon[index + 1]!);
          polygon[index] = x;
          polygon[index + 1] = y;
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
        if (polygon.length >= 6 && Number.isFinite(minX + minY + maxX + maxY)) areas.push({ polygon, minX, minY, maxX, maxY, lossDbPerM: area.lossDbPerM, tMin: storey[0], tMax: storey[1], tag: area.tag });
      }
    }
  }
  const slabsHaveOpenings = slabs.some((slab) => slab.openings.length > 0);
  return { px, py, apZ, clientZ, walls, areas, slabLossDb, slabCount: slabs.length, slabs, slabsHaveOpenings, slabLossWithOpenings };
}
