/**
 * Each level's floor texture in the 3D view: its plan drawn over the level's extent, and the band's heatmap over it
 * (the 2D legend's colours), at a density that keeps the texture within GPU limits.
 */
import * as THREE from 'three';
import type { ColourScale } from '../../../propagation/layers/colour-scale.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';
import type { ExtentM } from '../../model/level-extent.ts';
import type { Level } from '../../model/schema.ts';
import { beginMetreSheet, drawPlanImage } from '../editor/draw/draw-plan.ts';
import { heatmapImage } from '../editor/heatmap-image.ts';

const MAX_TEXTURE_PX = 2048;
const PIXELS_PER_M = 24;

export function levelTexture(extent: ExtentM, level: Level, plan: HTMLImageElement | null, heatmap: LayerResult | null, scale: ColourScale): THREE.CanvasTexture {
  const width = extent.maxX - extent.minX;
  const depth = extent.maxY - extent.minY;
  const pxPerM = Math.min(PIXELS_PER_M, MAX_TEXTURE_PX / Math.max(width, depth));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(2, Math.round(width * pxPerM));
  canvas.height = Math.max(2, Math.round(depth * pxPerM));
  const context = canvas.getContext('2d')!;
  beginMetreSheet(context, pxPerM, extent.minX, extent.minY);
  if (plan && level.plan && level.metersPerUnit) drawPlanImage(context, plan, level);
  if (heatmap) {
    const { grid } = heatmap;
    context.imageSmoothingEnabled = true;
    context.drawImage(heatmapImage(heatmap, scale, 170 / 255), grid.originX, grid.originY, grid.nx * grid.resolutionM, grid.ny * grid.resolutionM);
  }
  context.restore();
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}
