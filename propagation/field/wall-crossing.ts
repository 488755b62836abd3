/**
 * When a straight path from the AP at P to a receiver at C counts a wall [A, B] — the one rule that the exact span
 * method, the brute-force oracle and every command share (docs/propagation.md, « Conventions »):
 * 1. the path's parameter t where it meets the wall's line lies in the wall's window [tMin, tMax] (heights);
 * 2. an AP on the wall — on its line, between its ends included — counts the wall for every path leaving it when
 *    t = 0 is in the window (conservative: a wall-mounted AP sits on the wall's line);
 * 3. a receiver on the wall, between its ends included, counts it (t = 1 in the window);
 * 4. otherwise P and C are strictly on either side of the wall's line, and the path meets the wall in its
 *    half-open span [S, L): S and L are its ends in lexicographic order (x, then y). Collinear pieces of one wall
 *    line share an end that is the larger of one and the smaller of the next, so a path through a joint counts
 *    exactly one piece, whatever the order the pieces were drawn in.
 * Orientation signs are compared with exact zero: the same floating-point expressions in every caller give the
 * same answer.
 */
export interface CrossingWall {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  tMin: number;
  tMax: number;
}

/** Whether the closed segment [A, B] holds Q, for Q on the segment's line. */
function betweenEnds(wall: CrossingWall, qx: number, qy: number): boolean {
  const along = (qx - wall.ax) * (wall.bx - wall.ax) + (qy - wall.ay) * (wall.by - wall.ay);
  const squared = (wall.bx - wall.ax) ** 2 + (wall.by - wall.ay) ** 2;
  return along >= 0 && along <= squared;
}

/** orient(A, B, Q) for the wall's line: positive on one side, negative on the other, zero on it. */
export function wallSide(wall: CrossingWall, qx: number, qy: number): number {
  return (wall.bx - wall.ax) * (qy - wall.ay) - (wall.by - wall.ay) * (qx - wall.ax);
}

/** Whether an AP at P is on the wall (rule 2): then every path from it counts the wall. */
export function apOnWall(wall: CrossingWall, px: number, py: number): boolean {
  return wallSide(wall, px, py) === 0 && betweenEnds(wall, px, py) && wall.tMin <= 0;
}

export function pathCountsWall(wall: CrossingWall, px: number, py: number, cx: number, cy: number): boolean {
  const sideP = wallSide(wall, px, py);
  if (sideP === 0) return betweenEnds(wall, px, py) && wall.tMin <= 0;
  const sideC = wallSide(wall, cx, cy);
  if (sideC === 0) return betweenEnds(wall, cx, cy) && wall.tMax >= 1;
  if (!(sideP * sideC < 0)) return false;
  const t = sideP / (sideP - sideC);
  if (t < wall.tMin || t > wall.tMax) return false;
  const dx = cx - px;
  const dy = cy - py;
  const sideA = dx * (wall.ay - py) - dy * (wall.ax - px);
  const sideB = dx * (wall.by - py) - dy * (wall.bx - px);
  const aFirst = wall.ax < wall.bx || (wall.ax === wall.bx && wall.ay < wall.by);
  const sideS = aFirst ? sideA : sideB;
  const sideL = aFirst ? sideB : sideA;
  return sideS * sideL < 0 || (sideS === 0 && sideL !== 0);
}
