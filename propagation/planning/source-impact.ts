/**
 * Where non-Wi-Fi sources (microwave oven, video sender, Bluetooth, radar…) reach the clients of a band: the
 * strongest source level per cell, averaged over the source's duty cycle (power + 10·log10(duty)), computed with the
 * same propagation as the APs. Above the CCA threshold (−82 dBm) Wi-Fi defers or loses frames there.
 */
import { computeApFields } from '../field/ap-fields.ts';
import type { BandId } from '../radio/channels.ts';
import { NO_SIGNAL_DBM, type GridSpec, type Scene } from '../scene/types.ts';

export interface NonWifiSource {
  id: string;
  levelId: string;
  x: number;
  y: number;
  heightM: number;
  band: BandId;
  centerFrequencyMHz: number;
  powerDbm: number;
  dutyCycle: number;
}

/** Frequencies (MHz) of each Wi-Fi band: a source outside them (European DECT at 1.9 GHz) affects none. */
export const BAND_RANGE_MHZ: Record<BandId, [number, number]> = { '2.4': [2400, 2500], '5': [5150, 5895], '6': [5925, 6425] };

function affects(source: NonWifiSource, band: BandId): boolean {
  const [low, high] = BAND_RANGE_MHZ[band];
  return source.band === band && source.dutyCycle > 0 && source.centerFrequencyMHz >= low && source.centerFrequencyMHz <= high;
}

/** Duty-cycle-averaged level of each source affecting the band, per cell (dBm), by the APs' propagation. */
function sourceFields(scene: Scene, sources: readonly NonWifiSource[], levelId: string, band: BandId, grid: GridSpec): Float32Array[] {
  return sources.filter((source) => affects(source, band)).map((source) => sourceField(scene, source, levelId, band, grid));
}

/** Strongest source level per cell (dBm), for the map of what the sources affect. */
export function sourceImpact(scene: Scene, sources: readonly NonWifiSource[], levelId: string, band: BandId, grid: GridSpec): Float32Array {
  const out = new Float32Array(grid.nx * grid.ny).fill(NO_SIGNAL_DBM);
  for (const field of sourceFields(scene, sources, levelId, band, grid)) for (let cell = 0; cell < out.length; cell++) if (field[cell]! > out[cell]!) out[cell] = field[cell]!;
  return out;
}

/**
 * Summed source power per cell (mW) for the SINR, or null when no source is in the band. A source's whole
 * duty-averaged power counts inside any Wi-Fi channel of its band: microwave ovens and analogue senders sweep or
 * spread over tens of MHz, so this is the cautious reading.
 */
export function sourceInterferenceMw(scene: Scene, sources: readonly NonWifiSource[], levelId: string, band: BandId, grid: GridSpec): Float32Array | null {
  const fields = sourceFields(scene, sources, levelId, band, grid);
  if (fields.length === 0) return null;
  const out = new Float32Array(grid.nx * grid.ny);
  for (const field of fields) for (let cell = 0; cell < out.length; cell++) if (field[cell]! > NO_SIGNAL_DBM) out[cell]! += 10 ** (field[cell]! / 10);
  return out;
}

function sourceField(scene: Scene, source: NonWifiSource, levelId: string, band: BandId, grid: GridSpec): Float32Array {
  const [field] = computeApFields(
    scene,
    [
      {
        id: `source-${source.id}`,
        apId: `source-${source.id}`,
        levelId: source.levelId,
        x: source.x,
        y: source.y,
        mountingHeightM: source.heightM,
        azimuthDeg: 0,
        tiltDeg: 0,
        band,
        channel: 1,
        centerMHz: source.centerFrequencyMHz,
        widthMHz: 20,
        txPowerDbm: source.powerDbm + 10 * Math.log10(Math.min(1, source.dutyCycle)),
        antennaGainDbi: 0,
        pattern: null,
        spatialStreams: 1,
      },
    ],
    levelId,
    grid,
  );
  return field!;
}
