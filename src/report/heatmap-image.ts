/**
 * Heatmaps for print: the prediction grid resampled bilinearly between cell centres (no 0.5 m squares on paper), then
 * painted with a stepped scale whose steps are the study's own thresholds (the requirement, −67 dBm, the profile's
 * SNR and rate), a rate scale that fits the band, and categories for counts. Cells without signal stay transparent
 * and are left out of the interpolation.
 */
import { NO_SIGNAL_DBM, type GridSpec } from '../../propagation/scene/types.ts';
import type { ReportLayer } from './report-kinds.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface ReportScale {
  kind: 'stepped' | 'categories';
  /** Stepped: ascending edges; step i is [edges[i], edges[i+1]) and values below edges[0] take step 0. Categories: the values 0, 1, 2… (the last is « n or more »). */
  edges: number[];
  colours: Rgb[];
  /** Thresholds of the study marked on the legend (the requirement), a subset of `edges`. */
  marks: number[];
  unit: string;
}

const rgb = (r: number, g: number, b: number): Rgb => ({ r, g, b });
/** Red → orange → yellow → light green → green → dark green (colour-blind safe enough in print with the labels). */
const SIGNAL = [rgb(150, 20, 20), rgb(215, 48, 39), rgb(244, 109, 67), rgb(253, 174, 97), rgb(254, 224, 139), rgb(217, 239, 139), rgb(166, 217, 106), rgb(102, 189, 99), rgb(26, 152, 80), rgb(0, 104, 55)];

/** Highest PHY rate worth a step, per band (2×2 Wi-Fi 6 at the widths the bands use). */
const RATE_MAX_MBPS: Record<string, number> = { '2.4': 300, '5': 1200, '6': 2400 };

function stepped(edges: number[], marks: number[], unit: string): ReportScale {
  const sorted = [...new Set(edges.map((value) => Math.round(value * 10) / 10))].sort((a, b) => a - b);
  const colours = sorted.map((_, index) => SIGNAL[Math.round((index / Math.max(1, sorted.length - 1)) * (SIGNAL.length - 1))]!);
  return { kind: 'stepped', edges: sorted, colours, marks: [...new Set(marks)].sort((a, b) => a - b), unit };
}

export interface LayerThresholds {
  rssiDbm: number[];
  snrDb: number[];
  rateMbps: number[];
}

export function reportScale(layer: ReportLayer, band: string, thresholds: LayerThresholds): ReportScale | null {
  switch (layer) {
    case 'rssi':
      return stepped([-90, -85, -80, -75, -70, -67, -60, -50, ...thresholds.rssiDbm], [-67, ...thresholds.rssiDbm], 'dBm');
    case 'snr':
      return stepped([0, 5, 10, 15, 20, 25, 30, 40, ...thresholds.snrDb], thresholds.snrDb, 'dB');
    case 'rate': {
      const max = RATE_MAX_MBPS[band] ?? 1200;
      const steps = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75].map((share) => Math.round(max * share));
      return stepped([...steps, ...thresholds.rateMbps], thresholds.rateMbps, 'Mb/s');
    }
    case 'adjacent-channel':
      return stepped([-100, -90, -85, -82, -75, -70, -62], [-82], 'dBm');
    case 'roaming':
      return stepped([0, 3, 5, 8, 10, 15], [5], 'dB');
    case 'overlap':
    case 'channel-overlap':
      return { kind: 'categories', edges: [0, 1, 2, 3, 4], colours: layer === 'overlap' ? [rgb(215, 48, 39), rgb(253, 174, 97), rgb(102, 189, 99), rgb(26, 152, 80), rgb(0, 104, 55)] : [rgb(26, 152, 80), rgb(166, 217, 106), rgb(254, 224, 139), rgb(244, 109, 67), rgb(165, 0, 38)], marks: [], unit: '' };
    default:
      return null;
  }
}

/** The step (or category) a value falls in. */
export function stepIndex(scale: ReportScale, value: number): number {
  if (scale.kind === 'categories') return Math.max(0, Math.min(scale.edges.length - 1, Math.round(value)));
  let index = 0;
  while (index + 1 < scale.edges.length && value >= scale.edges[index + 1]!) index++;
  return index;
}

export function paint(values: Float32Array, scale: ReportScale): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (!(value > NO_SIGNAL_DBM)) continue;
    const colour = scale.colours[stepIndex(scale, value)]!;
    out[index * 4] = colour.r;
    out[index * 4 + 1] = colour.g;
    out[index * 4 + 2] = colour.b;
    out[index * 4 + 3] = 255;
  }
  return out;
}

/**
 * The grid resampled `factor` times finer: each fine pixel takes the bilinear mean of the four nearest cell centres
 * that have a value (weights renormalised, so the edge of the covered area does not fade to « no signal »).
 * Categorical layers (counts) use the nearest cell instead.
 */
export function resample(values: Float32Array, grid: Pick<GridSpec, 'nx' | 'ny'>, factor: number, nearest = false): { values: Float32Array; width: number; height: number } {
  const width = grid.nx * factor;
  const height = grid.ny * factor;
  const out = new Float32Array(width * height).fill(NO_SIGNAL_DBM);
  const at = (i: number, j: number) => values[Math.max(0, Math.min(grid.ny - 1, j)) * grid.nx + Math.max(0, Math.min(grid.nx - 1, i))]!;
  for (let y = 0; y < height; y++) {
    const gy = (y + 0.5) / factor - 0.5;
    const j0 = Math.floor(gy);
    const fy = gy - j0;
    for (let x = 0; x < width; x++) {
      const gx = (x + 0.5) / factor - 0.5;
      const i0 = Math.floor(gx);
      const fx = gx - i0;
      const own = at(Math.floor((x + 0.5) / factor), Math.floor((y + 0.5) / factor));
      if (!(own > NO_SIGNAL_DBM)) continue;
      if (nearest) {
        out[y * width + x] = own;
        continue;
      }
      let sum = 0;
      let weight = 0;
      for (const [di, dj, w] of [[0, 0, (1 - fx) * (1 - fy)], [1, 0, fx * (1 - fy)], [0, 1, (1 - fx) * fy], [1, 1, fx * fy]] as const) {
        const value = at(i0 + di, j0 + dj);
        if (value > NO_SIGNAL_DBM && w > 0) {
          sum += value * w;
          weight += w;
        }
      }
      out[y * width + x] = weight > 0 ? sum / weight : own;
    }
  }
  return { values: out, width, height };
}

/** How many pixels per cell make the printed pixel about 1.5 pt, within a 4-megapixel image. */
export function resampleFactor(cellPoints: number, cells: number): number {
  const wanted = Math.max(1, Math.min(8, Math.ceil(cellPoints / 1.5)));
  const allowed = Math.max(1, Math.floor(Math.sqrt(4_000_000 / Math.max(1, cells))));
  return Math.min(wanted, allowed);
}
