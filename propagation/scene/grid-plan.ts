/** Grids over a level's extent, and the memory guard that refuses grids too large for the device. */
import type { GridSpec } from './types.ts';

/** Bytes the engine may spend on one level's fields (every radio's Float32Array) before refusing. */
export const DEFAULT_FIELD_BUDGET_BYTES = 1024 ** 3;

export type GridPlan = { ok: true; grid: GridSpec } | { ok: false; reason: 'too-large'; cells: number; bytes: number; suggestedResolutionM: number } | { ok: false; reason: 'invalid' };

export function planGrid(extent: { minX: number; minY: number; maxX: number; maxY: number }, resolutionM: number, radioCount: number, budgetBytes = DEFAULT_FIELD_BUDGET_BYTES): GridPlan {
  const width = extent.maxX - extent.minX;
  const height = extent.maxY - extent.minY;
  if (![width, height, resolutionM].every(Number.isFinite) || width <= 0 || height <= 0 || resolutionM <= 0) return { ok: false, reason: 'invalid' };
  const nx = Math.ceil(width / resolutionM);
  const ny = Math.ceil(height / resolutionM);
  const cells = nx * ny;
  const bytes = cells * Math.max(1, radioCount) * 4;
  if (bytes > budgetBytes || cells > 2 ** 31 - 1) {
    // Cells scale with 1/resolution²: the smallest step (to the next 5 cm) that fits the budget.
    const factor = Math.sqrt(bytes / budgetBytes);
    const suggestedResolutionM = Math.ceil(resolutionM * factor * 20 + 1e-9) / 20;
    return { ok: false, reason: 'too-large', cells, bytes, suggestedResolutionM };
  }
  return { ok: true, grid: { originX: extent.minX, originY: extent.minY, resolutionM, nx, ny } };
}
