/**
 * Aligning a survey on the plan from reference points: a survey tool's coordinates (its own grid, metres or pixels
 * of another picture, turned) are mapped onto the level by the similarity (turn, uniform scale, shift) that takes
 * each survey point chosen onto the place the user clicked on the plan. One pair shifts; two fix the similarity
 * exactly; three or more give the least-squares one (Umeyama's method in 2D) and each pair's residual, so a wrong
 * click shows. Pure.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Similarity {
  scale: number;
  rotationRad: number;
  tx: number;
  ty: number;
}

export interface Alignment {
  transform: Similarity;
  /** Distance (m) between each pair's target and where its survey point lands. */
  residualsM: number[];
}

export const IDENTITY_SIMILARITY: Similarity = { scale: 1, rotationRad: 0, tx: 0, ty: 0 };

export function applySimilarity(transform: Similarity, point: Point): Point {
  const cos = Math.cos(transform.rotationRad) * transform.scale;
  const sin = Math.sin(transform.rotationRad) * transform.scale;
  return { x: cos * point.x - sin * point.y + transform.tx, y: sin * point.x + cos * point.y + transform.ty };
}

/** The similarity taking each `from` onto its `to`; null without pairs or when the survey points coincide. */
export function similarityFromPairs(pairs: readonly { from: Point; to: Point }[]): Alignment | null {
  if (pairs.length === 0) return null;
  const mean = (pick: (pair: { from: Point; to: Point }) => number) => pairs.reduce((sum, pair) => sum + pick(pair), 0) / pairs.length;
  const from = { x: mean((pair) => pair.from.x), y: mean((pair) => pair.from.y) };
  const to = { x: mean((pair) => pair.to.x), y: mean((pair) => pair.to.y) };
  let transform: Similarity;
  if (pairs.length === 1) transform = { scale: 1, rotationRad: 0, tx: to.x - from.x, ty: to.y - from.y };
  else {
    let a = 0;
    let b = 0;
    let spread = 0;
    for (const pair of pairs) {
      const px = pair.from.x - from.x;
      const py = pair.from.y - from.y;
      const qx = pair.to.x - to.x;
      const qy = pair.to.y - to.y;
      a += px * qx + py * qy;
      b += px * qy - py * qx;
      spread += px * px + py * py;
    }
    if (spread < 1e-12) return null;
    const scale = Math.hypot(a, b) / spread;
    const rotationRad = Math.atan2(b, a);
    const turned = applySimilarity({ scale, rotationRad, tx: 0, ty: 0 }, from);
    transform = { scale, rotationRad, tx: to.x - turned.x, ty: to.y - turned.y };
  }
  const residualsM = pairs.map((pair) => {
    const landed = applySimilarity(transform, pair.from);
    return Math.hypot(landed.x - pair.to.x, landed.y - pair.to.y);
  });
  return { transform, residualsM };
}
