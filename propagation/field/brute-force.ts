/**
 * The test oracle for wall loss: every AP→cell segment against every wall, by the shared crossing rule
 * (wall-crossing.ts: path parameter in the wall's window, AP or receiver on a wall, half-open pieces). Kept in the code base so tests and benchmarks compare the fast
 * method against it; also the slow path used when oblique incidence is on (the loss then depends on the angle).
 */
import type { PathContext } from './path-context.ts';
import { pathCountsWall } from './wall-crossing.ts';

export interface ObliqueIncidence {
  /** Largest angle from the wall normal taken into account (the loss stops growing beyond it). */
  capDeg: number;
}

/** Total wall loss for one cell, for each requested band index, written into `out`. */
export function bruteForceWallLoss(context: PathContext, cx: number, cy: number, bandIndices: readonly number[], out: Float64Array, oblique: ObliqueIncidence | null = null): void {
  out.fill(0, 0, bandIndices.length);
  const { px, py } = context;
  const dx = cx - px;
  const dy = cy - py;
  const dz = context.clientZ - context.apZ;
  const length3d = Math.hypot(dx, dy, dz);
  const minCos = oblique ? Math.cos((oblique.capDeg * Math.PI) / 180) : 1;
  for (const wall of context.walls) {
    if (!pathCountsWall(wall, px, py, cx, cy)) continue;
    let factor = 1;
    if (oblique && length3d > 0) {
      const wx = wall.bx - wall.ax;
      const wy = wall.by - wall.ay;
      const wallLength = Math.hypot(wx, wy);
      const cosine = Math.abs(dx * wy - dy * wx) / (wallLength * length3d);
      factor = 1 / Math.max(cosine, minCos);
    }
    for (let band = 0; band < bandIndices.length; band++) out[band]! += wall.lossDb[bandIndices[band]!]! * factor;
  }
}
