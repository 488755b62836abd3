import { constrainAngle, distance, midpoint, projectOnSegment, type Point, type Segment } from './geometry.ts';

export type SnapKind = 'extremite' | 'milieu' | 'ligne-plan' | 'extremite-plan' | 'angle';

export interface SnapResult {
  point: Point;
  kind: SnapKind | null;
}

export interface SnapSources {
  /** Drawn walls of the level (metres). */
  walls: readonly Segment[];
  /** Vector lines of the imported plan, already in metres. */
  planLines: readonly Segment[];
}

export interface SnapOptions {
  /** Snap radius in metres (the UI converts its pixel radius with the zoom). */
  toleranceM: number;
  /** Previous vertex, for the 0/45/90° constraint. */
  from?: Point | null;
  constrain?: boolean;
}

/**
 * Where a click lands. Priority: wall ends, wall midpoints, plan line ends, then the nearest plan line; each only
 * within the tolerance. With `constrain` (Shift), the point is first put on a 0/45/90° ray from `from`, and only
 * point snaps lying on that ray are kept, so the angle is never broken by a snap.
 */
export function snapPoint(raw: Point, sources: SnapSources, options: SnapOptions): SnapResult {
  const constrained = options.constrain && options.from ? constrainAngle(options.from, raw) : null;
  const cursor = constrained ?? raw;
  const onRay = (candidate: Point) => !constrained || !options.from || isOnRay(options.from, constrained, candidate);

  const best = { point: cursor, kind: null as SnapKind | null, distance: options.toleranceM };
  const consider = (candidate: Point, kind: SnapKind) => {
    const d = distance(cursor, candidate);
    if (d <= best.distance && onRay(candidate)) Object.assign(best, { point: candidate, kind, distance: d });
  };
  for (const wall of sources.walls) {
    consider(wall.a, 'extremite');
    consider(wall.b, 'extremite');
  }
  if (best.kind === null) for (const wall of sources.walls) consider(midpoint(wall.a, wall.b), 'milieu');
  if (best.kind === null)
    for (const line of sources.planLines) {
      consider(line.a, 'extremite-plan');
      consider(line.b, 'extremite-plan');
    }
  if (best.kind === null && !constrained) {
    for (const line of sources.planLines) {
      const projection = projectOnSegment(cursor, line.a, line.b);
      if (projection.distance <= best.distance) Object.assign(best, { point: projection.point, kind: 'ligne-plan', distance: projection.distance });
    }
  }
  if (best.kind === null && constrained) return { point: constrained, kind: 'angle' };
  return { point: best.point, kind: best.kind };
}

function isOnRay(origin: Point, through: Point, candidate: Point): boolean {
  const dx = through.x - origin.x;
  const dy = through.y - origin.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return false;
  const cross = Math.abs(dx * (candidate.y - origin.y) - dy * (candidate.x - origin.x)) / length;
  return cross < 1e-6 * Math.max(1, length);
}
