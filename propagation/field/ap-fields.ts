/**
 * Received signal (dBm) of every radio of one AP on the cells of one level:
 * RSSI = P_tx + G_ap + G_pattern(φ, θ) + G_client − PL(d₃D) − Σ walls − slabs − Σ areas (dB/m × length inside).
 * Radios of one AP share the geometry, so distance, wall spans and areas are computed once for all of them.
 */
import { relativeGainDb } from '../antenna/pattern.ts';
import { distanceLaw, type DistanceLaw } from '../models/path-loss.ts';
import type { BandId } from '../radio/channels.ts';
import { BAND_INDEX, NO_SIGNAL_DBM, type GridSpec, type Scene, type SceneRadio } from '../scene/types.ts';
import { fractionInsidePolygon } from './area-crossing.ts';
import { bruteForceWallLoss } from './brute-force.ts';
import { preparePathContext, type PathContext } from './path-context.ts';
import { slabOpeningMasks, slabOpenAt } from './slab-openings.ts';
import { applyDominantPath } from './dominant-path.ts';
import { accumulateWallLoss, type RowReach } from './wall-loss-spans.ts';
import { fastDb } from '../util/fast-db.ts';

export type WallMethod = 'spans' | 'brute-force';

const RAD_TO_DEG = 180 / Math.PI;

/** Reusable buffers, grown on demand, so repeated computations allocate nothing. */
export class FieldWorkspace {
  private float64 = new Float64Array(0);
  private float32: Float32Array[] = [];
  private int32: Int32Array[] = [new Int32Array(0), new Int32Array(0)];

  scratch64(length: number): Float64Array {
    if (this.float64.length < length) this.float64 = new Float64Array(length);
    return this.float64;
  }

  /** `zeroed` false: the caller writes every cell it later reads (the span method, within the reach). */
  planes(count: number, length: number, zeroed = true): Float32Array[] {
    for (let index = 0; index < count; index++) {
      if (!this.float32[index] || this.float32[index]!.length < length) this.float32[index] = new Float32Array(length);
      else if (zeroed) this.float32[index]!.fill(0, 0, length);
    }
    return this.float32.slice(0, count);
  }

  private row = new Float64Array(0);
  private masks = new Uint32Array(0);
  private toggles = new Uint8Array(0);

  maskBuffers(cells: number, columns: number): { masks: Uint32Array; toggles: Uint8Array } {
    if (this.masks.length < cells) this.masks = new Uint32Array(cells);
    if (this.toggles.length < columns + 1) this.toggles = new Uint8Array(columns + 1);
    return { masks: this.masks, toggles: this.toggles };
  }

  rowBuffer(length: number): Float64Array {
    if (this.row.length < length) this.row = new Float64Array(length);
    return this.row;
  }

  rows(length: number): RowReach {
    if (this.int32[0]!.length < length) this.int32 = [new Int32Array(length), new Int32Array(length)];
    return { first: this.int32[0]!, last: this.int32[1]! };
  }
}

const sharedWorkspace = new FieldWorkspace();

/** Radios that share position, height and orientation (the radios of one AP). */
export function sameApGeometry(a: SceneRadio, b: SceneRadio): boolean {
  return a.levelId === b.levelId && Object.is(a.x, b.x) && Object.is(a.y, b.y) && Object.is(a.mountingHeightM, b.mountingHeightM) && Object.is(a.azimuthDeg, b.azimuthDeg) && Object.is(a.tiltDeg, b.tiltDeg);
}

/** Largest 3D distance (m) at which the loss-free bound still reaches `floorDbm`. */
function reachDistanceSquared(law: DistanceLaw, eirpDbm: number, floorDbm: number): number {
  const exponent = (eirpDbm - floorDbm - law.constantDb) / law.log10D2Coefficient;
  if (exponent > 12) return 1e12;
  return exponent < 0 ? 1 : 10 ** exponent;
}

function computeReach(context: PathContext, grid: GridSpec, reachSquared: number, rows: RowReach): void {
  const dz = context.clientZ - context.apZ;
  const horizontalSquared = reachSquared - dz * dz;
  for (let row = 0; row < grid.ny; row++) {
    rows.first[row] = 0;
    rows.last[row] = -1;
    if (!(horizontalSquared > 0)) continue;
    const dy = grid.originY + (row + 0.5) * grid.resolutionM - context.py;
    const remaining = horizontalSquared - dy * dy;
    if (remaining < 0) continue;
    const half = Math.sqrt(remaining);
    const from = Math.ceil((context.px - half - grid.originX) / grid.resolutionM - 0.5);
    const to = Math.floor((context.px + half - grid.originX) / grid.resolutionM - 0.5);
    rows.first[row] = Math.max(0, from);
    rows.last[row] = Math.min(grid.nx - 1, to);
  }
}

/**
 * Computes one Float32Array (nx·ny, row-major, dBm) per radio. All radios must share the AP geometry.
 * Cells beyond the reach of every radio hold NO_SIGNAL_DBM. `recycled`: arrays of nx·ny the caller no longer
 * needs, taken (popped) for the outputs.
 */
