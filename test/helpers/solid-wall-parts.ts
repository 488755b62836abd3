/** The solid parts of a wall from `a` to `b`: the wall minus its openings, given as sorted [from, to] distances from `a`. */
import type { Segment } from '../../src/editor/geometry.ts';

export function solidParts(a: Segment['a'], b: Segment['b'], openings: readonly (readonly [number, number])[]): Segment[] {
  const total = Math.hypot(b.x - a.x, b.y - a.y);
  const at = (d: number) => ({ x: a.x + ((b.x - a.x) * d) / total, y: a.y + ((b.y - a.y) * d) / total });
  const cuts = [0, ...openings.flat(), total];
  return Array.from({ length: cuts.length / 2 }, (_, i) => ({ a: at(cuts[2 * i]!), b: at(cuts[2 * i + 1]!) })).filter((piece) => Math.hypot(piece.b.x - piece.a.x, piece.b.y - piece.a.y) > 1e-9);
}
