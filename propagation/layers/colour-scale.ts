/** Colour scales for layer values (RGBA), shared by the app's heatmap, the CLI's PNG and the reports. */
import { NO_SIGNAL_DBM } from '../scene/types.ts';
import type { LayerName } from './band-layers.ts';

export interface ColourScale {
  min: number;
  max: number;
  /** Colour stops from min to max, as [r, g, b]. */
  stops: readonly (readonly [number, number, number])[];
}

const SIGNAL_STOPS = [[120, 0, 0], [230, 60, 30], [250, 200, 40], [120, 210, 60], [20, 150, 60]] as const;
const COUNT_STOPS = [[220, 220, 220], [120, 200, 120], [250, 200, 40], [230, 60, 30], [120, 0, 0]] as const;

export const DEFAULT_SCALES: Record<LayerName, ColourScale> = {
  rssi: { min: -90, max: -40, stops: SIGNAL_STOPS },
  second: { min: -90, max: -40, stops: SIGNAL_STOPS },
  third: { min: -90, max: -40, stops: SIGNAL_STOPS },
  snr: { min: 0, max: 45, stops: SIGNAL_STOPS },
  sinr: { min: 0, max: 45, stops: SIGNAL_STOPS },
  rate: { min: 0, max: 600, stops: SIGNAL_STOPS },
  overlap: { min: 0, max: 4, stops: COUNT_STOPS },
  'channel-overlap': { min: 0, max: 4, stops: COUNT_STOPS },
  // Leak from adjacent channels: grey when negligible, red where it nears the CCA level.
  'adjacent-channel': { min: -100, max: -60, stops: [[235, 235, 235], [250, 200, 40], [230, 60, 30], [150, 0, 60]] },
  roaming: { min: 0, max: 15, stops: [[230, 60, 30], [250, 200, 40], [120, 210, 60], [20, 150, 60]] },
  // Pass/fail codes 0–5 land exactly on the six stops: green = met, then one colour per first failed criterion.
  requirement: { min: 0, max: 5, stops: [[20, 150, 60], [200, 30, 30], [240, 140, 20], [170, 50, 160], [70, 70, 200], [140, 90, 40]] },
  serving: { min: 0, max: 12, stops: [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189]] },
};

/** Writes RGBA pixels for values; cells without signal stay transparent. */
export function colourise(values: Float32Array, scale: ColourScale, alpha = 255, out = new Uint8Array(values.length * 4)): Uint8Array {
  const { min, max, stops } = scale;
  const segments = stops.length - 1;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (value <= NO_SIGNAL_DBM || Number.isNaN(value)) {
      out[index * 4 + 3] = 0;
      continue;
    }
    const position = Math.max(0, Math.min(1, (value - min) / (max - min))) * segments;
    const segment = Math.min(segments - 1, Math.floor(position));
    const fraction = position - segment;
    const from = stops[segment]!;
    const to = stops[segment + 1]!;
    out[index * 4] = from[0] + (to[0] - from[0]) * fraction;
    out[index * 4 + 1] = from[1] + (to[1] - from[1]) * fraction;
    out[index * 4 + 2] = from[2] + (to[2] - from[2]) * fraction;
    out[index * 4 + 3] = alpha;
  }
  return out;
}

/** Measured − predicted (dB): red where the site is worse than predicted, blue where it is better, white around 0. */
export const DIFFERENCE_SCALE: ColourScale = { min: -20, max: 20, stops: [[178, 24, 43], [239, 138, 98], [247, 247, 247], [103, 169, 207], [33, 102, 172]] };

/** Non-Wi-Fi source level (dBm): grey far below the CCA threshold, red above it. */
export const SOURCE_SCALE: ColourScale = { min: -100, max: -60, stops: [[235, 235, 235], [250, 200, 40], [230, 60, 30], [150, 0, 60]] };
