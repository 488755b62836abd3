/**
 * Double-line walls: each line pairs with the nearest unused parallel line on its far side within the thickness
 * band that overlaps it over at least half the shorter of the two; the wall runs on their centre line, over the
 * overlap, with the measured thickness.
 */
import { collinearRuns, lengthOf, pointOf, type Line } from './line-set.ts';

export interface PairingOptions {
  minLengthM: number;
  minThicknessM: number;
  maxThicknessM: number;
  singleLineMinLengthM: number;
}

export interface PairedWall {
  a: { x: number; y: number };
  b: { x: number; y: number };
  thicknessM: number;
  sources: number[];
}

export function pairLines(group: Line[], options: PairingOptions, onWall: (wall: PairedWall) => void): { pairs: number; unpaired: Line[] } {
  // What is left of each line: a long line (a room fill's edge along a corridor) can face several pieces of the
  // opposite face cut by doors, each pairing with its own stretch of it.
  const free: [number, number][][] = group.map((line) => (line.used ? [] : [[line.from, line.to]]));
  const paired = new Uint8Array(group.length);
  let pairs = 0;
  const take = (index: number, from: number, to: number) => {
    free[index] = free[index]!.flatMap(([a, b]) => [
      [a, Math.min(b, from)],
      [Math.max(a, to), b],
    ]).filter((interval) => interval[1]! - interval[0]! >= options.minLengthM) as [number, number][];
  };
  for (let i = 0; i < group.length; i++) {
    const line = group[i]!;
    for (let k = 0; k < free[i]!.length; k++) {
      const [from, to] = free[i]![k]!;
      const match = partnerOf(group, free, i, from, to, options);
      if (!match) continue;
      const { j, start, end } = match;
      const partner = group[j]!;
      pairs++;
      paired[i] = 1;
      paired[j] = 1;
      const centre = (line.offset + partner.offset) / 2;
      onWall({ a: pointOf(line, centre, start), b: pointOf(line, centre, end), thicknessM: partner.offset - line.offset, sources: [...line.sources, ...partner.sources] });
      take(i, start, end);
      take(j, start, end);
      k = -1; // the intervals of line i changed: look at them again
    }
  }
  const unpaired: Line[] = [];
  group.forEach((line, index) => {
    if (line.used) return;
    if (paired[index]) {
      line.used = true;
      return;
    }
    if (lengthOf(line) >= options.singleLineMinLengthM) {
      line.used = true;
      onWall({ a: pointOf(line, line.offset, line.from), b: pointOf(line, line.offset, line.to), thicknessM: 0, sources: line.sources });
    } else unpaired.push(line);
  });
  return { pairs, unpaired };
}

/**
 * The partner of [from, to] on line i: among the lines on the far side within the thickness band whose free
 * stretches overlap it enough, the nearest one that shares at least half of the best shared length (a light
 * fitting's edge drawn between a partition's faces must not take the place of the opposite face).
 */
function partnerOf(group: Line[], free: [number, number][][], i: number, from: number, to: number, options: PairingOptions): { j: number; start: number; end: number } | null {
  const line = group[i]!;
  const candidates: { j: number; start: number; end: number }[] = [];
  for (let j = i + 1; j < group.length; j++) {
    const gap = group[j]!.offset - line.offset;
    if (gap > options.maxThicknessM) break;
    if (gap < options.minThicknessM) continue;
    for (const [a, b] of free[j]!) {
      const start = Math.max(from, a);
      const end = Math.min(to, b);
      if (end - start >= options.minLengthM && end - start >= 0.5 * Math.min(to - from, b - a) && !nearerFaceBeyond(group, free, j, start, end, gap, options)) candidates.push({ j, start, end });
    }
  }
  const best = Math.max(0, ...candidates.map((candidate) => candidate.end - candidate.start));
  return candidates.find((candidate) => candidate.end - candidate.start >= 0.5 * best) ?? null;
}

/** Joins collinear strokes that touch or overlap (a line drawn in several pieces); returns them sorted by offset. */
export function joinPieces(group: Line[]): Line[] {
  const joined: Line[] = [];
  for (const run of collinearRuns(group, 0.005)) {
    let last: Line | null = null;
    for (const line of run) {
      if (last && line.from <= last.to + 0.01) {
        last.to = Math.max(last.to, line.to);
        last.sources.push(...line.sources);
      } else {
        last = { ...line, sources: [...line.sources] };
        joined.push(last);
      }
    }
  }
  return joined.sort((a, b) => a.offset - b.offset || a.from - b.from);
}

/**
 * Whether line j has, on its far side and nearer than `gap`, a line sharing most of [start, end]: then j is the
 * face of that nearer wall, and a line further away (a light fitting's edge beside a partition) must not take it.
 */
function nearerFaceBeyond(group: Line[], free: [number, number][][], j: number, start: number, end: number, gap: number, options: PairingOptions): boolean {
  const face = group[j]!;
  for (let k = j + 1; k < group.length; k++) {
    const beyond = group[k]!.offset - face.offset;
    if (beyond >= gap) return false;
    if (beyond < options.minThicknessM) continue;
    for (const [a, b] of free[k]!) if (Math.min(end, b) - Math.max(start, a) >= 0.5 * (end - start)) return true;
  }
  return false;
}
