/**
 * Automatic AP placement on one level: the fewest APs from a set of candidate points so that every coverage zone
 * meets its requirement (primary signal, and a second AP above the secondary level where asked) on at least
 * `targetShare` of its area.
 *
 * Baseline (`greedyPlacement`): plain greedy set cover, each step the candidate that satisfies the most unmet cell
 * demands. `placeAccessPoints` starts from that result and improves it: it drops any AP the others make
 * redundant, then tries to remove one more AP and repair the hole by moving the remaining ones one at a time,
 * and keeps a removal only when the requirement still holds; seeded random tie-breaks give a few restarts. It never
 * returns more APs than the baseline. Zones whose traffic needs more APs than coverage gives (`minAps`, from
 * capacity-sizing.ts) then get APs added inside them, in both results, and the result says which zone was driven
 * by capacity. Deterministic for a seed.
 */
import { computeApFields, FieldWorkspace } from '../field/ap-fields.ts';
import { pointInPolygon } from '../field/area-crossing.ts';
import type { GridSpec, Scene, SceneRadio } from '../scene/types.ts';
import { seededRandom } from '../util/random.ts';
import { pointToSegmentDistanceSquared } from '../util/segment-distance.ts';

export interface PlacementZone {
  /** x0, y0, x1, y1, … (m) */
  polygon: number[];
  minPrimaryRssiDbm: number;
  /** A second AP at or above this level (roaming, voice); null when not asked. */
  minSecondaryRssiDbm: number | null;
  /** APs the zone needs inside it for its traffic (capacity); 0 when coverage alone decides. */
  minAps?: number;
}

export interface PlacementRequest {
  levelId: string;
  grid: GridSpec;
  zones: PlacementZone[];
  exclusions: number[][];
  /** Where APs may be mounted (x0, y0, x1, y1, … m); when given, candidates lie in them instead of in the zones. */
  mountingAreas?: number[][];
  /** The AP to place (its x, y are replaced); one radio, the band that drives the design. */
  template: SceneRadio;
  /** APs already there and kept (locked). */
  fixed: SceneRadio[];
  candidateSpacingM: number;
  minWallDistanceM: number;
  minApDistanceM: number;
  targetShare: number;
  seed: number;
  restarts: number;
  /** Candidate points to choose from instead of the grid inside the zones (used to thin out a band's radios). */
  candidates?: { x: number; y: number }[];
}

export type ZoneDriver = 'couverture' | 'capacite';

/** Long runs report how far they are (done of total, per phase) and stop early when asked. */
export interface PlanningHooks {
  shouldStop(): boolean;
  progress(phase: PlanningPhase, done: number, total: number): void;
}

export type PlanningPhase = 'candidats' | 'placement' | 'puissance' | 'canaux' | 'verification';

export const NO_HOOKS: PlanningHooks = { shouldStop: () => false, progress: () => {} };

export interface PlacementResult {
  positions: { x: number; y: number }[];
  /** Share of demanded cells met, per zone, in request order. */
  zoneShares: number[];
  met: boolean;
  candidates: number;
  /** What set each zone's AP count: coverage, or capacity (APs added for the zone's traffic). */
  zoneDrivers: ZoneDriver[];
  /** APs added for capacity after coverage was met. */
  capacityAdded: number;
  /** Per zone, APs its traffic needs that could not be added (no candidate left at the minimum AP distance). */
  capacityShortfall: number[];
}

interface Problem {
  candidates: { x: number; y: number }[];
  /** Per candidate, demanded cell indices it satisfies at the primary, resp. secondary, level. */
  primary: Int32Array[];
  secondary: Int32Array[];
  /** Per demanded cell: its zone, and whether a second AP is asked. */
  cellZone: Int32Array;
  needsSecond: Uint8Array;
  zoneCellCounts: number[];
  fixedPrimary: Uint8Array;
  fixedSecondary: Uint8Array;
}

