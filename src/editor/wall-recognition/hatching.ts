/**
 * Hatching and repeated strokes (fill patterns, floor tiling, stair treads): a line belongs to a pattern when it
 * sits in a chain of four or more parallel lines at an even spacing of at most 60 cm, each overlapping the next
 * along its length. The spacing is tried from each of the line's three nearest overlapping neighbours, and the
 * chain looks for a line at that spacing rather than for the next line by offset, so other strokes drawn between
 * the pattern's lines (a light fitting over a tiled floor, a wall face beside a hatch) do not break it.
 */
import { overlap, type Line } from './line-set.ts';

const MAX_SPACING_M = 0.6;
const MIN_CHAIN = 4;
const NEIGHBOURS_TRIED = 3;

/** Marks pattern lines of one direction group (sorted by offset); returns how many. */
export function markHatching(group: Line[], isHatch: (line: Line) => void): number {
  const offsets = Float64Array.from(group, (line) => line.offset);
  const hatch = new Uint8Array(group.length);
  // CAD patterns are exact; a loose tolerance would let a chain slide from one spacing into another.
  const tolerance = (spacing: number) => 0.05 * spacing + 0.004;
  /** A line at `target` offset (± tolerance) overlapping `line`, or −1. */
  const lineAt = (line: Line, target: number, spacing: number): number => {
    for (let j = lowerBound(offsets, target - tolerance(spacing)); j < group.length && offsets[j]! <= target + tolerance(spacing); j++) {
      if (sideBySide(line, group[j]!)) return j;
    }
    return -1;
  };
  // Pattern lines run side by side with lengths that change little from one to the next; lines that only touch
  // end to end (a face piece beside a window frame), or a short symbol beside a long face, do not.
  const sideBySide = (a: Line, b: Line) => {
    const shorter = Math.min(a.to - a.from, b.to - b.from);
    const longer = Math.max(a.to - a.from, b.to - b.from);
    return longer <= 2 * shorter && overlap(a, b) > 0.25 * shorter;
  };
  for (let index = 0; index < group.length; index++) {
    if (hatch[index]) continue;
    const line = group[index]!;
    let tried = 0;
    for (let j = index + 1; j < group.length && tried < NEIGHBOURS_TRIED; j++) {
      const spacing = offsets[j]! - offsets[index]!;
      if (spacing > MAX_SPACING_M) break;
      if (spacing <= 1e-4 || !sideBySide(line, group[j]!)) continue;
      tried++;
      const chain = [index];
      for (let cursor = index; ; ) {
        const following = lineAt(group[cursor]!, offsets[cursor]! + spacing, spacing);
        if (following < 0) break;
        chain.push(following);
        cursor = following;
      }
      for (let cursor = index; ; ) {
        const preceding = lineAt(group[cursor]!, offsets[cursor]! - spacing, spacing);
        if (preceding < 0) break;
        chain.push(preceding);
        cursor = preceding;
      }
      if (chain.length >= MIN_CHAIN) {
        for (const member of chain) hatch[member] = 1;
        break;
      }
    }
  }
  let marked = 0;
  group.forEach((line, index) => {
    if (hatch[index]) {
      isHatch(line);
      marked++;
    }
  });
  return marked;
}

function lowerBound(values: Float64Array, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
