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

/** An angle brought into (−180°, 180°], so that turning again and again never grows it. */
export function normalizeDegrees(degrees: number): number {
  const wrapped = (((degrees + 180) % 360) + 360) % 360 - 180;
  return wrapped === -180 ? 180 : wrapped;
}
