import { visiblePlanBox } from './plan-frame.ts';
import type { Level, ProjectDocument } from './schema.ts';

export interface ExtentM {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The area to show for a level: its plan (at its provisional scale until calibrated), grown to hold every object drawn on it and every survey point. */
export function levelExtentM(document: ProjectDocument, level: Level): ExtentM {
  const extent: ExtentM = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
  const plan = visiblePlanBox(level);
  if (plan) Object.assign(extent, plan);
  const grow = (x: number, y: number) => {
    extent.minX = Math.min(extent.minX, x);
    extent.minY = Math.min(extent.minY, y);
    extent.maxX = Math.max(extent.maxX, x);
    extent.maxY = Math.max(extent.maxY, y);
  };
  for (const wall of document.walls) {
    if (wall.levelId !== level.id) continue;
    grow(wall.from.xM, wall.from.yM);
    grow(wall.to.xM, wall.to.yM);
  }
  for (const ap of document.accessPoints) if (ap.levelId === level.id) grow(ap.position.xM, ap.position.yM);
  for (const zone of [...document.coverageZones, ...document.exclusionZones]) {
    if (zone.levelId === level.id) for (const point of zone.polygon) grow(point.xM, point.yM);
  }
  for (const survey of document.surveys) if (survey.levelId === level.id) for (const point of survey.points) grow(point.position.xM, point.position.yM);
  return extent;
}
