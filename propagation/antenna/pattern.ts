/**
 * Antenna gain from two cuts, combined as in 3GPP TR 38.901 §7.3: A(φ, θ) = −min(−(A_az(φ) + A_el(θ)), A_m),
 * with A_m the front-to-back floor (dB). φ: azimuth from boresight, clockwise; θ: elevation below boresight.
 */
import type { AntennaPatternCuts } from '../scene/types.ts';

export const DEFAULT_PATTERN_FLOOR_DB = 30;

function sampleCircular(cut: readonly number[], angleDeg: number): number {
  const step = 360 / cut.length;
  let position = (((angleDeg % 360) + 360) % 360) / step;
  const index = Math.floor(position);
  position -= index;
  const a = cut[index % cut.length]!;
  const b = cut[(index + 1) % cut.length]!;
  return a + (b - a) * position;
}

function sampleElevation(cut: readonly number[], angleDeg: number): number {
  if (cut.length === 1) return cut[0]!;
  const clamped = Math.max(-90, Math.min(90, angleDeg));
  let position = ((clamped + 90) / 180) * (cut.length - 1);
  const index = Math.min(cut.length - 2, Math.floor(position));
  position -= index;
  return cut[index]! + (cut[index + 1]! - cut[index]!) * position;
}

/** Gain relative to boresight (dB, ≤ 0) for a direction given relative to the antenna's boresight. */
export function relativeGainDb(pattern: AntennaPatternCuts, azimuthFromBoresightDeg: number, elevationBelowBoresightDeg: number, floorDb = DEFAULT_PATTERN_FLOOR_DB): number {
  const sum = sampleCircular(pattern.azimuthCutDb, azimuthFromBoresightDeg) + sampleElevation(pattern.elevationCutDb, elevationBelowBoresightDeg);
  return Math.max(sum, -floorDb);
}

/** Parses a pattern file: JSON `{ azimuthCutDb: [...], elevationCutDb: [...] }` or CSV lines `cut,angleDeg,gainDb`. */
export function parsePatternText(text: string): AntennaPatternCuts {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as Partial<AntennaPatternCuts>;
    if (!Array.isArray(parsed.azimuthCutDb) || !Array.isArray(parsed.elevationCutDb)) throw new Error('pattern: azimuthCutDb and elevationCutDb required');
    return normaliseCuts(parsed.azimuthCutDb.map(Number), parsed.elevationCutDb.map(Number));
  }
  const azimuth: [number, number][] = [];
  const elevation: [number, number][] = [];
  for (const line of trimmed.split(/\r?\n/)) {
    const [cut, angle, gain] = line.split(/[;,\t]/).map((cell) => cell.trim());
    const angleDeg = Number(angle);
    const gainDb = Number(gain);
    if (!Number.isFinite(angleDeg) || !Number.isFinite(gainDb)) continue; // header or blank line
    const name = (cut ?? '').toLowerCase();
    if (name.startsWith('az') || name === 'h') azimuth.push([angleDeg, gainDb]);
    else if (name.startsWith('el') || name === 'v') elevation.push([angleDeg, gainDb]);
  }
  if (azimuth.length < 2 || elevation.length < 2) throw new Error('pattern: at least two azimuth and two elevation samples');
  return normaliseCuts(resampleCircular(azimuth), resampleElevation(elevation));
}

function resampleCircular(samples: [number, number][]): number[] {
  const sorted = samples.map(([angle, gain]) => [((angle % 360) + 360) % 360, gain] as [number, number]).sort((a, b) => a[0] - b[0]);
  return Array.from({ length: 360 }, (_, degree) => interpolateSorted(sorted, degree, true));
}

function resampleElevation(samples: [number, number][]): number[] {
  const sorted = [...samples].sort((a, b) => a[0] - b[0]);
  return Array.from({ length: 181 }, (_, index) => interpolateSorted(sorted, index - 90, false));
}

function interpolateSorted(sorted: [number, number][], angle: number, circular: boolean): number {
  for (let index = 0; index < sorted.length; index++) {
    const [a1, g1] = sorted[index]!;
    if (angle <= a1) {
      if (index === 0) {
        if (!circular) return g1;
        const [a0, g0] = sorted[sorted.length - 1]!;
        return g0 + ((g1 - g0) * (angle - (a0 - 360))) / (a1 - (a0 - 360));
      }
      const [a0, g0] = sorted[index - 1]!;
      return a1 === a0 ? g1 : g0 + ((g1 - g0) * (angle - a0)) / (a1 - a0);
    }
  }
  const [aLast, gLast] = sorted[sorted.length - 1]!;
  if (!circular) return gLast;
  const [aFirst, gFirst] = sorted[0]!;
  return gLast + ((gFirst - gLast) * (angle - aLast)) / (aFirst + 360 - aLast);
}

/** Shifts both cuts so their maximum is 0 dB (gain is given separately, at boresight). */
function normaliseCuts(azimuthCutDb: number[], elevationCutDb: number[]): AntennaPatternCuts {
  if ([...azimuthCutDb, ...elevationCutDb].some((value) => !Number.isFinite(value))) throw new Error('pattern: non-numeric gain');
  const azimuthMax = Math.max(...azimuthCutDb);
  const elevationMax = Math.max(...elevationCutDb);
  return { azimuthCutDb: azimuthCutDb.map((value) => value - azimuthMax), elevationCutDb: elevationCutDb.map((value) => value - elevationMax) };
}
