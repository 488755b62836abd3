import type { PointM } from './schema.ts';

/** Planar polygon area (m²) by the shoelace formula; orientation does not matter. */
export function polygonAreaM2(polygon: readonly PointM[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.xM * b.yM - b.xM * a.yM;
  }
  return Math.abs(twice) / 2;
}
