/**
 * Double lines that are objects, not walls: furniture, light fittings, screens and lecture tables are drawn as
 * closed outlines whose long sides pair like wall faces. Two tests set them apart:
 * - a wall is at least twice as long as it is thick (a 60 × 60 cm light fitting is not);
 * - walls form the building's network: two candidates are linked when an end of one lies on the other (within
 *   half their thicknesses plus 25 cm) or when one continues the other on the same line across a gap of up to
 *   2 m (a façade between windows drawn as single glass lines). A group of linked candidates is kept when its
 *   length reaches half the largest group's, or 30 m (another wing); a row of tables in a lecture hall, broken
 *   by what is drawn over it, stays a small group of its own.
 */
import { projectOnSegment } from '../geometry.ts';

export interface Candidate {
  a: { x: number; y: number };
  b: { x: number; y: number };
  thicknessM: number;
}

const REACH_M = 0.25;
const COLLINEAR_GAP_M = 2;
const KEPT_GROUP_M = 30;

export function isElongated(candidate: Candidate): boolean {
  return Math.hypot(candidate.b.x - candidate.a.x, candidate.b.y - candidate.a.y) >= 2 * candidate.thicknessM;
}

/** Indices of the candidates in groups too small to be the building's walls. Uses a uniform grid of 2 m cells. */
export function freeStanding(candidates: readonly Candidate[]): Set<number> {
  const cell = 2;
  const grid = new Map<string, number[]>();
  const key = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  candidates.forEach((candidate, index) => {
    const length = Math.hypot(candidate.b.x - candidate.a.x, candidate.b.y - candidate.a.y);
    const steps = Math.max(1, Math.ceil(length / cell));
    const seen = new Set<string>();
    for (let k = 0; k <= steps; k++) {
      const x = candidate.a.x + ((candidate.b.x - candidate.a.x) * k) / steps;
      const y = candidate.a.y + ((candidate.b.y - candidate.a.y) * k) / steps;
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          const cellKey = key(x + dx * cell, y + dy * cell);
          if (seen.has(cellKey)) continue;
          seen.add(cellKey);
          const list = grid.get(cellKey) ?? [];
          list.push(index);
          grid.set(cellKey, list);
        }
    }
  });
  const parent = Int32Array.from(candidates, (_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  candidates.forEach((candidate, index) => {
    for (const end of [candidate.a, candidate.b])
      for (const other of grid.get(key(end.x, end.y)) ?? []) {
        if (other !== index && root(other) !== root(index) && connected(end, candidate, candidates[other]!)) parent[root(other)] = root(index);
      }
  });
  const groupLength = new Map<number, number>();
  candidates.forEach((candidate, index) => groupLength.set(root(index), (groupLength.get(root(index)) ?? 0) + Math.hypot(candidate.b.x - candidate.a.x, candidate.b.y - candidate.a.y)));
  const largest = Math.max(0, ...groupLength.values());
  const keep = Math.min(0.5 * largest, KEPT_GROUP_M);
  const free = new Set<number>();
  candidates.forEach((_, index) => {
    if (groupLength.get(root(index))! < keep) free.add(index);
  });
  return free;
}

function connected(end: { x: number; y: number }, candidate: Candidate, other: Candidate): boolean {
  const reach = (candidate.thicknessM + other.thicknessM) / 2 + REACH_M;
  if (projectOnSegment(end, other.a, other.b).distance <= reach) return true;
  // Collinear continuation across a gap: same direction, same line, the other's nearer end within the gap.
  const length = Math.hypot(candidate.b.x - candidate.a.x, candidate.b.y - candidate.a.y);
  const otherLength = Math.hypot(other.b.x - other.a.x, other.b.y - other.a.y);
  const ux = (candidate.b.x - candidate.a.x) / length;
  const uy = (candidate.b.y - candidate.a.y) / length;
  const cross = Math.abs(((other.b.x - other.a.x) * uy - (other.b.y - other.a.y) * ux) / otherLength);
  if (cross > 0.02) return false;
  const across = (p: { x: number; y: number }) => Math.abs((p.x - end.x) * uy - (p.y - end.y) * ux);
  if (across(other.a) > 0.05 || across(other.b) > 0.05) return false;
  return Math.min(Math.hypot(other.a.x - end.x, other.a.y - end.y), Math.hypot(other.b.x - end.x, other.b.y - end.y)) <= COLLINEAR_GAP_M;
}
