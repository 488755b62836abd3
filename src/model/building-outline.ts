/**
 * The building's outline on a level, from its walls: the convex hull of their end points. The heatmap is clipped to it,
 * so it does not spread over the sheet's margins, title block and legend around the building.
 */
import type { PointM, ProjectDocument } from './schema.ts';

/** The convex hull, counter-clockwise from the lowest-leftmost point (Andrew's monotone chain); [] under 3 points. */
export function convexHull(points: readonly PointM[]): PointM[] {
  const sorted = [...points].sort((a, b) => a.xM - b.xM || a.yM - b.yM);
  if (sorted.length < 3) return [];
  const cross = (o: PointM, a: PointM, b: PointM) => (a.xM - o.xM) * (b.yM - o.yM) - (a.yM - o.yM) * (b.xM - o.xM);
  const half = (list: PointM[]) => {
    const hull: PointM[] = [];
    for (const point of list) {
      while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, point) <= 0) hull.pop();
      hull.push(point);
    }
    hull.pop();
    return hull;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  return hull.length >= 3 ? hull : [];
}

/** The outline of a level's building, or [] when it has fewer than two walls (nothing to clip to). */
export function buildingOutline(document: Pick<ProjectDocument, 'walls'>, levelId: string): PointM[] {
  return convexHull(document.walls.filter((wall) => wall.levelId === levelId).flatMap((wall) => [wall.from, wall.to]));
}
