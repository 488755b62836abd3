/**
 * Dashed lines (building grid axes, hidden or overhead edges): four or more collinear strokes under 4 m with gaps
 * of 5 to 60 cm, three quarters of the gaps within 25 % of their median (a symbol drawn on the axis may merge
 * with a dash). Door openings are wider than 60 cm, so a wall cut by doors is never taken for a dashed line. They
 * are never walls, yet an axis running down the middle of a double-line partition would otherwise pair with one
 * of its faces.
 */
import { collinearRuns, lengthOf, type Line } from './line-set.ts';

const MAX_DASH_M = 4;
const MIN_GAP_M = 0.05;
const MAX_GAP_M = 0.6;

/** Marks the dashes of one direction group (sorted by offset) as used, before collinear strokes are joined; returns how many. */
export function markDashedLines(group: Line[], isDash: (line: Line) => void): number {
  return collinearRuns(group, 0.005).reduce((sum, run) => sum + markRun(run, isDash), 0);
}

interface Dash {
  from: number;
  to: number;
  /** The dash and any stroke overlapping it (a symbol drawn on the axis, or a real line lying along it). */
  members: Line[];
}

function markRun(collinear: Line[], isDash: (line: Line) => void): number {
  let marked = 0;
  let run: Dash[] = [];
  const close = () => {
    if (run.length >= 4 && regular(run)) {
      const lengths = run.flatMap((dash) => dash.members.map(lengthOf)).sort((a, b) => a - b);
      const median = lengths[Math.floor(lengths.length / 2)]!;
      // A stroke longer than the dashes (a window's glass line on a façade axis) is a line of its own.
      for (const dash of run)
        for (const member of dash.members)
          if (lengthOf(member) <= 1.25 * median) {
            isDash(member);
            marked++;
          }
    }
    run = [];
  };
  for (const line of collinear) {
    const previous = run.at(-1);
    if (previous && line.from < previous.to) {
      previous.to = Math.max(previous.to, line.to);
      previous.members.push(line);
      continue;
    }
    const gap = previous ? line.from - previous.to : 0;
    if (lengthOf(line) > MAX_DASH_M || (previous && (gap < MIN_GAP_M || gap > MAX_GAP_M))) close();
    if (lengthOf(line) <= MAX_DASH_M) run.push({ from: line.from, to: line.to, members: [line] });
  }
  close();
  return marked;
}

function regular(run: Dash[]): boolean {
  const gaps = run.slice(1).map((dash, index) => dash.from - run[index]!.to);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return gaps.filter((gap) => Math.abs(gap - median) <= 0.25 * median).length >= 0.75 * gaps.length;
}
