import type { Point } from './geometry.ts';

/** Screen position of the level frame: screen = world × scale + offset (scale in pixels per metre). */
export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.5;
export const MAX_SCALE = 2000;

export const toWorld = (view: Viewport, screen: Point): Point => ({ x: (screen.x - view.x) / view.scale, y: (screen.y - view.y) / view.scale });
export const toScreen = (view: Viewport, world: Point): Point => ({ x: world.x * view.scale + view.x, y: world.y * view.scale + view.y });

/** Zooms by `factor` keeping the world point under `screen` where it is. */
export function zoomAt(view: Viewport, factor: number, screen: Point): Viewport {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const world = toWorld(view, screen);
  return { scale, x: screen.x - world.x * scale, y: screen.y - world.y * scale };
}

/** The view that shows the extent whole, centred, with a margin in pixels. */
export function fitExtent(extent: { minX: number; minY: number; maxX: number; maxY: number }, width: number, height: number, margin = 24): Viewport {
  const w = Math.max(1e-6, extent.maxX - extent.minX);
  const h = Math.max(1e-6, extent.maxY - extent.minY);
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min((width - 2 * margin) / w, (height - 2 * margin) / h)));
  return { scale, x: (width - w * scale) / 2 - extent.minX * scale, y: (height - h * scale) / 2 - extent.minY * scale };
}
