/** Plane geometry for the editor, in metres in the level's frame (x right, y down). */
export interface Point {
  x: number;
  y: number;
}

export interface Segment {
  a: Point;
  b: Point;
}

export const distance = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);

export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** Parameter (0–1, clamped) and point of the projection of `p` on segment ab. */
export function projectOnSegment(p: Point, a: Point, b: Point): { t: number; point: Point; distance: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { t, point, distance: distance(p, point) };
}

/** Moves `p` onto the nearest ray from `origin` at a multiple of `stepDeg` (0/45/90° with the default). */
export function constrainAngle(origin: Point, p: Point, stepDeg = 45): Point {
  const length = distance(origin, p);
  if (length === 0) return p;
  const step = (stepDeg * Math.PI) / 180;
  const angle = Math.round(Math.atan2(p.y - origin.y, p.x - origin.x) / step) * step;
  // Keep the projection of the cursor on the ray, so the length follows the mouse along the constrained direction.
  const along = (p.x - origin.x) * Math.cos(angle) + (p.y - origin.y) * Math.sin(angle);
  return { x: origin.x + along * Math.cos(angle), y: origin.y + along * Math.sin(angle) };
}

/** Even-odd point-in-polygon test. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxFromCorners(a: Point, b: Point): Box {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

export const pointInBox = (p: Point, box: Box): boolean => p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;

/** Intersection point of segments ab and cd, or null (parallel or disjoint). */
export function segmentIntersection(a: Point, b: Point, c: Point, d: Point): Point | null {
  const rX = b.x - a.x;
  const rY = b.y - a.y;
  const sX = d.x - c.x;
  const sY = d.y - c.y;
  const denominator = rX * sY - rY * sX;
  if (Math.abs(denominator) < 1e-12) return null;
  const t = ((c.x - a.x) * sY - (c.y - a.y) * sX) / denominator;
  const u = ((c.x - a.x) * rY - (c.y - a.y) * rX) / denominator;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { x: a.x + t * rX, y: a.y + t * rY };
}
