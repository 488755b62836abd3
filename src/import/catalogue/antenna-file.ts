/**
 * Vendor antenna pattern files, whatever their format: MSI Planet (`.msi`, `.pln`, most `.ant`) or NSMA / TIA-804
 * (`.nsm`, `.nsma`, some `.ant`), told apart by their content. Both become the pattern lines `az|el;angle;gain`
 * that parsePatternText reads (gains relative to the maximum, elevation −90° up to +90° down).
 */
import { readMsiPattern } from './msi-pattern.ts';
import { readNsmaPattern, looksLikeNsma } from './nsma-pattern.ts';

export interface AntennaFilePattern {
  name: string | null;
  make: string | null;
  frequencyMHz: number | null;
  /** Gain in dBi (a file in dBd gets 2.15 dB added). */
  gainDbi: number | null;
  /** `az;angle;gain` and `el;angle;gain` lines, gains ≤ 0 dB. */
  lines: string;
  /** What the reader chose among several cuts or frequencies, in French, for the user. */
  notes: string[];
}

export function readAntennaFile(text: string): AntennaFilePattern {
  return looksLikeNsma(text) ? readNsmaPattern(text) : readMsiPattern(text);
}

/**
 * A catalogue model from an antenna file alone (MSI Planet or NSMA): one radio on the band of its frequency, the
 * file's gain, a maximum power of 20 dBm at 2.4 GHz and 23 dBm at 5 or 6 GHz (the French EIRP caps bind anyway), two streams. As model-file
 * JSON, so that it goes through the same validation as any model file.
 */
export function antennaFileModel(text: string, fileName: string): { source: string; notes: string[] } {
  const pattern = readAntennaFile(text);
  const frequency = pattern.frequencyMHz ?? 5500;
  const band = frequency < 3000 ? '2.4' : frequency < 5925 ? '5' : '6';
  const perBand = (value: number) => ({ '2.4': band === '2.4' ? value : 0, '5': band === '5' ? value : 0, '6': band === '6' ? value : 0 });
  const source = JSON.stringify({
    vendor: (pattern.make ?? '').slice(0, 120),
    model: (pattern.name ?? fileName.replace(/\.[^.]+$/, '')).slice(0, 120) || fileName.slice(0, 120),
    bands: [band],
    maxTxPowerDbm: perBand(band === '2.4' ? 20 : 23),
    antennaGainDbi: perBand(Math.min(30, Math.max(-10, pattern.gainDbi ?? 0))),
    spatialStreams: 2,
    antennaPatternFile: text,
  });
  return { source, notes: pattern.notes };
}
