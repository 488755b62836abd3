/**
 * The link budget of one radio at one point, term by term, as the engine computes it (ap-fields.ts): transmit
 * power, antenna gain, the pattern's gain in that direction, the client's gain, the distance law, each wall piece
 * crossed (with its incidence), each attenuation area and the slabs (each one, then the floor law's total). The
 * signed terms add up to the engine's value at that point; with the dominant path on, the difference the bent path
 * makes is its own term, taken from the engine. Pure, for the 2D and 3D readouts and tests.
 */
import { relativeGainDb } from '../antenna/pattern.ts';
import { distanceLaw } from '../models/path-loss.ts';
import { pointGrid } from '../scene/point-grid.ts';
import { BAND_INDEX, NO_SIGNAL_DBM, type Scene, type SceneRadio } from '../scene/types.ts';
import { computeApFields, FieldWorkspace } from './ap-fields.ts';
import { fractionInsidePolygon } from './area-crossing.ts';
import { preparePathContext } from './path-context.ts';
import { slabOpenAt } from './slab-openings.ts';
import { pathCountsWall } from './wall-crossing.ts';

const RAD_TO_DEG = 180 / Math.PI;

export type BudgetTerm =
  | { kind: 'tx-power'; db: number }
  | { kind: 'antenna-gain'; db: number }
  | { kind: 'pattern'; db: number; azimuthDeg: number; elevationDeg: number }
  | { kind: 'client-gain'; db: number }
  | { kind: 'distance'; db: number; distanceM: number }
  | { kind: 'wall'; db: number; tag: string | null; incidenceDeg: number; obliqueFactor: number; x: number; y: number; z: number }
  | { kind: 'area'; db: number; tag: string | null; lengthM: number }
  | { kind: 'slabs'; db: number; slabs: { levelId: string | null; lossDb: number; open: boolean; x: number; y: number; z: number }[] }
  | { kind: 'dominant-path'; db: number };

export interface LossBreakdown {
  radioId: string;
  terms: BudgetTerm[];
  /** Sum of the terms (dBm): the engine's value at the point. */
  totalDbm: number;
  /** Beyond the engine's reach (its map shows no signal there); the terms are still the straight-path budget. */
  outOfReach: boolean;
  /** Path ends in the target level's frame (m) and heights (m above the building reference). */
  from: { x: number; y: number; z: number };
  to: { x: number; y: number; z: number };
  wallsCrossed: number;
  floorsCrossed: number;
}

