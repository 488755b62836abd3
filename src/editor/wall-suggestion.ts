/**
 * Walls recognised from a plan's vector lines (PDF or DXF), in metres. Every input line ends in one class, so the
 * user sees what was read and why the rest was left out:
 * - `cadre`: the sheet's frame (lines along the page edges);
 * - `court`: strokes shorter than the shortest wall (text, ticks, end caps, chairs);
 * - `oblique`: off the building's two main axes by more than the tolerance, when the angle filter is on;
 * - `tirete`: dashed lines (grid axes, hidden edges);
 * - `hachure`: hatching and other repeated strokes (tiling, stair treads);
 * - `mur`: a face of a double-line wall (collapsed onto its centre line with the measured thickness), or a long
 *   lone line when lone lines are accepted;
 * - `isole`: a line that pairs with nothing (dimension lines, furniture edges, door leaves);
 * - `bloc`: the faces of a double line that is an object (not twice as long as thick, or standing free in a room:
 *   furniture, light fittings), see free-standing.ts;
 * - `porte`: a door leaf hinged at a gap between two pieces of one wall: the pieces become one wall with a door
 *   opening over the gap (doors.ts).
 * Collinear walls that touch are then merged, and with `snapToAxes` each wall is turned about its middle onto
 * the exact axis.
 */
import type { Box, Segment } from './geometry.ts';
import { dominantAxis, offAxis } from './wall-recognition/dominant-axes.ts';
import { markDashedLines } from './wall-recognition/dashed-lines.ts';
import { markHatching } from './wall-recognition/hatching.ts';
import { collinearRuns, groupByDirection, lengthOf, pointOf, toLine, type Line } from './wall-recognition/line-set.ts';
import { joinPieces, pairLines, type PairedWall } from './wall-recognition/pairing.ts';
import { freeStanding, isElongated } from './wall-recognition/free-standing.ts';
import { findDoors } from './wall-recognition/doors.ts';

export const LINE_CLASSES = ['mur', 'hachure', 'court', 'oblique', 'tirete', 'cadre', 'isole', 'bloc', 'porte'] as const;
export type LineClass = (typeof LINE_CLASSES)[number];

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
  /** Keep only lines within this angle (degrees) of the building's main axes; null reads every direction. */
  axisToleranceDeg: number | null;
  /** Turn each wall onto the exact main axis it is near (within the axis tolerance). */
  snapToAxes: boolean;
  /** Leave out double lines that stand free (furniture, tables, light fittings). */
  dropFreeStanding: boolean;
  /** The sheet in metres: lines along its edges are its frame. */
  sheet: Box | null;
  /** The main axis (degrees, [0, 90)) when already known, e.g. from every layer of the plan; else measured. */
  axisDeg: number | null;
}

export const DEFAULT_SUGGESTION_OPTIONS: WallSuggestionOptions = {
  minLengthM: 0.5,
  minThicknessM: 0.05,
  maxThicknessM: 0.6,
  angleToleranceDeg: 1,
  mergeGapM: 0.05,
  singleLineMinLengthM: Number.POSITIVE_INFINITY,
  axisToleranceDeg: 2,
  snapToAxes: true,
  dropFreeStanding: true,
  sheet: null,
  axisDeg: null,
};

export interface SuggestedWall extends Segment {
  thicknessM: number;
  /** Door openings, as distances from `a` (m). */
  doors: [number, number][];
  /** Indices of the input lines it was made from. */
  sources: readonly number[];
}

export interface ClassTotal {
  count: number;
  lengthM: number;
}

export interface WallSuggestionReport {
  walls: SuggestedWall[];
  inputLines: number;
  /** Per class: how many input lines and their length. */
  classes: Record<LineClass, ClassTotal>;
  /** Class of each input line, as an index into LINE_CLASSES. */
  lineClass: Uint8Array;
  /** The building's main axis in degrees [0, 90), or null without lines. */
  axisDeg: number | null;
  pairs: number;
}

const CLASS_INDEX = Object.fromEntries(LINE_CLASSES.map((name, index) => [name, index])) as Record<LineClass, number>;

export function emptyClassTotals(): Record<LineClass, ClassTotal> {
  return Object.fromEntries(LINE_CLASSES.map((name) => [name, { count: 0, lengthM: 0 }])) as Record<LineClass, ClassTotal>;
}