export function candidatePoints(scene: Scene, request: Pick<PlacementRequest, 'levelId' | 'zones' | 'exclusions' | 'mountingAreas' | 'candidateSpacingM' | 'minWallDistanceM'>): { x: number; y: number }[] {
  const level = scene.levels.find((candidate) => candidate.id === request.levelId);
  const allowed = request.mountingAreas?.length ? request.mountingAreas : request.zones.map((zone) => zone.polygon);
  const zones = allowed.map((polygon) => Float64Array.from(polygon));
  const exclusions = request.exclusions.map((polygon) => Float64Array.from(polygon));
  const xs = allowed.flatMap((polygon) => polygon.filter((_, index) => index % 2 === 0));
  const ys = allowed.flatMap((polygon) => polygon.filter((_, index) => index % 2 === 1));
  const points: { x: number; y: number }[] = [];
  const step = request.candidateSpacingM;
  const minWall = request.minWallDistanceM ** 2;
  for (let y = Math.min(...ys) + step / 2; y < Math.max(...ys); y += step) {
    for (let x = Math.min(...xs) + step / 2; x < Math.max(...xs); x += step) {
      if (!zones.some((zone) => pointInPolygon(x, y, zone))) continue;
      if (exclusions.some((zone) => pointInPolygon(x, y, zone))) continue;
      if (level?.walls.some((wall) => pointToSegmentDistanceSquared(x, y, wall.ax, wall.ay, wall.bx, wall.by) < minWall)) continue;
      points.push({ x, y });
    }
  }
  return points;
}

function buildProblem(scene: Scene, request: PlacementRequest, hooks: PlanningHooks = NO_HOOKS): Problem {
  const { grid } = request;
  const candidates = request.candidates ?? candidatePoints(scene, request);
  const zones = request.zones.map((zone) => Float64Array.from(zone.polygon));
  const exclusions = request.exclusions.map((polygon) => Float64Array.from(polygon));
  const cellIndex = new Int32Array(grid.nx * grid.ny).fill(-1);
  const cellZoneList: number[] = [];
  const needsSecondList: number[] = [];
  const zoneCellCounts = request.zones.map(() => 0);
  for (let row = 0; row < grid.ny; row++) {
    const y = grid.originY + (row + 0.5) * grid.resolutionM;
    for (let column = 0; column < grid.nx; column++) {
      const x = grid.originX + (column + 0.5) * grid.resolutionM;
      if (exclusions.some((zone) => pointInPolygon(x, y, zone))) continue;
      const zone = zones.findIndex((polygon) => pointInPolygon(x, y, polygon));
      if (zone < 0) continue;
      cellIndex[row * grid.nx + column] = cellZoneList.length;
      cellZoneList.push(zone);
      needsSecondList.push(request.zones[zone]!.minSecondaryRssiDbm === null ? 0 : 1);
      zoneCellCounts[zone]!++;
    }
  }
  const cellZone = Int32Array.from(cellZoneList);
  const workspace = new FieldWorkspace();
  const satisfied = (radio: SceneRadio) => {
    const [field] = computeApFields(scene, [radio], request.levelId, grid, 'spans', workspace);
    const primary: number[] = [];
    const secondary: number[] = [];
    for (let cell = 0; cell < field!.length; cell++) {
      const demand = cellIndex[cell]!;
      if (demand < 0) continue;
      const zone = request.zones[cellZone[demand]!]!;
      if (field![cell]! >= zone.minPrimaryRssiDbm) primary.push(demand);
      if (zone.minSecondaryRssiDbm !== null && field![cell]! >= zone.minSecondaryRssiDbm) secondary.push(demand);
    }
    return { primary: Int32Array.from(primary), secondary: Int32Array.from(secondary) };
  };
  const primary: Int32Array[] = [];
  const secondary: Int32Array[] = [];
  const every = Math.max(1, Math.floor(candidates.length / 50));
  for (const [index, point] of candidates.entries()) {
    if (index % every === 0) hooks.progress('candidats', index, candidates.length);
    const sets = satisfied({ ...request.template, levelId: request.levelId, x: point.x, y: point.y });
    primary.push(sets.primary);
    secondary.push(sets.secondary);
  }
  hooks.progress('candidats', candidates.length, candidates.length);
  const fixedPrimary = new Uint8Array(cellZone.length);
  const fixedSecondary = new Uint8Array(cellZone.length);
  for (const radio of request.fixed) {
    const sets = satisfied(radio);
    for (const demand of sets.primary) fixedPrimary[demand]!++;
    for (const demand of sets.secondary) fixedSecondary[demand]!++;
  }
  return { candidates, primary, secondary, cellZone, needsSecond: Uint8Array.from(needsSecondList), zoneCellCounts, fixedPrimary, fixedSecondary };
}

/** Coverage counts for a set of chosen candidates. */
class CoverageState {
  readonly primaryCount: Int32Array;
  readonly secondaryCount: Int32Array;

