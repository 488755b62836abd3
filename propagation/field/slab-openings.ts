/**
 * Openings in slabs (atria, stairwells, lift shafts): inside them the slab under a level is absent, so a path
 * between floors that passes through the opening does not pay that slab.
 *
 * A path from the AP at P (height apZ) to a cell C (the client height) meets the plane of a slab at the fixed path
 * parameter t = (z_slab − apZ) / (clientZ − apZ), the same for every cell of the level, at X = P + t·(C − P). The
 * slab is open for C when X lies inside one of the slab's opening polygons (crossing-number rule below, shared by
 * the per-cell oracle and the row scan so the two decide every cell alike). Along a grid row X moves on a straight
 * line, so each polygon edge toggles the inside state at one column: one pass over the edges per row and polygon.
 */
import type { GridSpec } from '../scene/types.ts';
import type { RowReach } from './wall-loss-spans.ts';
import { pointInPolygon } from './area-crossing.ts';

export interface CrossedSlab {
  /** Loss of this slab alone per band index (dB), before the model's floor law. */
  lossDb: readonly [number, number, number];
  /** Path parameter where the path meets the slab's plane, in (0, 1). */
  t: number;
  /** Opening polygons in the target level's frame (x0, y0, x1, y1, …). */
  openings: Float64Array[];
  /** The level whose floor this slab is. */
  levelId?: string;
}

/**
 * X coordinate where edge (xi, yi)–(xj, yj) meets the horizontal line y, for an edge that straddles it: the very
 * expression of pointInPolygon (area-crossing.ts), so the row scan and the per-cell test agree on every cell.
 */
function edgeCrossingX(xi: number, yi: number, xj: number, yj: number, y: number): number {
  return ((xj - xi) * (y - yi)) / (yj - yi) + xi;
}

/** Where the path from (px, py) to (cx, cy) meets the slab's plane. */
function slabPoint(slab: CrossedSlab, px: number, py: number, cx: number, cy: number): [number, number] {
  return [px + slab.t * (cx - px), py + slab.t * (cy - py)];
}

/** The oracle: whether the path from (px, py) to the cell centre (cx, cy) passes through an opening of the slab. */
export function slabOpenAt(slab: CrossedSlab, px: number, py: number, cx: number, cy: number): boolean {
  const [x, y] = slabPoint(slab, px, py, cx, cy);
  return slab.openings.some((polygon) => pointInPolygon(x, y, polygon));
}

/**
 * For every cell in reach, a bit mask of the slabs (index in `slabs`, up to 31) whose opening the path passes
 * through; 0 elsewhere. `toggles` is a scratch buffer of at least nx + 1 bytes.
 */
export function slabOpeningMasks(slabs: readonly CrossedSlab[], px: number, py: number, grid: GridSpec, rows: RowReach, masks: Uint32Array, toggles: Uint8Array): void {
  masks.fill(0, 0, grid.nx * grid.ny);
  const { originX, resolutionM, nx } = grid;
  slabs.forEach((slab, slabIndex) => {
    if (slab.openings.length === 0 || slabIndex > 30) return;
    const bit = 1 << slabIndex;
    const t = slab.t;
    const columnX = (column: number) => px + t * (originX + (column + 0.5) * resolutionM - px);
    for (let row = 0; row < grid.ny; row++) {
      const from = rows.first[row]!;
      const to = rows.last[row]!;
      if (from > to) continue;
      const y = py + t * (grid.originY + (row + 0.5) * resolutionM - py);
      for (const polygon of slab.openings) {
        toggles.fill(0, 0, nx + 1);
        let any = false;
        const count = polygon.length / 2;
        for (let i = 0, j = count - 1; i < count; j = i++) {
          const xi = polygon[2 * i]!;
          const yi = polygon[2 * i + 1]!;
          const xj = polygon[2 * j]!;
          const yj = polygon[2 * j + 1]!;
          if (yi > y === yj > y) continue;
          const crossing = edgeCrossingX(xi, yi, xj, yj, y);
          // The edge toggles the columns whose X lies strictly left of its crossing: [0, first column with X ≥ crossing).
          let column = Math.ceil(((crossing - px) / t + px - originX) / resolutionM - 0.5);
          column = Math.min(nx, Math.max(0, column));
          while (column > 0 && columnX(column - 1) >= crossing) column--;
          while (column < nx && columnX(column) < crossing) column++;
          if (column === 0) continue;
          toggles[0]! ^= 1;
          toggles[column]! ^= 1;
          any = true;
        }
        if (!any) continue;
        let inside = 0;
        const rowStart = row * nx;
        for (let column = 0; column <= to; column++) {
          inside ^= toggles[column]!;
          if (inside && column >= from) masks[rowStart + column]! |= bit;
        }
      }
    }
  });
}
