import type { GridSpec } from './types.ts';

/** A one-cell grid centred on (x, y): evaluates the engine at a single point (CLI points, AP-to-AP hearing). */
export function pointGrid(x: number, y: number): GridSpec {
  return { originX: x - 0.005, originY: y - 0.005, resolutionM: 0.01, nx: 1, ny: 1 };
}
