import type { InterferenceSource } from '../model/schema.ts';
import type { Point } from './geometry.ts';

type Kind = InterferenceSource['kind'];

/** Typical values per kind of source (EIRP while transmitting, share of time transmitting). */
export const SOURCE_DEFAULTS: Record<Kind, Pick<InterferenceSource, 'band' | 'centerFrequencyMHz' | 'bandwidthMHz' | 'powerDbm' | 'dutyCycle'>> = {
  'micro-ondes': { band: '2.4', centerFrequencyMHz: 2450, bandwidthMHz: 20, powerDbm: 20, dutyCycle: 0.5 },
  bluetooth: { band: '2.4', centerFrequencyMHz: 2441, bandwidthMHz: 1, powerDbm: 4, dutyCycle: 0.3 },
  'video-sans-fil': { band: '5', centerFrequencyMHz: 5800, bandwidthMHz: 20, powerDbm: 20, dutyCycle: 1 },
  radar: { band: '5', centerFrequencyMHz: 5600, bandwidthMHz: 5, powerDbm: 30, dutyCycle: 0.01 },
  // European DECT sits at 1880–1900 MHz: placed for the record, outside every Wi-Fi band.
  dect: { band: '2.4', centerFrequencyMHz: 1890, bandwidthMHz: 2, powerDbm: 24, dutyCycle: 0.1 },
  autre: { band: '2.4', centerFrequencyMHz: 2440, bandwidthMHz: 20, powerDbm: 10, dutyCycle: 0.5 },
};

export function newSource(id: string, levelId: string, kind: Kind, name: string, at: Point): InterferenceSource {
  return { id, levelId, name, kind, position: { xM: at.x, yM: at.y }, ...SOURCE_DEFAULTS[kind] };
}