  constructor(
    private readonly problem: Problem,
    chosen: readonly number[] = [],
  ) {
    this.primaryCount = Int32Array.from(problem.fixedPrimary);
    this.secondaryCount = Int32Array.from(problem.fixedSecondary);
    for (const candidate of chosen) this.add(candidate, 1);
  }

  add(candidate: number, sign: 1 | -1): void {
    for (const demand of this.problem.primary[candidate]!) this.primaryCount[demand]! += sign;
    for (const demand of this.problem.secondary[candidate]!) this.secondaryCount[demand]! += sign;
  }

  /** Unmet demands this candidate would meet (a cell asking for two APs counts its secondary demand apart). */
  gain(candidate: number): number {
    let gain = 0;
    for (const demand of this.problem.primary[candidate]!) if (this.primaryCount[demand] === 0) gain++;
    for (const demand of this.problem.secondary[candidate]!) if (this.problem.needsSecond[demand] && this.secondaryCount[demand]! < 2) gain++;
    return gain;
  }

  cellMet(demand: number): boolean {
    return this.primaryCount[demand]! > 0 && (!this.problem.needsSecond[demand] || this.secondaryCount[demand]! >= 2);
  }

  zoneShares(): number[] {
    const met = this.problem.zoneCellCounts.map(() => 0);
    for (let demand = 0; demand < this.problem.cellZone.length; demand++) if (this.cellMet(demand)) met[this.problem.cellZone[demand]!]!++;
    return met.map((count, zone) => (this.problem.zoneCellCounts[zone] ? count / this.problem.zoneCellCounts[zone]! : 1));
  }

  meets(targetShare: number): boolean {
    return this.zoneShares().every((share) => share >= targetShare - 1e-12);
  }
}

function farEnough(problem: Problem, chosen: readonly number[], candidate: number, minDistanceSquared: number, fixed: readonly SceneRadio[]): boolean {
  const point = problem.candidates[candidate]!;
  if (chosen.some((other) => other !== candidate && (problem.candidates[other]!.x - point.x) ** 2 + (problem.candidates[other]!.y - point.y) ** 2 < minDistanceSquared)) return false;
  return !fixed.some((radio) => (radio.x - point.x) ** 2 + (radio.y - point.y) ** 2 < minDistanceSquared);
}

function greedy(problem: Problem, request: PlacementRequest, random: (() => number) | null): number[] {
  const chosen: number[] = [];
  const state = new CoverageState(problem);
  const minDistanceSquared = request.minApDistanceM ** 2;
  while (!state.meets(request.targetShare)) {
    let best = -1;
    let bestGain = 0;
    let bestTie = 0;
    for (let candidate = 0; candidate < problem.candidates.length; candidate++) {
      if (chosen.includes(candidate) || !farEnough(problem, chosen, candidate, minDistanceSquared, request.fixed)) continue;
      const gain = state.gain(candidate);
      const tie = random ? random() : 0;
      if (gain > bestGain || (gain === bestGain && gain > 0 && tie > bestTie)) {
        best = candidate;
        bestGain = gain;
        bestTie = tie;
      }
    }
    if (best < 0) break; // nothing left helps: the requirement cannot be met from these candidates
    chosen.push(best);
    state.add(best, 1);
  }
  return chosen;
}

function result(problem: Problem, chosen: readonly number[], request: PlacementRequest): PlacementResult {
  const { chosen: withCapacity, drivers, added, shortfall } = ensureCapacity(problem, chosen, request);
  const state = new CoverageState(problem, withCapacity);
  return {
    positions: withCapacity.map((index) => ({ ...problem.candidates[index]! })),
    zoneShares: state.zoneShares(),
    met: state.meets(request.targetShare),
    candidates: problem.candidates.length,
    zoneDrivers: drivers,
    capacityAdded: added,
    capacityShortfall: shortfall,
  };
}

/** An AP serves a zone for capacity when it meets the zone's primary requirement on at least this share of it. */
const SERVING_SHARE = 0.25;

/**
 * Adds APs inside each zone whose traffic needs more APs than serve it (chosen APs meeting its requirement on a
 * quarter of its cells or more, and fixed APs inside it): each new AP is the zone's candidate farthest from every
 * AP, so the added cells split the zone's users evenly. The minimum AP distance still holds: what does not fit is
 * reported as a shortfall rather than placed against the user's rule.
 */
