/**
 * Copper runs from each AP to the technical room, estimated for the equipment list: the horizontal path along the
 * building's axes (cables follow corridors, not diagonals), plus the height between floors, plus 3 m for the drop
 * and the service loop, plus 10 % of slack. Levels are placed in one frame through their alignments.
 */
import { levelBelow, toLevelBelow } from '../../model/level-stack.ts';
import type { PointM, ProjectDocument } from '../../model/schema.ts';

export const MAX_PERMANENT_LINK_M = 90;
const DROP_M = 3;
const SLACK = 1.1;

/** A point of a level in the frame of the building's lowest level (through each level's alignment). */
function inBuildingFrame(document: ProjectDocument, levelId: string, point: PointM): { x: number; y: number; elevationM: number } | null {
  let level = document.levels.find((candidate) => candidate.id === levelId);
  if (!level) return null;
  const elevationM = level.elevationM;
  let at = { x: point.xM, y: point.yM };
  for (let below = levelBelow(document, level); below; below = levelBelow(document, level)) {
    at = toLevelBelow(level, at.x, at.y);
    level = below;
  }
  return { ...at, elevationM };
}

/** Estimated run (m) for each AP id, or null when no technical room is set (or its level is gone). */
export function cableRuns(document: ProjectDocument): Map<string, number> | null {
  const room = document.study.delivery.technicalRoom;
  const roomAt = room ? inBuildingFrame(document, room.levelId, room.position) : null;
  if (!roomAt) return null;
  const runs = new Map<string, number>();
  for (const ap of document.accessPoints) {
    const at = inBuildingFrame(document, ap.levelId, ap.position);
    if (!at) continue;
    const horizontal = Math.abs(at.x - roomAt.x) + Math.abs(at.y - roomAt.y);
    const vertical = Math.abs(at.elevationM - roomAt.elevationM);
    runs.set(ap.id, Math.round((horizontal + vertical + DROP_M) * SLACK * 10) / 10);
  }
  return runs;
}