export function computeApFields(scene: Scene, radios: readonly SceneRadio[], targetLevelId: string, grid: GridSpec, wallMethod: WallMethod = 'spans', workspace: FieldWorkspace = sharedWorkspace, recycled: Float32Array[] = []): Float32Array[] {
  const cellCount = grid.nx * grid.ny;
  // Fresh memory is expensive to touch the first time (page faults): outputs come from recycled arrays when given.
  const outputs = radios.map(() => {
    const spare = recycled.pop();
    return spare && spare.length === cellCount ? spare.fill(NO_SIGNAL_DBM) : new Float32Array(cellCount).fill(NO_SIGNAL_DBM);
  });
  const first = radios[0];
  if (!first || cellCount === 0) return outputs;
  if (!radios.every((radio) => sameApGeometry(radio, first))) throw new RangeError('computeApFields: radios of different APs');
  if (![first.x, first.y, first.mountingHeightM].every(Number.isFinite)) return outputs;

  const { settings } = scene;
  const bands = [...new Set(radios.map((radio) => radio.band))] as BandId[];
  const bandFrequencies = bands.map((band) => radios.find((radio) => radio.band === band)!.centerMHz);
  const context = preparePathContext(scene, first, targetLevelId, bands, bandFrequencies);
  const bandIndices = bands.map((band) => BAND_INDEX[band]);
  const radioBandSlot = radios.map((radio) => bands.indexOf(radio.band));
  const laws = radios.map((radio) => distanceLaw(settings.model, radio.centerMHz));
  const eirps = radios.map((radio) => radio.txPowerDbm + radio.antennaGainDbi + settings.clientGainDbi);
  const slabLosses = radios.map((radio) => context.slabLossDb[BAND_INDEX[radio.band]]);
  if (![...eirps, ...slabLosses].every(Number.isFinite)) return outputs;

  // With slab openings the loss-free bound pays only the slabs no opening can spare.
  const leastSlabLoss = context.slabsHaveOpenings ? context.slabLossWithOpenings(0x7fffffff) : context.slabLossDb;
  // Each radio is computed within its own reach, so its field is the same whichever radios share the job.
  const radioReachSquared = radios.map((radio, index) => reachDistanceSquared(laws[index]!, eirps[index]! - leastSlabLoss[BAND_INDEX[radio.band]]!, settings.reachFloorDbm));
  const reachSquared = Math.max(1, ...radioReachSquared);
  const rows = workspace.rows(grid.ny);
  computeReach(context, grid, reachSquared, rows);
  const radioRows = radioReachSquared.map((own) => {
    if (own === reachSquared) return rows;
    const ownRows = { first: new Int32Array(grid.ny), last: new Int32Array(grid.ny) };
    computeReach(context, grid, Math.max(1, own), ownRows);
    return ownRows;
  });

  const obliqueOn = settings.obliqueIncidence && context.walls.length > 0;
  const bySpans = context.walls.length > 0 && wallMethod === 'spans' && !obliqueOn;
  const wallLoss = workspace.planes(bands.length, cellCount, !bySpans);
  const perCell = new Float64Array(bands.length);
  if (bySpans) {
    accumulateWallLoss(context, grid, rows, bandIndices, wallLoss, workspace.scratch64((grid.nx + 1) * grid.ny * bands.length));
  } else if (context.walls.length > 0) {
    const oblique = obliqueOn ? { capDeg: settings.obliqueCapDeg } : null;
    for (let row = 0; row < grid.ny; row++) {
      const cy = grid.originY + (row + 0.5) * grid.resolutionM;
      for (let column = rows.first[row]!; column <= rows.last[row]!; column++) {
        const cx = grid.originX + (column + 0.5) * grid.resolutionM;
        bruteForceWallLoss(context, cx, cy, bandIndices, perCell, oblique);
        for (let band = 0; band < bands.length; band++) wallLoss[band]![row * grid.nx + column] = perCell[band]!;
      }
    }
  }

  if (settings.dominantPath && first.levelId === targetLevelId && context.walls.length > 0) {
    applyDominantPath(context, grid, rows, bandIndices, wallLoss, laws[0]!.log10D2Coefficient, settings.dominantPath, scene.levels.find((level) => level.id === targetLevelId)!.walls);
  }
  if (context.slabsHaveOpenings) {
    if (wallMethod === 'spans') {
      const { masks, toggles } = workspace.maskBuffers(cellCount, grid.nx);
      slabOpeningMasks(context.slabs, context.px, context.py, grid, rows, masks, toggles);
      addSlabOpeningRelief(context, grid, rows, bandIndices, wallLoss, (cell) => masks[cell]!);
    } else {
      addSlabOpeningRelief(context, grid, rows, bandIndices, wallLoss, (cell) => openMaskAt(context, grid, cell));
    }
  }

  const dz = context.clientZ - context.apZ;
  const dzSquared = dz * dz;
  const coefficient = laws[0]!.log10D2Coefficient;
  const constants = radios.map((radio, index) => eirps[index]! - laws[index]!.constantDb - slabLosses[index]!);
  const patterned = radios.map((radio) => radio.pattern);
  const anyPattern = patterned.some(Boolean);
  const areaLosses = new Float64Array(bands.length);
  const { areas, px, py } = context;

  // fastDb (10·log10 within 5e-6 dB) in place of Math.log, a call V8 does not inline: the distance term of every cell.
  const coefficientDb = coefficient / 10;
  const logRow = workspace.rowBuffer(grid.nx);
  const simple = areas.length === 0 && !anyPattern;
  for (let row = 0; row < grid.ny; row++) {
    const from = rows.first[row]!;
    const to = rows.last[row]!;
    if (from > to) continue;
    const cy = grid.originY + (row + 0.5) * grid.resolutionM;
    const dy = cy - py;
    const base = dy * dy + dzSquared;
    const rowStart = row * grid.nx;
    for (let column = from; column <= to; column++) {
      const dx = grid.originX + (column + 0.5) * grid.resolutionM - px;
      const distanceSquared = dx * dx + base;
      logRow[column] = coefficientDb * fastDb(distanceSquared > 1 ? distanceSquared : 1);
    }
    if (simple) {
      // The common case in tight, monomorphic loops: one per radio over the row.
      for (let index = 0; index < radios.length; index++) {
        const output = outputs[index]!;
        const walls = wallLoss[radioBandSlot[index]!]!;
        const constant = constants[index]!;
        const own = radioRows[index]!;
        const last = own.last[row]!;
        for (let column = own.first[row]!; column <= last; column++) output[rowStart + column] = constant - logRow[column]! - walls[rowStart + column]!;
      }
      continue;
    }
    for (let column = from; column <= to; column++) {
      const cell = rowStart + column;
      const cx = grid.originX + (column + 0.5) * grid.resolutionM;
      const dx = cx - px;
      const horizontalSquared = dx * dx + dy * dy;
      if (areas.length > 0) {
        areaLosses.fill(0);
        const distance = Math.sqrt(horizontalSquared + dzSquared);
        for (const area of areas) {
          if (Math.max(px, cx) < area.minX || Math.min(px, cx) > area.maxX || Math.max(py, cy) < area.minY || Math.min(py, cy) > area.maxY) continue;
          const fraction = fractionInsidePolygon(px, py, cx, cy, area.polygon, area.tMin, area.tMax);
          if (fraction > 0) for (let band = 0; band < bands.length; band++) areaLosses[band]! += fraction * distance * area.lossDbPerM[bandIndices[band]!]!;
        }
      }
      let azimuthDeg = 0;
      let elevationDeg = 0;
      if (anyPattern) {
        azimuthDeg = Math.atan2(dy, dx) * RAD_TO_DEG;
        elevationDeg = Math.atan2(-dz, Math.sqrt(horizontalSquared)) * RAD_TO_DEG;
      }
      for (let index = 0; index < radios.length; index++) {
        const own = radioRows[index]!;
        if (column < own.first[row]! || column > own.last[row]!) continue;
        const slot = radioBandSlot[index]!;
        let value = constants[index]! - logRow[column]! - wallLoss[slot]![cell]! - areaLosses[slot]!;
        const pattern = patterned[index];
        if (pattern) {
          const radio = radios[index]!;
          value += relativeGainDb(pattern, azimuthDeg - radio.azimuthDeg, elevationDeg - radio.tiltDeg);
        }
        outputs[index]![cell] = value;
      }
    }
  }
  return outputs;
}