function ensureCapacity(problem: Problem, chosen: readonly number[], request: PlacementRequest): { chosen: number[]; drivers: ZoneDriver[]; added: number; shortfall: number[] } {
  const result = [...chosen];
  const drivers: ZoneDriver[] = request.zones.map(() => 'couverture');
  const shortfall = request.zones.map(() => 0);
  const minDistanceSquared = request.minApDistanceM ** 2;
  request.zones.forEach((zone, zoneIndex) => {
    const needed = zone.minAps ?? 0;
    if (needed <= 0) return;
    const polygon = Float64Array.from(zone.polygon);
    const inside = (point: { x: number; y: number }) => pointInPolygon(point.x, point.y, polygon);
    const zoneCells = problem.zoneCellCounts[zoneIndex] ?? 0;
    const serves = (candidate: number) => {
      let cells = 0;
      for (const demand of problem.primary[candidate]!) if (problem.cellZone[demand] === zoneIndex) cells++;
      return zoneCells > 0 && cells / zoneCells >= SERVING_SHARE;
    };
    let serving = result.filter(serves).length + request.fixed.filter((radio) => inside(radio)).length;
    const placed = () => [...result.map((index) => problem.candidates[index]!), ...request.fixed.map((radio) => ({ x: radio.x, y: radio.y }))];
    // With mounting areas, an AP for the zone may hang outside it (a corridor ceiling) as long as it serves the zone.
    const mountingOnly = (request.mountingAreas?.length ?? 0) > 0;
    const zoneCandidates = problem.candidates.map((point, index) => ({ point, index })).filter(({ point, index }) => inside(point) || (mountingOnly && serves(index)));
    while (serving < needed) {
      let best: { index: number; distance: number } | null = null;
      const others = placed();
      for (const { point, index } of zoneCandidates) {
        if (result.includes(index) || !farEnough(problem, result, index, minDistanceSquared, request.fixed)) continue;
        const distance = Math.min(...others.map((other) => (other.x - point.x) ** 2 + (other.y - point.y) ** 2), Number.POSITIVE_INFINITY);
        if (!best || distance > best.distance) best = { index, distance };
      }
      if (!best) {
        shortfall[zoneIndex] = needed - serving; // no candidate left in the zone at the minimum AP distance
        break;
      }
      result.push(best.index);
      serving++;
      drivers[zoneIndex] = 'capacite';
    }
  });
  return { chosen: result, drivers, added: result.length - chosen.length, shortfall };
}

/** The baseline: greedy set cover, first-found tie-breaks (then the same capacity additions). */
export function greedyPlacement(scene: Scene, request: PlacementRequest): PlacementResult {
  const problem = buildProblem(scene, request);
  return result(problem, greedy(problem, request, null), request);
}

/** Drops APs the others make redundant, least useful first. */
function pruneRedundant(problem: Problem, chosen: number[], targetShare: number): number[] {
  const state = new CoverageState(problem, chosen);
  let current = [...chosen];
  for (const candidate of [...current].sort((a, b) => problem.primary[a]!.length - problem.primary[b]!.length)) {
    state.add(candidate, -1);
    if (state.meets(targetShare)) current = current.filter((other) => other !== candidate);
    else state.add(candidate, 1);
  }
  return current;
}

/** Removes one AP and moves the others, one at a time, to the nearby candidate that meets the most unmet demand. */
function tryRemoveOne(problem: Problem, chosen: number[], request: PlacementRequest, removeIndex: number): number[] | null {
  const current = chosen.filter((_, index) => index !== removeIndex);
  const state = new CoverageState(problem, current);
  const minDistanceSquared = request.minApDistanceM ** 2;
  for (let round = 0; round < 3 && !state.meets(request.targetShare); round++) {
    for (let index = 0; index < current.length && !state.meets(request.targetShare); index++) {
      const original = current[index]!;
      state.add(original, -1);
      let best = original;
      let bestGain = -1;
      const origin = problem.candidates[original]!;
      for (let candidate = 0; candidate < problem.candidates.length; candidate++) {
        const point = problem.candidates[candidate]!;
        // Local moves only (within 4 candidate steps): global jumps are the greedy's job.
        if ((point.x - origin.x) ** 2 + (point.y - origin.y) ** 2 > (4 * request.candidateSpacingM) ** 2) continue;
        const others = current.filter((_, other) => other !== index);
        if (!farEnough(problem, others, candidate, minDistanceSquared, request.fixed)) continue;
        const value = state.gain(candidate);
        if (value > bestGain) {
          best = candidate;
          bestGain = value;
        }
      }
      current[index] = best;
      state.add(best, 1);
    }
  }
  return state.meets(request.targetShare) ? current : null;
}

