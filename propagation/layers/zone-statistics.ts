/** Share of a coverage zone's area that meets each criterion of a requirement profile, from band layers. */
import { pointInPolygon } from '../field/area-crossing.ts';
import { NO_SIGNAL_DBM, type GridSpec } from '../scene/types.ts';
import type { BandLayers } from './band-layers.ts';

export interface Requirement {
  minPrimaryRssiDbm: number;
  minSecondaryRssiDbm: number | null;
  minSnrDb: number;
  maxCoChannelAps: number | null;
  minPhyRateMbps: number | null;
}

export interface ZoneStatistics {
  cellCount: number;
  areaM2: number;
  /** Fractions 0–1 of the zone's cells; null when the criterion is not part of the requirement. */
  primary: number;
  secondary: number | null;
  snr: number;
  coChannel: number | null;
  rate: number | null;
  /** Cells meeting every criterion at once. */
  all: number;
}

/** Cells whose centre lies inside the polygon (flat x, y list, metres). */
export function zoneMask(polygon: readonly number[], grid: GridSpec): Uint8Array {
  const mask = new Uint8Array(grid.nx * grid.ny);
  const points = Float64Array.from(polygon);
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let index = 0; index < points.length; index += 2) {
    minX = Math.min(minX, points[index]!);
    maxX = Math.max(maxX, points[index]!);
    minY = Math.min(minY, points[index + 1]!);
    maxY = Math.max(maxY, points[index + 1]!);
  }
  const rowFrom = Math.max(0, Math.floor((minY - grid.originY) / grid.resolutionM - 0.5));
  const rowTo = Math.min(grid.ny - 1, Math.ceil((maxY - grid.originY) / grid.resolutionM - 0.5));
  const columnFrom = Math.max(0, Math.floor((minX - grid.originX) / grid.resolutionM - 0.5));
  const columnTo = Math.min(grid.nx - 1, Math.ceil((maxX - grid.originX) / grid.resolutionM - 0.5));
  for (let row = rowFrom; row <= rowTo; row++) {
    const y = grid.originY + (row + 0.5) * grid.resolutionM;
    for (let column = columnFrom; column <= columnTo; column++) {
      if (pointInPolygon(grid.originX + (column + 0.5) * grid.resolutionM, y, points)) mask[row * grid.nx + column] = 1;
    }
  }
  return mask;
}

export function zoneStatistics(layers: BandLayers, mask: Uint8Array, resolutionM: number, requirement: Requirement): ZoneStatistics {
  let cells = 0;
  let primary = 0;
  let secondary = 0;
  let snr = 0;
  let coChannel = 0;
  let rate = 0;
  let all = 0;
  for (let cell = 0; cell < mask.length; cell++) {
    if (!mask[cell]) continue;
    cells++;
    const okPrimary = layers.best[cell]! >= requirement.minPrimaryRssiDbm;
    const okSecondary = requirement.minSecondaryRssiDbm === null || layers.second[cell]! >= requirement.minSecondaryRssiDbm;
    const okSnr = layers.snr[cell]! >= requirement.minSnrDb;
    const okCoChannel = requirement.maxCoChannelAps === null || layers.coChannel[cell]! <= requirement.maxCoChannelAps;
    const okRate = requirement.minPhyRateMbps === null || layers.rateMbps[cell]! >= requirement.minPhyRateMbps;
    if (okPrimary) primary++;
    if (okSecondary) secondary++;
    if (okSnr) snr++;
    if (okCoChannel) coChannel++;
    if (okRate) rate++;
    if (okPrimary && okSecondary && okSnr && okCoChannel && okRate) all++;
  }
  const share = (count: number) => (cells === 0 ? 0 : count / cells);
  return {
    cellCount: cells,
    areaM2: cells * resolutionM * resolutionM,
    primary: share(primary),
    secondary: requirement.minSecondaryRssiDbm === null ? null : share(secondary),
    snr: share(snr),
    coChannel: requirement.maxCoChannelAps === null ? null : share(coChannel),
    rate: requirement.minPhyRateMbps === null ? null : share(rate),
    all: share(all),
  };
}

export interface ZoneRequirementMask {
  mask: Uint8Array;
  requirement: Requirement;
}

/** Codes of the pass/fail map: 0 = every criterion met, else the first criterion failed. */
export const REQUIREMENT_CODES = ['ok', 'primary', 'secondary', 'snr', 'coChannel', 'rate'] as const;

/**
 * Pass/fail map of the zones' requirements: per cell of a zone (the first listed when zones overlap), 0 where every
 * criterion of its profile is met, else the index in REQUIREMENT_CODES of the first one failed; no value outside
 * the zones.
 */
export function requirementMap(layers: BandLayers, zones: readonly ZoneRequirementMask[]): Float32Array {
  const out = new Float32Array(layers.best.length).fill(NO_SIGNAL_DBM);
  for (const { mask, requirement } of zones) {
    for (let cell = 0; cell < out.length; cell++) {
      if (!mask[cell] || out[cell] !== NO_SIGNAL_DBM) continue;
      let code = 0;
      if (layers.best[cell]! < requirement.minPrimaryRssiDbm) code = 1;
      else if (requirement.minSecondaryRssiDbm !== null && layers.second[cell]! < requirement.minSecondaryRssiDbm) code = 2;
      else if (layers.snr[cell]! < requirement.minSnrDb) code = 3;
      else if (requirement.maxCoChannelAps !== null && layers.coChannel[cell]! > requirement.maxCoChannelAps) code = 4;
      else if (requirement.minPhyRateMbps !== null && layers.rateMbps[cell]! < requirement.minPhyRateMbps) code = 5;
      out[cell] = code;
    }
  }
  return out;
}
