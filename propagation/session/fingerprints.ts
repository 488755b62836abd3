/**
 * Cache keys for AP fields: everything that changes a field, and nothing else. Walls count only when they lie
 * within the AP's reach, so editing a wall recomputes only the APs that can see that far.
 */
import { distanceLaw } from '../models/path-loss.ts';
import { levelToLevel } from '../scene/levels.ts';
import type { GridSpec, Scene, SceneLevel, SceneRadio } from '../scene/types.ts';
import { Hasher } from '../util/hash.ts';
import { pointToSegmentDistanceSquared } from '../util/segment-distance.ts';

export function gridKey(grid: GridSpec): string {
  return new Hasher().numbers([grid.originX, grid.originY, grid.resolutionM, grid.nx, grid.ny]).digest();
}

export function settingsKey(scene: Scene): string {
  const { settings } = scene;
  return new Hasher().string(JSON.stringify(settings.model)).numbers([settings.clientHeightM, settings.clientGainDbi, settings.reachFloorDbm, settings.obliqueIncidence ? 1 : 0, settings.obliqueCapDeg, settings.dominantPath ? 1 : 0, settings.dominantPath?.turnLossDbAt90 ?? 0, settings.dominantPath?.heavyWallDb ?? 0]).digest();
}

export function buildingKey(levels: readonly SceneLevel[]): string {
  const hasher = new Hasher();
  for (const level of levels) {
    hasher.string(level.id).numbers([level.elevationM, level.heightM, ...level.slabLossDb, level.placement.rotationRad, level.placement.txM, level.placement.tyM]);
    for (const polygon of level.slabOpenings ?? []) hasher.numbers([polygon.length, ...polygon]);
  }
  return hasher.digest();
}

export function radioGroupKey(radios: readonly SceneRadio[]): string {
  const hasher = new Hasher();
  for (const radio of radios) {
    hasher.string(radio.id).string(radio.levelId).string(radio.band);
    hasher.numbers([radio.x, radio.y, radio.mountingHeightM, radio.azimuthDeg, radio.tiltDeg, radio.centerMHz, radio.txPowerDbm, radio.antennaGainDbi]);
    if (radio.pattern) hasher.numbers(radio.pattern.azimuthCutDb).numbers(radio.pattern.elevationCutDb);
  }
  return hasher.digest();
}

/** Horizontal reach (m) of the strongest radio of a group, by the loss-free bound of the model. */
export function groupReachM(scene: Scene, radios: readonly SceneRadio[]): number {
  let reach = 0;
  for (const radio of radios) {
    const law = distanceLaw(scene.settings.model, radio.centerMHz);
    const eirp = radio.txPowerDbm + radio.antennaGainDbi + scene.settings.clientGainDbi;
    const exponent = (eirp - scene.settings.reachFloorDbm - law.constantDb) / law.log10D2Coefficient;
    reach = Math.max(reach, Math.sqrt(10 ** Math.min(exponent, 12)));
  }
  return reach;
}

/** One fingerprint per wall of each level (its ends, losses and heights), computed once per scene. */
export function wallDigests(levels: readonly SceneLevel[]): Map<string, Float64Array> {
  const digests = new Map<string, Float64Array>();
  for (const level of levels) {
    const values = new Float64Array(level.walls.length);
    level.walls.forEach((wall, index) => {
      const hasher = new Hasher().number(wall.ax).number(wall.ay).number(wall.bx).number(wall.by).number(wall.bottomM).number(wall.topM);
      for (const loss of wall.lossDb) hasher.number(loss);
      values[index] = hasher.state;
    });
    digests.set(level.id, values);
  }
  return digests;
}

/**
 * Fingerprint of every wall and attenuation area within reach of the group, on every level. `digests` (from
 * wallDigests on the same levels) saves hashing each wall again for every AP.
 */
export function surroundingsKey(scene: Scene, radios: readonly SceneRadio[], digests: Map<string, Float64Array> = wallDigests(scene.levels)): string {
  const first = radios[0]!;
  const source = scene.levels.find((level) => level.id === first.levelId);
  const hasher = new Hasher();
  if (!source) return 'sans-niveau';
  const reach = groupReachM(scene, radios);
  const reachSquared = reach * reach;
  for (const level of scene.levels) {
    const [x, y] = levelToLevel(source.placement, level.placement)(first.x, first.y);
    const levelDigests = digests.get(level.id)!;
    hasher.string(level.id);
    level.walls.forEach((wall, index) => {
      if (pointToSegmentDistanceSquared(x, y, wall.ax, wall.ay, wall.bx, wall.by) <= reachSquared) hasher.number(levelDigests[index]!);
    });
    for (const area of level.areas) hasher.numbers(area.polygon).numbers(area.lossDbPerM);
  }
  return hasher.digest();
}
