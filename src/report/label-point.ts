/**
 * Where a zone's name goes: its area centroid when that lies inside the polygon, else the middle of the widest
 * horizontal span through the centroid's height (an L- or U-shaped room keeps its label inside).
 */
import type { PointM } from '../model/schema.ts';

export function pointInPolygon(polygon: readonly PointM[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.yM > y !== b.yM > y && x < ((b.xM - a.xM) * (y - a.yM)) / (b.yM - a.yM) + a.xM) inside = !inside;
  }
  return inside;
}

export function labelPoint(polygon: readonly PointM[]): PointM {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    const cross = a.xM * b.yM - b.xM * a.yM;
    area += cross;
    cx += (a.xM + b.xM) * cross;
    cy += (a.yM + b.yM) * cross;
  }
  const mean = { xM: polygon.reduce((sum, point) => sum + point.xM, 0) / polygon.length, yM: polygon.reduce((sum, point) => sum + point.yM, 0) / polygon.length };
  const centroid = Math.abs(area) > 1e-9 ? { xM: cx / (3 * area), yM: cy / (3 * area) } : mean;
  if (pointInPolygon(polygon, centroid.xM, centroid.yM)) return centroid;
  const crossings: number[] = [];
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.yM > centroid.yM !== b.yM > centroid.yM) crossings.push(a.xM + ((centroid.yM - a.yM) * (b.xM - a.xM)) / (b.yM - a.yM));
  }
  crossings.sort((p, q) => p - q);
  let best: PointM = mean;
  let widest = -1;
  for (let index = 0; index + 1 < crossings.length; index += 2) {
    const span = crossings[index + 1]! - crossings[index]!;
    if (span > widest) {
      widest = span;
      best = { xM: (crossings[index]! + crossings[index + 1]!) / 2, yM: centroid.yM };
    }
  }
  return best;
}

/**
 * Where a zone's name goes on a plan that already names its rooms: the zone's top-left corner, inset, so it does not
 * cover the room name the architect centred; the label point when that corner is outside the zone.
 */
export function cornerLabelPoint(polygon: readonly PointM[], insetM: number): PointM {
  const minX = Math.min(...polygon.map((point) => point.xM));
  const minY = Math.min(...polygon.map((point) => point.yM));
  const corner = { xM: minX + insetM, yM: minY + insetM };
  return pointInPolygon(polygon, corner.xM, corner.yM) ? corner : labelPoint(polygon);
}
