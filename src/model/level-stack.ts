import type { Level, ProjectDocument } from './schema.ts';

/** The level right below in the same building (by elevation), or null. */
export function levelBelow(document: Pick<ProjectDocument, 'levels'>, level: Pick<Level, 'buildingId' | 'elevationM'>): Level | null {
  return (
    document.levels
      .filter((candidate) => candidate.buildingId === level.buildingId && candidate.elevationM < level.elevationM)
      .sort((a, b) => b.elevationM - a.elevationM)[0] ?? null
  );
}

/** The level right above in the same building, or null. */
export function levelAbove(document: Pick<ProjectDocument, 'levels'>, level: Pick<Level, 'buildingId' | 'elevationM'>): Level | null {
  return (
    document.levels
      .filter((candidate) => candidate.buildingId === level.buildingId && candidate.elevationM > level.elevationM)
      .sort((a, b) => a.elevationM - b.elevationM)[0] ?? null
  );
}

/** Point of this level's frame in the frame of the level below, through the alignment (identity when none). */
export function toLevelBelow(level: Pick<Level, 'alignment'>, x: number, y: number): { x: number; y: number } {
  const alignment = level.alignment ?? { offsetXM: 0, offsetYM: 0, rotationDeg: 0 };
  const r = (alignment.rotationDeg * Math.PI) / 180;
  return { x: Math.cos(r) * x - Math.sin(r) * y + alignment.offsetXM, y: Math.sin(r) * x + Math.cos(r) * y + alignment.offsetYM };
}

/**
 * The alignment that puts two points of this level (a, b) on two points of the level below (A, B), a rigid move
 * (turn + shift) fitted on the midpoints; `scaleRatio` = |AB| / |ab| tells whether the two plans' scales disagree.
 */
export function alignmentFromPairs(a: { x: number; y: number }, b: { x: number; y: number }, A: { x: number; y: number }, B: { x: number; y: number }) {
  const turn = Math.atan2(B.y - A.y, B.x - A.x) - Math.atan2(b.y - a.y, b.x - a.x);
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const Mx = (A.x + B.x) / 2;
  const My = (A.y + B.y) / 2;
  const rotationDeg = ((((turn * 180) / Math.PI) % 360) + 540) % 360 - 180;
  return {
    alignment: { rotationDeg, offsetXM: Mx - (cos * mx - sin * my), offsetYM: My - (sin * mx + cos * my) },
    scaleRatio: Math.hypot(B.x - A.x, B.y - A.y) / Math.hypot(b.x - a.x, b.y - a.y),
  };
}
