/**
 * Walls proposed from a plan's vector lines (PDF or DXF), in metres:
 * 1. drop short strokes (text, ticks, end caps) and non-straight leftovers;
 * 2. drop hatching: four or more parallel lines, evenly spaced and overlapping, are a fill pattern;
 * 3. collapse double-line walls: two parallel lines 5–60 cm apart that overlap become one wall on their centre
 *    line, over the overlap, with the measured thickness;
 * 4. merge collinear pieces that touch or nearly touch (a wall cut by a door drawn as two strokes stays two walls
 *    when the gap is wider than a door frame's tolerance).
 * Single lines that pair with nothing are kept as candidates only when long (outer walls drawn with one line).
 */
import type { Segment } from './geometry.ts';

export interface WallSuggestionOptions {
  minLengthM: number;
  minThicknessM: number;
  maxThicknessM: number;
  /** Lines within this angle (degrees) count as parallel. */
  angleToleranceDeg: number;
  /** Collinear pieces closer than this (m) are merged. */
  mergeGapM: number;
  /** A lone line this long or longer is proposed as a thin wall. */
  singleLineMinLengthM: number;
}

export const DEFAULT_SUGGESTION_OPTIONS: WallSuggestionOptions = {
  minLengthM: 0.5,
  minThicknessM: 0.05,
  maxThicknessM: 0.6,
  angleToleranceDeg: 1,
  mergeGapM: 0.05,
  singleLineMinLengthM: Number.POSITIVE_INFINITY,
};

export interface SuggestedWall extends Segment {
  thicknessM: number;
}

export interface WallSuggestionReport {
  walls: SuggestedWall[];
  inputLines: number;
  shortDropped: number;
  hatchDropped: number;
  pairs: number;
  unpaired: number;
}

interface Line {
  /** Direction angle in [0, π). */
  angle: number;
  /** Unit direction. */
  ux: number;
  uy: number;
  /** Signed offset of the line from the origin, along the normal (−uy, ux). */
  offset: number;
  /** Extent along the direction. */
  from: number;
  to: number;
  used: boolean;
}

function toLine(segment: Segment): Line {
  let dx = segment.b.x - segment.a.x;
  let dy = segment.b.y - segment.a.y;
  const length = Math.hypot(dx, dy);
  dx /= length;
  dy /= length;
  // Canonical direction: angle in [0, π), so parallel lines share ux, uy.
  if (dy < 0 || (dy === 0 && dx < 0)) {
    dx = -dx;
    dy = -dy;
  }
  const along = (p: { x: number; y: number }) => p.x * dx + p.y * dy;
  const offset = -segment.a.x * dy + segment.a.y * dx;
  const s = along(segment.a);
  const e = along(segment.b);
  return { angle: Math.atan2(dy, dx), ux: dx, uy: dy, offset, from: Math.min(s, e), to: Math.max(s, e), used: false };
}

const pointOf = (line: { ux: number; uy: number }, offset: number, along: number) => ({ x: along * line.ux - offset * line.uy, y: along * line.uy + offset * line.ux });

const overlap = (a: Line, b: Line) => Math.min(a.to, b.to) - Math.max(a.from, b.from);

