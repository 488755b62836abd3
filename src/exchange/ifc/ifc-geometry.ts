/**
 * Plan shapes from an IFC element's triangles, whatever its representation (extrusion, boundary, CSG result): a
 * wall's centre line and thickness as its narrowest bounding rectangle, a space's or an opening's footprint as the
 * outline of its downward faces. Points are plan metres (x east, y south); z is up.
 */

import { convexHull } from '../../model/building-outline.ts';
import { polygonAreaM2 } from '../../model/geometry.ts';
import type { PointM } from '../../model/schema.ts';

export interface WallRectangle {
  from: PointM;
  to: PointM;
  thicknessM: number;
  /** Area of the footprint's hull over the rectangle's: well below 1 for an L-shaped or curved element. */
  fill: number;
}

/**
 * The narrowest rectangle around the points (one side lies on a hull edge: rotating calipers), as the centre line
 * along its long side and its width. Null for fewer than three distinct points.
 */
export function wallRectangle(points: readonly PointM[]): WallRectangle | null {
  const hull = convexHull(points);
  if (hull.length < 3) return null;
  let best: { ux: number; uy: number; width: number; sMin: number; sMax: number; nMin: number; nMax: number } | null = null;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const length = Math.hypot(b.xM - a.xM, b.yM - a.yM);
    if (length < 1e-9) continue;
    const ux = (b.xM - a.xM) / length;
    const uy = (b.yM - a.yM) / length;
    let sMin = Infinity;
    let sMax = -Infinity;
    let nMin = Infinity;
    let nMax = -Infinity;
    for (const p of hull) {
      const s = p.xM * ux + p.yM * uy;
      const n = -p.xM * uy + p.yM * ux;
      sMin = Math.min(sMin, s);
      sMax = Math.max(sMax, s);
      nMin = Math.min(nMin, n);
      nMax = Math.max(nMax, n);
    }
    // The wall runs along the longer side; its thickness is the shorter one.
    const along = sMax - sMin >= nMax - nMin;
    const width = along ? nMax - nMin : sMax - sMin;
    if (!best || width < best.width - 1e-9) best = along ? { ux, uy, width, sMin, sMax, nMin, nMax } : { ux: -uy, uy: ux, width, sMin: nMin, sMax: nMax, nMin: -sMax, nMax: -sMin };
  }
  if (!best) return null;
  const { ux, uy, sMin, sMax, nMin, nMax } = best;
  const n = (nMin + nMax) / 2;
  const at = (s: number): PointM => ({ xM: s * ux - n * uy, yM: s * uy + n * ux });
  const rectangleArea = (sMax - sMin) * (nMax - nMin);
  return { from: at(sMin), to: at(sMax), thicknessM: nMax - nMin, fill: rectangleArea > 0 ? polygonAreaM2(hull) / rectangleArea : 0 };
}

/**
 * The outline of a solid seen from below: its downward-facing triangles at its lowest level, their edges used once
 * chained into loops, the largest loop returned (holes are dropped). Vertices are welded at 1 mm.
 */
export function footprint(points: readonly PointM[], z: ArrayLike<number>, indices: ArrayLike<number>): PointM[] {
  let zMin = Infinity;
  for (let i = 0; i < z.length; i++) zMin = Math.min(zMin, z[i]!);
  const key = (p: PointM) => `${Math.round(p.xM * 1000)},${Math.round(p.yM * 1000)}`;
  const welded = new Map<string, number>();
  const weldedPoints: PointM[] = [];
  const weld = (index: number) => {
    const p = points[index]!;
    const k = key(p);
    let id = welded.get(k);
    if (id === undefined) {
      id = weldedPoints.length;
      welded.set(k, id);
      weldedPoints.push(p);
    }
    return id;
  };
  const edges = new Map<string, [number, number]>();
  for (let i = 0; i + 2 < indices.length; i += 3) {
    const corners = [indices[i]!, indices[i + 1]!, indices[i + 2]!];
    if (corners.some((c) => z[c]! > zMin + 0.005)) continue;
    const [a, b, c] = corners.map(weld) as [number, number, number];
    if (a === b || b === c || a === c) continue;
    for (const [p, q] of [[a, b], [b, c], [c, a]] as const) {
      const edgeKey = p < q ? `${p}:${q}` : `${q}:${p}`;
      if (edges.has(edgeKey)) edges.delete(edgeKey);
      else edges.set(edgeKey, [p, q]);
    }
  }
  const next = new Map<number, number[]>();
  for (const [p, q] of edges.values()) {
    next.set(p, [...(next.get(p) ?? []), q]);
    next.set(q, [...(next.get(q) ?? []), p]);
  }
  const used = new Set<string>();
  let best: PointM[] = [];
  for (const [p0, q0] of edges.values()) {
    const firstKey = p0 < q0 ? `${p0}:${q0}` : `${q0}:${p0}`;
    if (used.has(firstKey)) continue;
    used.add(firstKey);
    const loop = [p0];
    let previous = p0;
    let current = q0;
    while (current !== p0 && loop.length <= edges.size) {
      loop.push(current);
      const candidates = (next.get(current) ?? []).filter((candidate) => candidate !== previous && !used.has(current < candidate ? `${current}:${candidate}` : `${candidate}:${current}`));
      const following = candidates[0];
      if (following === undefined) break;
      used.add(current < following ? `${current}:${following}` : `${following}:${current}`);
      previous = current;
      current = following;
    }
    const polygon = withoutCollinear(loop.map((id) => weldedPoints[id]!));
    if (polygonAreaM2(polygon) > polygonAreaM2(best)) best = polygon;
  }
  return best;
}

/** Drops vertices lying on the line through their neighbours (within 1 mm). */
export function withoutCollinear(polygon: readonly PointM[]): PointM[] {
  const kept = [...polygon];
  let changed = true;
  while (changed && kept.length > 3) {
    changed = false;
    for (let i = 0; i < kept.length && kept.length > 3; i++) {
      const a = kept[(i + kept.length - 1) % kept.length]!;
      const b = kept[i]!;
      const c = kept[(i + 1) % kept.length]!;
      const length = Math.hypot(c.xM - a.xM, c.yM - a.yM);
      const distance = length > 0 ? Math.abs((c.xM - a.xM) * (b.yM - a.yM) - (c.yM - a.yM) * (b.xM - a.xM)) / length : 0;
      if (distance < 0.001) {
        kept.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  return kept;
}