/** The oracle for slab openings: every slab's openings tested at the path's crossing point of one cell. */
function openMaskAt(context: PathContext, grid: GridSpec, cell: number): number {
  const cx = grid.originX + ((cell % grid.nx) + 0.5) * grid.resolutionM;
  const cy = grid.originY + (Math.floor(cell / grid.nx) + 0.5) * grid.resolutionM;
  let mask = 0;
  context.slabs.forEach((slab, index) => {
    if (index <= 30 && slab.openings.length > 0 && slabOpenAt(slab, context.px, context.py, cx, cy)) mask |= 1 << index;
  });
  return mask;
}

/** Takes off each cell's loss plane the slab loss its path is spared by openings (the constants pay every slab). */
function addSlabOpeningRelief(context: PathContext, grid: GridSpec, rows: RowReach, bandIndices: readonly number[], planes: Float32Array[], maskOf: (cell: number) => number): void {
  const closed = context.slabLossDb;
  for (let row = 0; row < grid.ny; row++) {
    for (let column = rows.first[row]!; column <= rows.last[row]!; column++) {
      const cell = row * grid.nx + column;
      const mask = maskOf(cell);
      if (mask === 0) continue;
      const losses = context.slabLossWithOpenings(mask);
      for (let band = 0; band < bandIndices.length; band++) planes[band]![cell]! += losses[bandIndices[band]!]! - closed[bandIndices[band]!]!;
    }
  }
}