export function suggestWalls(segments: readonly Segment[], overrides: Partial<WallSuggestionOptions> = {}): WallSuggestionReport {
  const options = { ...DEFAULT_SUGGESTION_OPTIONS, ...overrides };
  const lineClass = new Uint8Array(segments.length).fill(CLASS_INDEX.isole);
  const mark = (line: Line, name: LineClass) => {
    line.used = true;
    for (const source of line.sources) lineClass[source] = CLASS_INDEX[name];
  };

  const candidates: Line[] = [];
  segments.forEach((segment, index) => {
    const length = Math.hypot(segment.b.x - segment.a.x, segment.b.y - segment.a.y);
    if (!(length >= options.minLengthM)) lineClass[index] = CLASS_INDEX.court;
    else if (options.sheet && onSheetFrame(segment, options.sheet)) lineClass[index] = CLASS_INDEX.cadre;
    else candidates.push(toLine(segment, index));
  });

  const axis = options.axisDeg !== null ? (options.axisDeg * Math.PI) / 180 : dominantAxis(candidates);
  const axisTolerance = options.axisToleranceDeg === null ? null : (options.axisToleranceDeg * Math.PI) / 180;
  const onAxis = candidates.filter((line) => {
    if (axis === null || axisTolerance === null || offAxis(line.angle, axis) <= axisTolerance) return true;
    mark(line, 'oblique');
    return false;
  });

  const paired: PairedWall[] = [];
  let pairs = 0;
  for (const rawGroup of groupByDirection(onAxis, (options.angleToleranceDeg * Math.PI) / 180)) {
    rawGroup.sort((a, b) => a.offset - b.offset);
    markDashedLines(rawGroup, (line) => mark(line, 'tirete'));
    const group = joinPieces(rawGroup.filter((line) => !line.used));
    markHatching(
      group.filter((line) => !line.used),
      (line) => mark(line, 'hachure'),
    );
    const outcome = pairLines(group, options, (wall) => paired.push(wall));
    pairs += outcome.pairs;
  }
  const blocks: PairedWall[] = paired.filter((wall) => !isElongated(wall));
  const leaves = segments.flatMap((segment, source) => {
    const lineClassName = LINE_CLASSES[lineClass[source]!];
    return lineClassName === 'isole' || lineClassName === 'oblique' ? [{ segment, source }] : [];
  });
  const withDoors = findDoors(
    mergeCollinear(
      paired.filter((wall) => isElongated(wall)),
      options,
    ),
    leaves,
    (options.angleToleranceDeg * Math.PI) / 180,
  );
  let walls = withDoors;
  if (options.dropFreeStanding) {
    const free = freeStanding(walls);
    blocks.push(...walls.filter((_, index) => free.has(index)));
    walls = walls.filter((_, index) => !free.has(index));
  }
  for (const wall of walls) {
    for (const source of wall.sources) lineClass[source] = CLASS_INDEX.mur;
    for (const source of wall.leaves) lineClass[source] = CLASS_INDEX.porte;
  }
  for (const wall of blocks) for (const source of wall.sources) if (lineClass[source] !== CLASS_INDEX.mur) lineClass[source] = CLASS_INDEX.bloc;

  const classes = emptyClassTotals();
  segments.forEach((segment, index) => {
    const total = classes[LINE_CLASSES[lineClass[index]!]!];
    total.count++;
    total.lengthM += Math.hypot(segment.b.x - segment.a.x, segment.b.y - segment.a.y) || 0;
  });
  const proposed = walls.map(({ a, b, thicknessM, sources, doors }) => snapToAxis({ a, b, thicknessM, sources, doors }, options.snapToAxes ? axis : null, axisTolerance ?? (2 * Math.PI) / 180));
  return { walls: proposed, inputLines: segments.length, classes, lineClass, axisDeg: axis === null ? null : (axis * 180) / Math.PI, pairs };
}

/** A line within 2 % of the sheet's smaller side from an edge, along that edge, over a third of it or more. */
function onSheetFrame(segment: Segment, sheet: Box): boolean {
  const margin = 0.02 * Math.min(sheet.maxX - sheet.minX, sheet.maxY - sheet.minY);
  const horizontal = Math.abs(segment.a.y - segment.b.y) <= margin / 4;
  const vertical = Math.abs(segment.a.x - segment.b.x) <= margin / 4;
  const near = (value: number, edge: number) => Math.abs(value - edge) <= margin;
  if (horizontal && Math.abs(segment.b.x - segment.a.x) >= (sheet.maxX - sheet.minX) / 3) return near(segment.a.y, sheet.minY) || near(segment.a.y, sheet.maxY);
  if (vertical && Math.abs(segment.b.y - segment.a.y) >= (sheet.maxY - sheet.minY) / 3) return near(segment.a.x, sheet.minX) || near(segment.a.x, sheet.maxX);
  return false;
}

function snapToAxis(wall: SuggestedWall, axis: number | null, tolerance: number): SuggestedWall {
  if (axis === null) return wall;
  const angle = Math.atan2(wall.b.y - wall.a.y, wall.b.x - wall.a.x);
  const quarter = Math.PI / 2;
  const turns = Math.round((angle - axis) / quarter);
  const target = axis + turns * quarter;
  if (Math.abs(angle - target) > tolerance || Math.abs(angle - target) < 1e-12) return wall;
  const half = Math.hypot(wall.b.x - wall.a.x, wall.b.y - wall.a.y) / 2;
  const mx = (wall.a.x + wall.b.x) / 2;
  const my = (wall.a.y + wall.b.y) / 2;
  const ux = Math.cos(target);
  const uy = Math.sin(target);
  return { ...wall, a: { x: mx - ux * half, y: my - uy * half }, b: { x: mx + ux * half, y: my + uy * half } };
}

/** Merges collinear walls that touch or overlap, direction by direction (a wall drawn in pieces becomes one). */
function mergeCollinear(walls: readonly PairedWall[], options: WallSuggestionOptions): PairedWall[] {
  const merged: PairedWall[] = [];
  const groups = groupByDirection(
    walls.map((wall, index) => toLine(wall, index)),
    (options.angleToleranceDeg * Math.PI) / 180,
  );
  for (const run of groups.flatMap((group) => collinearRuns(group, 0.02))) {
    let current: { line: Line; thicknessM: number; sources: number[] } | null = null;
    const flush = () => {
      if (current && lengthOf(current.line) > 0) merged.push({ a: pointOf(current.line, current.line.offset, current.line.from), b: pointOf(current.line, current.line.offset, current.line.to), thicknessM: current.thicknessM, sources: current.sources });
    };
    for (const line of run) {
      const wall = walls[line.sources[0]!]!;
      if (current && line.from <= current.line.to + options.mergeGapM) {
        current.line.to = Math.max(current.line.to, line.to);
        current.thicknessM = Math.max(current.thicknessM, wall.thicknessM);
        current.sources.push(...wall.sources);
      } else {
        flush();
        current = { line: { ...line }, thicknessM: wall.thicknessM, sources: [...wall.sources] };
      }
    }
    flush();
  }
  return merged;
}