export function placeAccessPoints(scene: Scene, request: PlacementRequest, hooks: PlanningHooks = NO_HOOKS): PlacementResult & { baselineCount: number } {
  const problem = buildProblem(scene, request, hooks);
  const baseline = greedy(problem, request, null);
  let best = pruneRedundant(problem, baseline, request.targetShare);
  const random = seededRandom(request.seed);
  for (let restart = 0; restart < request.restarts && !hooks.shouldStop(); restart++) {
    hooks.progress('placement', restart, request.restarts + 1);
    const candidate = pruneRedundant(problem, greedy(problem, request, random), request.targetShare);
    if (candidate.length < best.length) best = candidate;
  }
  hooks.progress('placement', request.restarts, request.restarts + 1);
  // Try to do with one AP fewer, repairing locally, as long as it works.
  let improved = new CoverageState(problem, best).meets(request.targetShare);
  while (improved && best.length > 1 && !hooks.shouldStop()) {
    improved = false;
    for (let index = 0; index < best.length; index++) {
      const smaller = tryRemoveOne(problem, best, request, index);
      if (smaller) {
        best = pruneRedundant(problem, smaller, request.targetShare);
        improved = true;
        break;
      }
    }
  }
  const chosen = best.length <= baseline.length ? best : baseline;
  const baselineResult = result(problem, baseline, request);
  return { ...result(problem, chosen, request), baselineCount: baselineResult.positions.length };
}

/**
 * Radios of a band that add nothing to coverage: with an AP at each of `positions` (the template's band), the ones
 * the others make redundant for every zone's requirement, least useful first. On 2.4 GHz, where cells are larger
 * than on 5 GHz, these radios would only add co-channel interference; the proposal turns them off.
 */
export function redundantPositions(scene: Scene, request: PlacementRequest, positions: readonly { x: number; y: number }[]): number[] {
  const problem = buildProblem(scene, { ...request, candidates: [...positions] });
  const all = positions.map((_, index) => index);
  if (!new CoverageState(problem, all).meets(request.targetShare)) return [];
  const kept = pruneRedundant(problem, all, request.targetShare);
  return all.filter((index) => !kept.includes(index));
}

/**
 * Power plan: how many dB each AP at `positions` can lower its transmit power (by `stepDb` down to `maxDb`) while
 * every zone still meets its requirement, the most overlapped APs first. Lower power where cells overlap means less
 * co-channel interference and smaller, better-defined roaming areas.
 */
export function powerReductions(scene: Scene, request: PlacementRequest, positions: readonly { x: number; y: number }[], stepDb = 3, maxDb = 9): number[] {
  const steps = Array.from({ length: Math.floor(maxDb / stepDb) + 1 }, (_, index) => index * stepDb);
  // The same positions as candidates at each power: candidate (step, i) = index step × n + i.
  const n = positions.length;
  const problems = steps.map((reduction) => buildProblem(scene, { ...request, template: { ...request.template, txPowerDbm: request.template.txPowerDbm - reduction }, candidates: [...positions] }));
  const combined: Problem = { ...problems[0]!, candidates: steps.flatMap(() => [...positions]), primary: problems.flatMap((problem) => problem.primary), secondary: problems.flatMap((problem) => problem.secondary) };
  const level = positions.map(() => 0);
  const state = new CoverageState(combined, positions.map((_, i) => i));
  if (!state.meets(request.targetShare)) return level.map(() => 0);
  // Most overlapped first: the share of an AP's cells that the others also cover.
  const overlap = positions.map((_, i) => {
    const cells = combined.primary[i]!;
    state.add(i, -1);
    let shared = 0;
    for (const demand of cells) if (state.primaryCount[demand]! > 0) shared++;
    state.add(i, 1);
    return cells.length ? shared / cells.length : 0;
  });
  const order = positions.map((_, i) => i).sort((a, b) => overlap[b]! - overlap[a]!);
  for (const i of order) {
    for (let step = steps.length - 1; step > 0; step--) {
      state.add(level[i]! * n + i, -1);
      state.add(step * n + i, 1);
      if (state.meets(request.targetShare)) {
        level[i] = step;
        break;
      }
      state.add(step * n + i, -1);
      state.add(level[i]! * n + i, 1);
    }
  }
  return level.map((step) => steps[step]!);
}
