/**
 * Doors in a drawing: two collinear wall pieces of like thickness separated by a gap of 60 cm to 1.4 m, with a
 * door leaf drawn from one end of the gap (a single line about as long as the gap, at an angle to the wall: open
 * at 90° or ajar). The pieces become one wall with a door opening over the gap; the leaf line is the door's. A gap
 * without a leaf stays a gap (an open passage). Door swings are curves, which plan reading leaves out; the leaf is
 * what CAD door blocks and architects' sheets draw as a straight line.
 */
import type { Segment } from '../geometry.ts';
import { collinearRuns, groupByDirection, pointOf, toLine, type Line } from './line-set.ts';
import type { PairedWall } from './pairing.ts';

const MIN_DOOR_M = 0.6;
const MAX_DOOR_M = 1.4;
/** A leaf makes at least this angle with its wall (a line along the wall is not a leaf). */
const MIN_LEAF_ANGLE_RAD = (20 * Math.PI) / 180;

export interface WallWithDoors extends PairedWall {
  /** Door openings along the wall, as distances from `a` (m). */
  doors: [number, number][];
  /** Input lines that are the doors' leaves. */
  leaves: number[];
}

export function findDoors(walls: readonly PairedWall[], leaves: readonly { segment: Segment; source: number }[], angleToleranceRad: number): WallWithDoors[] {
  const taken = new Set<number>();
  const out: WallWithDoors[] = [];
  const lines = walls.map((wall, index) => toLine(wall, index));
  for (const run of groupByDirection(lines, angleToleranceRad).flatMap((group) => collinearRuns(group, 0.02))) {
    let current: { line: Line; wall: PairedWall; doors: [number, number][]; leaves: number[] } | null = null;
    const flush = () => {
      if (!current) return;
      const { line, wall, doors, leaves: leafLines } = current;
      out.push({ ...wall, a: pointOf(line, line.offset, line.from), b: pointOf(line, line.offset, line.to), doors: doors.map(([from, to]) => [from - line.from, to - line.from]), leaves: leafLines });
    };
    for (const line of run) {
      const wall = walls[line.sources[0]!]!;
      if (current) {
        const gap = line.from - current.line.to;
        const like = Math.max(wall.thicknessM, current.wall.thicknessM) <= 1.5 * Math.min(wall.thicknessM, current.wall.thicknessM) + 0.02;
        const leaf = gap >= MIN_DOOR_M && gap <= MAX_DOOR_M && like ? leafOf(current.line, current.line.to, line.from, Math.max(wall.thicknessM, current.wall.thicknessM), leaves, taken) : -1;
        if (leaf >= 0) {
          taken.add(leaf);
          current.leaves.push(leaves[leaf]!.source);
          current.doors.push([current.line.to, line.from]);
          current.line = { ...current.line, to: Math.max(current.line.to, line.to) };
          current.wall = { ...current.wall, thicknessM: Math.max(current.wall.thicknessM, wall.thicknessM), sources: [...current.wall.sources, ...wall.sources] };
          continue;
        }
      }
      flush();
      current = { line: { ...line }, wall, doors: [], leaves: [] };
    }
    flush();
  }
  return out;
}

/** Index of a leaf hinged at either end of the gap [from, to] along `line`, about as long as the gap; −1 if none. */
function leafOf(line: Line, from: number, to: number, thicknessM: number, leaves: readonly { segment: Segment }[], taken: ReadonlySet<number>): number {
  const width = to - from;
  const ends = [pointOf(line, line.offset, from), pointOf(line, line.offset, to)];
  const reach = thicknessM / 2 + 0.1;
  for (let index = 0; index < leaves.length; index++) {
    if (taken.has(index)) continue;
    const { a, b } = leaves[index]!.segment;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < 0.75 * width || length > 1.25 * width) continue;
    const sine = Math.abs(((b.x - a.x) * line.uy - (b.y - a.y) * line.ux) / length);
    if (Math.asin(Math.min(1, sine)) < MIN_LEAF_ANGLE_RAD) continue;
    if (ends.some((end) => Math.hypot(a.x - end.x, a.y - end.y) <= reach || Math.hypot(b.x - end.x, b.y - end.y) <= reach)) return index;
  }
  return -1;
}
