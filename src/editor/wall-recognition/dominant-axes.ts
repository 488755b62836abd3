/**
 * The building's main axes: the direction, modulo 90°, that carries the most line length (a plan is mostly drawn
 * along two perpendicular axes, whatever the page's rotation). Measured on a length-weighted histogram of 0.25°
 * bins, smoothed over ±0.5°, so a few long diagonal lines (hatching, a ramp) cannot outweigh the walls.
 */
import type { Line } from './line-set.ts';

const BIN_DEG = 0.25;
const BINS = Math.round(90 / BIN_DEG);
/** Lines this close to the winning bin refine the axis; a wall drawn half a degree off does not pull it. */
const REFINE_DEG = 0.3;

/** Main axis in radians, in [0, π/2); null without lines. */
export function dominantAxis(lines: readonly Line[]): number | null {
  if (lines.length === 0) return null;
  const histogram = new Float64Array(BINS);
  for (const line of lines) {
    const degrees = ((line.angle * 180) / Math.PI) % 90;
    histogram[Math.floor(degrees / BIN_DEG) % BINS]! += line.to - line.from;
  }
  let best = 0;
  let bestWeight = -1;
  for (let bin = 0; bin < BINS; bin++) {
    let weight = 0;
    for (let k = -2; k <= 2; k++) weight += histogram[(bin + k + BINS) % BINS]!;
    if (weight > bestWeight) [best, bestWeight] = [bin, weight];
  }
  // Refine: the length-weighted mean angle of the lines inside the winning window.
  const centre = (best + 0.5) * BIN_DEG;
  let sum = 0;
  let weight = 0;
  for (const line of lines) {
    const degrees = ((line.angle * 180) / Math.PI) % 90;
    let delta = degrees - centre;
    if (delta > 45) delta -= 90;
    if (delta < -45) delta += 90;
    if (Math.abs(delta) <= REFINE_DEG) {
      sum += delta * (line.to - line.from);
      weight += line.to - line.from;
    }
  }
  const axis = (centre + (weight > 0 ? sum / weight : 0) + 90) % 90;
  return (axis * Math.PI) / 180;
}

/** Angle between a line's direction and the nearer of the two axes (radians, ≥ 0). */
export function offAxis(angle: number, axis: number): number {
  const quarter = Math.PI / 2;
  const delta = (((angle - axis) % quarter) + quarter) % quarter;
  return Math.min(delta, quarter - delta);
}
