import { colourise, type ColourScale } from '../../../propagation/layers/colour-scale.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';

/** The layer as one pixel per cell (smoothed when drawn), transparent where nothing is heard. */
export function heatmapImage(result: LayerResult, scale: ColourScale, alpha: number): HTMLCanvasElement {
  const { nx, ny } = result.grid;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const pixels = colourise(result.values, scale, Math.round(alpha * 255));
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer as ArrayBuffer), nx, ny), 0, 0);
  return canvas;
}

/** Value and serving radio of the cell under a level point, or null outside the grid. */
export function cellAt(result: LayerResult, x: number, y: number): { value: number; radioId: string | null } | null {
  const { originX, originY, resolutionM, nx, ny } = result.grid;
  const column = Math.floor((x - originX) / resolutionM);
  const row = Math.floor((y - originY) / resolutionM);
  if (column < 0 || row < 0 || column >= nx || row >= ny) return null;
  const index = row * nx + column;
  const serving = result.serving[index]!;
  return { value: result.values[index]!, radioId: serving >= 0 ? (result.radioIds[serving] ?? null) : null };
}
