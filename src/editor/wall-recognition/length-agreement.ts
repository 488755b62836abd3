/**
 * Precision and recall of recognised walls against labelled walls, on length: a recognised wall counts where it
 * lies along a labelled one (within `angleDeg` and `distanceM` of its centre line), and the other way round.
 * Overlapping proposals over one label are counted once (union of the covered intervals).
 */
import type { Segment } from '../geometry.ts';

export interface AgreementOptions {
  distanceM: number;
  angleDeg: number;
}

export interface LengthAgreement {
  precision: number;
  recall: number;
  proposedM: number;
  labelledM: number;
}

export function lengthAgreement(proposed: readonly Segment[], labelled: readonly Segment[], options: AgreementOptions = { distanceM: 0.15, angleDeg: 3 }): LengthAgreement {
  const proposedM = proposed.reduce((sum, segment) => sum + length(segment), 0);
  const labelledM = labelled.reduce((sum, segment) => sum + length(segment), 0);
  const coveredOfProposed = proposed.reduce((sum, segment) => sum + covered(segment, labelled, options), 0);
  const coveredOfLabelled = labelled.reduce((sum, segment) => sum + covered(segment, proposed, options), 0);
  return { precision: proposedM > 0 ? coveredOfProposed / proposedM : 1, recall: labelledM > 0 ? coveredOfLabelled / labelledM : 1, proposedM, labelledM };
}

const length = (segment: Segment) => Math.hypot(segment.b.x - segment.a.x, segment.b.y - segment.a.y);

/** Length of `target` lying along any of `others` (union of intervals along target). */
function covered(target: Segment, others: readonly Segment[], options: AgreementOptions): number {
  const total = length(target);
  if (total === 0) return 0;
  const ux = (target.b.x - target.a.x) / total;
  const uy = (target.b.y - target.a.y) / total;
  const cosLimit = Math.cos((options.angleDeg * Math.PI) / 180);
  const intervals: [number, number][] = [];
  for (const other of others) {
    const otherLength = length(other);
    if (otherLength === 0) continue;
    const cos = Math.abs(((other.b.x - other.a.x) * ux + (other.b.y - other.a.y) * uy) / otherLength);
    if (cos < cosLimit) continue;
    const along = (p: { x: number; y: number }) => (p.x - target.a.x) * ux + (p.y - target.a.y) * uy;
    const across = (p: { x: number; y: number }) => Math.abs(-(p.x - target.a.x) * uy + (p.y - target.a.y) * ux);
    if (across(other.a) > options.distanceM || across(other.b) > options.distanceM) continue;
    const from = Math.max(0, Math.min(along(other.a), along(other.b)));
    const to = Math.min(total, Math.max(along(other.a), along(other.b)));
    if (to > from) intervals.push([from, to]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let sum = 0;
  let end = -Infinity;
  for (const [from, to] of intervals) {
    if (to <= end) continue;
    sum += to - Math.max(from, end);
    end = to;
  }
  return sum;
}