export function lossBreakdown(scene: Scene, radio: SceneRadio, targetLevelId: string, x: number, y: number, workspace = new FieldWorkspace()): LossBreakdown {
  const { settings } = scene;
  const bandIndex = BAND_INDEX[radio.band];
  const context = preparePathContext(scene, radio, targetLevelId, [radio.band], [radio.centerMHz]);
  const { px, py, apZ, clientZ } = context;
  const dx = x - px;
  const dy = y - py;
  const dz = clientZ - apZ;
  const horizontal = Math.hypot(dx, dy);
  const distance = Math.hypot(horizontal, dz);
  const law = distanceLaw(settings.model, radio.centerMHz);
  const terms: BudgetTerm[] = [
    { kind: 'tx-power', db: radio.txPowerDbm },
    { kind: 'antenna-gain', db: radio.antennaGainDbi },
  ];
  if (radio.pattern) {
    const azimuthDeg = Math.atan2(dy, dx) * RAD_TO_DEG;
    const elevationDeg = Math.atan2(-dz, horizontal) * RAD_TO_DEG;
    terms.push({ kind: 'pattern', db: relativeGainDb(radio.pattern, azimuthDeg - radio.azimuthDeg, elevationDeg - radio.tiltDeg), azimuthDeg, elevationDeg });
  }
  if (settings.clientGainDbi !== 0) terms.push({ kind: 'client-gain', db: settings.clientGainDbi });
  terms.push({ kind: 'distance', db: -(law.constantDb + law.log10D2Coefficient * Math.log10(Math.max(1, distance * distance))), distanceM: distance });

  const minCos = settings.obliqueIncidence ? Math.cos((settings.obliqueCapDeg * Math.PI) / 180) : 1;
  let wallsCrossed = 0;
  let floorsCrossed = 0;
  for (const wall of context.walls) {
    if (!pathCountsWall(wall, px, py, x, y)) continue;
    const wx = wall.bx - wall.ax;
    const wy = wall.by - wall.ay;
    const wallLength = Math.hypot(wx, wy);
    const cosine = distance > 0 ? Math.abs(dx * wy - dy * wx) / (wallLength * distance) : 1;
    const factor = settings.obliqueIncidence ? 1 / Math.max(cosine, minCos) : 1;
    // Where the path meets the wall's line (for drawing): the path parameter solving p + t·d on the wall.
    const denominator = dx * wy - dy * wx;
    const t = Math.abs(denominator) > 1e-12 ? ((wall.ax - px) * wy - (wall.ay - py) * wx) / denominator : 0;
    terms.push({ kind: 'wall', db: -wall.lossDb[bandIndex]! * factor, tag: wall.tag ?? null, incidenceDeg: Math.acos(Math.min(1, cosine)) * RAD_TO_DEG, obliqueFactor: factor, x: px + t * dx, y: py + t * dy, z: apZ + t * dz });
    wallsCrossed++;
  }
  for (const area of context.areas) {
    const fraction = fractionInsidePolygon(px, py, x, y, area.polygon, area.tMin, area.tMax);
    if (fraction > 0) terms.push({ kind: 'area', db: -fraction * distance * area.lossDbPerM[bandIndex]!, tag: area.tag ?? null, lengthM: fraction * distance });
  }
  if (context.slabs.length > 0) {
    let openMask = 0;
    const slabs = context.slabs.map((slab, index) => {
      const open = index <= 30 && slab.openings.length > 0 && slabOpenAt(slab, px, py, x, y);
      if (open) openMask |= 1 << index;
      else floorsCrossed++;
      return { levelId: slab.levelId ?? null, lossDb: slab.lossDb[bandIndex]!, open, x: px + slab.t * dx, y: py + slab.t * dy, z: apZ + slab.t * dz };
    });
    terms.push({ kind: 'slabs', db: -context.slabLossWithOpenings(openMask)[bandIndex]!, slabs });
  }
  let straight = 0;
  for (const term of terms) straight += term.db;

  // The engine's own value at the point, for the dominant path's share and the reach.
  const [field] = computeApFields(scene, [radio], targetLevelId, pointGrid(x, y), 'brute-force', workspace);
  const engine = field![0]!;
  const outOfReach = engine <= NO_SIGNAL_DBM;
  if (!outOfReach && settings.dominantPath && radio.levelId === targetLevelId && Math.abs(engine - straight) > 0.001) terms.push({ kind: 'dominant-path', db: engine - straight });
  let total = 0;
  for (const term of terms) total += term.db;
  return {
    radioId: radio.id,
    terms,
    totalDbm: total,
    outOfReach,
    from: { x: px, y: py, z: apZ },
    to: { x, y, z: clientZ },
    wallsCrossed,
    floorsCrossed,
  };
}

/** The strongest few radios of a band at a point, each with its budget, strongest first. */
export function strongestBreakdowns(scene: Scene, band: SceneRadio['band'], targetLevelId: string, x: number, y: number, count = 3): LossBreakdown[] {
  const workspace = new FieldWorkspace();
  return scene.radios
    .filter((radio) => radio.band === band)
    .map((radio) => lossBreakdown(scene, radio, targetLevelId, x, y, workspace))
    .filter((breakdown) => !breakdown.outOfReach)
    .sort((a, b) => b.totalDbm - a.totalDbm)
    .slice(0, count);
}
