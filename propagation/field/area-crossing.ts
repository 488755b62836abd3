/** Fraction of the path parameter range [tMin, tMax] of segment P→C that lies inside a polygon (any shape). */
export function fractionInsidePolygon(px: number, py: number, cx: number, cy: number, polygon: Float64Array, tMin: number, tMax: number): number {
  const dx = cx - px;
  const dy = cy - py;
  const crossings: number[] = [];
  const count = polygon.length / 2;
  for (let index = 0; index < count; index++) {
    const qx = polygon[2 * index]!;
    const qy = polygon[2 * index + 1]!;
    const next = (index + 1) % count;
    const ex = polygon[2 * next]! - qx;
    const ey = polygon[2 * next + 1]! - qy;
    const denominator = dx * ey - dy * ex;
    if (denominator === 0) continue;
    const t = ((qx - px) * ey - (qy - py) * ex) / denominator;
    const u = ((qx - px) * dy - (qy - py) * dx) / denominator;
    if (t > tMin && t < tMax && u >= 0 && u < 1) crossings.push(t);
  }
  let inside = pointInPolygon(px + dx * tMin, py + dy * tMin, polygon);
  if (crossings.length === 0) return inside ? tMax - tMin : 0;
  crossings.sort((a, b) => a - b);
  let total = 0;
  let from = tMin;
  for (const t of crossings) {
    if (inside) total += t - from;
    inside = !inside;
    from = t;
  }
  if (inside) total += tMax - from;
  return total;
}

export function pointInPolygon(x: number, y: number, polygon: Float64Array): boolean {
  let inside = false;
  const count = polygon.length / 2;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const xi = polygon[2 * i]!;
    const yi = polygon[2 * i + 1]!;
    const xj = polygon[2 * j]!;
    const yj = polygon[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
