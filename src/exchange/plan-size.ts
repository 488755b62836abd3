/** Size of a level's floor for formats that need one: its plan, or what is drawn on it. */
import { displayMetersPerUnit } from '../model/plan-scale.ts';
import { turnedSize } from '../model/plan-frame.ts';
import type { ProjectDocument } from '../model/schema.ts';

type Point = { xM: number; yM: number };

/** The plan's size in metres, or what is drawn on the level when it has none (with a 5 m margin). */
export function planSizeM(document: ProjectDocument, levelId: string): { width: number; length: number } {
  const level = document.levels.find((candidate) => candidate.id === levelId)!;
  if (level.plan) {
    const size = turnedSize(level.plan);
    const scale = displayMetersPerUnit(level);
    return { width: size.width * scale, length: size.height * scale };
  }
  return drawnSizeM(document, levelId);
}

/** What is drawn on a level, from the frame's origin, with a 5 m margin (10 m at least). */
export function drawnSizeM(document: ProjectDocument, levelId: string): { width: number; length: number } {
  let width = 10;
  let length = 10;
  const see = (point: Point) => {
    width = Math.max(width, point.xM + 5);
    length = Math.max(length, point.yM + 5);
  };
  for (const wall of document.walls) if (wall.levelId === levelId) [wall.from, wall.to].forEach(see);
  for (const ap of document.accessPoints) if (ap.levelId === levelId) see(ap.position);
  for (const zone of [...document.coverageZones, ...document.exclusionZones, ...document.attenuationAreas, ...document.slabOpenings]) if (zone.levelId === levelId) zone.polygon.forEach(see);
  return { width, length };
}

