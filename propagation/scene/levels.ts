import type { LevelPlacement, Scene, SceneLevel } from './types.ts';

/** Maps a point of one level's frame into another level's frame through the building frame. */
export function levelToLevel(from: LevelPlacement, to: LevelPlacement): (x: number, y: number) => [number, number] {
  const cosFrom = Math.cos(from.rotationRad);
  const sinFrom = Math.sin(from.rotationRad);
  const cosTo = Math.cos(to.rotationRad);
  const sinTo = Math.sin(to.rotationRad);
  const identity = from.rotationRad === to.rotationRad && from.txM === to.txM && from.tyM === to.tyM;
  return (x, y) => {
    if (identity) return [x, y];
    const bx = cosFrom * x - sinFrom * y + from.txM - to.txM;
    const by = sinFrom * x + cosFrom * y + from.tyM - to.tyM;
    return [cosTo * bx + sinTo * by, -sinTo * bx + cosTo * by];
  };
}

export function findLevel(scene: Scene, levelId: string): SceneLevel {
  const level = scene.levels.find((candidate) => candidate.id === levelId);
  if (!level) throw new RangeError(`unknown level ${levelId}`);
  return level;
}
