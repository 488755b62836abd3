/**
 * Plan lines in a form fit for recognition: a canonical direction (angle in [0, π)), the signed offset of the
 * line from the origin along its normal, and its extent along the direction. Parallel lines share (ux, uy), so
 * comparing offsets compares positions across the lines.
 */
import type { Segment } from '../geometry.ts';

export interface Line {
  angle: number;
  ux: number;
  uy: number;
  /** Signed offset along the normal (−uy, ux). */
  offset: number;
  from: number;
  to: number;
  /** Indices of the input segments this line stands for (several once collinear strokes are joined). */
  sources: number[];
  used: boolean;
}

export function toLine(segment: Segment, source: number): Line {
  let dx = segment.b.x - segment.a.x;
  let dy = segment.b.y - segment.a.y;
  const length = Math.hypot(dx, dy);
  dx /= length;
  dy /= length;
  if (dy < 0 || (dy === 0 && dx < 0)) {
    dx = -dx;
    dy = -dy;
  }
  const s = segment.a.x * dx + segment.a.y * dy;
  const e = segment.b.x * dx + segment.b.y * dy;
  return { angle: Math.atan2(dy, dx), ux: dx, uy: dy, offset: -segment.a.x * dy + segment.a.y * dx, from: Math.min(s, e), to: Math.max(s, e), sources: [source], used: false };
}

export const lengthOf = (line: Pick<Line, 'from' | 'to'>) => line.to - line.from;

export const pointOf = (line: Pick<Line, 'ux' | 'uy'>, offset: number, along: number) => ({ x: along * line.ux - offset * line.uy, y: along * line.uy + offset * line.ux });

export const overlap = (a: Pick<Line, 'from' | 'to'>, b: Pick<Line, 'from' | 'to'>) => Math.min(a.to, b.to) - Math.max(a.from, b.from);

/**
 * Groups lines by direction within `toleranceRad`; lines near 0 and near π are the same direction, so the last
 * group folds into the first (its lines turned round so that offsets stay comparable).
 */
export function groupByDirection(lines: Line[], toleranceRad: number): Line[][] {
  const sorted = [...lines].sort((a, b) => a.angle - b.angle);
  const groups: Line[][] = [];
  for (const line of sorted) {
    const group = groups.at(-1);
    if (group && line.angle - group[0]!.angle <= toleranceRad) group.push(line);
    else groups.push([line]);
  }
  if (groups.length > 1 && Math.PI - groups.at(-1)![0]!.angle + groups[0]![0]!.angle <= toleranceRad) {
    const wrapped = groups.pop()!.map((line) => ({ ...line, offset: -line.offset, from: -line.to, to: -line.from, ux: -line.ux, uy: -line.uy, angle: line.angle - Math.PI }));
    groups[0]!.unshift(...wrapped);
  }
  return groups;
}

/**
 * Lines of one direction group split into collinear runs: offsets within `tolerance` of the run's first line
 * (sorted by offset), each run sorted along its direction. Sorting by offset alone would interleave pieces whose
 * offsets differ by rounding noise and break the merges that walk along a run.
 */
export function collinearRuns<T extends Pick<Line, 'offset' | 'from'>>(group: readonly T[], tolerance: number): T[][] {
  const sorted = [...group].sort((a, b) => a.offset - b.offset);
  const runs: T[][] = [];
  for (const line of sorted) {
    const run = runs.at(-1);
    if (run && line.offset - run[0]!.offset <= tolerance) run.push(line);
    else runs.push([line]);
  }
  for (const run of runs) run.sort((a, b) => a.from - b.from);
  return runs;
}