export function suggestWalls(segments: readonly Segment[], options: WallSuggestionOptions = DEFAULT_SUGGESTION_OPTIONS): WallSuggestionReport {
  const tolerance = (options.angleToleranceDeg * Math.PI) / 180;
  const all = segments.filter((segment) => Math.hypot(segment.b.x - segment.a.x, segment.b.y - segment.a.y) > 1e-9).map(toLine);
  const long = all.filter((line) => line.to - line.from >= options.minLengthM);
  const shortDropped = segments.length - long.length;

  // Group by direction (angles near 0 and π are the same direction).
  long.sort((a, b) => a.angle - b.angle);
  const groups: Line[][] = [];
  for (const line of long) {
    const group = groups.at(-1);
    if (group && line.angle - group[0]!.angle <= tolerance) group.push(line);
    else groups.push([line]);
  }
  if (groups.length > 1 && Math.PI - groups.at(-1)![0]!.angle + groups[0]![0]!.angle <= tolerance) {
    const wrapped = groups.pop()!.map((line) => ({ ...line, offset: -line.offset, from: -line.to, to: -line.from, ux: -line.ux, uy: -line.uy, angle: line.angle - Math.PI }));
    groups[0]!.unshift(...wrapped);
  }

  let hatchDropped = 0;
  const walls: SuggestedWall[] = [];
  let pairs = 0;
  let unpaired = 0;
  for (const rawGroup of groups) {
    const group = joinPieces(rawGroup);
    hatchDropped += dropHatching(group, options);
    for (let i = 0; i < group.length; i++) {
      const line = group[i]!;
      if (line.used) continue;
      // The nearest unused parallel line on the far side within the thickness band, overlapping enough.
      let partner: Line | null = null;
      for (let j = i + 1; j < group.length; j++) {
        const other = group[j]!;
        const gap = other.offset - line.offset;
        if (gap > options.maxThicknessM) break;
        if (other.used || gap < options.minThicknessM) continue;
        const shared = overlap(line, other);
        if (shared >= options.minLengthM && shared >= 0.5 * Math.min(line.to - line.from, other.to - other.from)) {
          partner = other;
          break;
        }
      }
      if (partner) {
        partner.used = true;
        line.used = true;
        pairs++;
        const from = Math.max(line.from, partner.from);
        const to = Math.min(line.to, partner.to);
        const centre = (line.offset + partner.offset) / 2;
        walls.push({ a: pointOf(line, centre, from), b: pointOf(line, centre, to), thicknessM: partner.offset - line.offset });
      } else if (line.to - line.from >= options.singleLineMinLengthM) {
        line.used = true;
        walls.push({ a: pointOf(line, line.offset, line.from), b: pointOf(line, line.offset, line.to), thicknessM: 0 });
      } else unpaired++;
    }
  }
  return { walls: mergeCollinear(walls, options), inputLines: segments.length, shortDropped, hatchDropped, pairs, unpaired };
}

/** Joins collinear strokes that touch or overlap (a line drawn in several pieces), sorted by offset. */
function joinPieces(group: Line[]): Line[] {
  group.sort((a, b) => a.offset - b.offset || a.from - b.from);
  const joined: Line[] = [];
  for (const line of group) {
    const last = joined.at(-1);
    if (last && Math.abs(line.offset - last.offset) <= 0.005 && line.from <= last.to + 0.01) last.to = Math.max(last.to, line.to);
    else joined.push({ ...line });
  }
  return joined;
}

/** Marks runs of ≥ 4 evenly spaced, overlapping parallel lines as used (hatching). Returns how many. */
function dropHatching(group: Line[], options: WallSuggestionOptions): number {
  let dropped = 0;
  let start = 0;
  while (start < group.length) {
    let end = start;
    const spacing = start + 1 < group.length ? group[start + 1]!.offset - group[start]!.offset : 0;
    if (spacing > 1e-6 && spacing <= 2 * options.maxThicknessM) {
      while (
        end + 1 < group.length &&
        Math.abs(group[end + 1]!.offset - group[end]!.offset - spacing) <= 0.1 * spacing + 1e-6 &&
        overlap(group[end]!, group[end + 1]!) > 0
      )
        end++;
    }
    if (end - start + 1 >= 4) {
      for (let k = start; k <= end; k++) group[k]!.used = true;
      dropped += end - start + 1;
      start = end + 1;
    } else start++;
  }
  return dropped;
}

function mergeCollinear(walls: SuggestedWall[], options: WallSuggestionOptions): SuggestedWall[] {
  const lines = walls.map((wall) => ({ wall, line: toLine(wall) }));
  lines.sort((a, b) => a.line.angle - b.line.angle || a.line.offset - b.line.offset || a.line.from - b.line.from);
  const merged: SuggestedWall[] = [];
  const tolerance = (options.angleToleranceDeg * Math.PI) / 180;
  let current: { line: Line; thicknessM: number } | null = null;
  const flush = () => {
    if (current) merged.push({ a: pointOf(current.line, current.line.offset, current.line.from), b: pointOf(current.line, current.line.offset, current.line.to), thicknessM: current.thicknessM });
  };
  for (const { wall, line } of lines) {
    if (current && Math.abs(line.angle - current.line.angle) <= tolerance && Math.abs(line.offset - current.line.offset) <= 0.02 && line.from <= current.line.to + options.mergeGapM) {
      current.line.to = Math.max(current.line.to, line.to);
      current.thicknessM = Math.max(current.thicknessM, wall.thicknessM);
    } else {
      flush();
      current = { line: { ...line }, thicknessM: wall.thicknessM };
    }
  }
  flush();
  return merged;
}
