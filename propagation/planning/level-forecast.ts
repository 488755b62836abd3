/**
 * Forecast per radio for one level, across its bands (the contract's « prévision de performance par borne, par
 * bande de fréquence, et par SSID »), from the same layers as the heatmap.
 *
 * Band split: a zone's users are spread evenly over its cells; in each cell they go to the highest band whose
 * signal meets the zone's primary level there (band steering: 6 GHz, then 5, then 2.4), or else to the band heard
 * loudest. Then, per band, the capacity model of capacity.ts: clients and airtime per radio, flagged above the
 * airtime limit of the zones it serves. Per radio also: area served at each threshold, and the PHY rate at its cell
 * edge, taken as the 10th percentile of the rates over the zone cells it serves.
 */
import type { BandLayers } from '../layers/band-layers.ts';
import type { BandId } from '../radio/channels.ts';
import { bandCapacity, type CapacityZone } from './capacity.ts';

export interface ForecastBandInput {
  band: BandId;
  /** Radio ids in the order `layers.serving` indexes them. */
  radioIds: string[];
  layers: Pick<BandLayers, 'best' | 'serving' | 'rateMbps'>;
}

export interface ForecastZone {
  id: string;
  mask: Uint8Array;
  users: number;
  throughputPerUserMbps: number;
  airtimeLimit: number;
  minPrimaryRssiDbm: number;
}

export interface RadioForecastRow {
  radioId: string;
  band: BandId;
  /** Area (m²) the radio serves at or above each of the thresholds asked, in their order. */
  servedAreaM2: number[];
  clients: number;
  airtime: number;
  airtimeLimit: number;
  overLimit: boolean;
  edgeRateMbps: number;
}

export interface ZoneBandForecast {
  zoneId: string;
  band: BandId;
  /** Share of the zone's users on this band (0–1). */
  userShare: number;
  airtime: number;
  radiosNeeded: number;
  unservedUsers: number;
}

export interface LevelForecast {
  radios: RadioForecastRow[];
  zones: ZoneBandForecast[];
}

const BAND_PREFERENCE: BandId[] = ['6', '5', '2.4'];

/** Per zone, per band, the cells whose users go to that band. */
export function splitCellsByBand(bands: readonly ForecastBandInput[], zones: readonly ForecastZone[]): Map<BandId, Uint8Array>[] {
  const ordered = [...bands].sort((a, b) => BAND_PREFERENCE.indexOf(a.band) - BAND_PREFERENCE.indexOf(b.band));
  return zones.map((zone) => {
    const masks = new Map<BandId, Uint8Array>(ordered.map((entry) => [entry.band, new Uint8Array(zone.mask.length)]));
    for (let cell = 0; cell < zone.mask.length; cell++) {
      if (!zone.mask[cell]) continue;
      let chosen = ordered.find((entry) => entry.layers.best[cell]! >= zone.minPrimaryRssiDbm);
      if (!chosen) for (const entry of ordered) if (!chosen || entry.layers.best[cell]! > chosen.layers.best[cell]!) chosen = entry;
      if (chosen) masks.get(chosen.band)![cell] = 1;
    }
    return masks;
  });
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export function levelForecast(bands: readonly ForecastBandInput[], zones: readonly ForecastZone[], thresholdsDbm: readonly number[], cellAreaM2: number, macEfficiency = 0.6): LevelForecast {
  const split = splitCellsByBand(bands, zones);
  const inAnyZone = new Uint8Array(zones[0]?.mask.length ?? 0);
  for (const zone of zones) for (let cell = 0; cell < zone.mask.length; cell++) if (zone.mask[cell]) inAnyZone[cell] = 1;
  const radios: RadioForecastRow[] = [];
  const zoneRows: ZoneBandForecast[] = [];
  for (const entry of bands) {
    const capacityZones: CapacityZone[] = zones.map((zone, index) => {
      const mask = split[index]!.get(entry.band)!;
      let total = 0;
      let here = 0;
      for (let cell = 0; cell < zone.mask.length; cell++) {
        if (zone.mask[cell]) total++;
        if (mask[cell]) here++;
      }
      return { id: zone.id, mask, users: total === 0 ? 0 : (zone.users * here) / total, throughputPerUserMbps: zone.throughputPerUserMbps, airtimeLimit: zone.airtimeLimit };
    });
    const capacity = bandCapacity(entry.layers, entry.radioIds.length, capacityZones, { bandShare: 1, macEfficiency });
    capacity.zones.forEach((result, index) => {
      const zone = zones[index]!;
      zoneRows.push({ zoneId: zone.id, band: entry.band, userShare: zone.users === 0 ? 0 : capacityZones[index]!.users / zone.users, airtime: result.airtime, radiosNeeded: result.radiosNeeded, unservedUsers: result.unservedUsers });
    });
    const served = entry.radioIds.map(() => thresholdsDbm.map(() => 0));
    const rates: number[][] = entry.radioIds.map(() => []);
    for (let cell = 0; cell < entry.layers.serving.length; cell++) {
      const serving = entry.layers.serving[cell]!;
      if (serving < 0) continue;
      const best = entry.layers.best[cell]!;
      thresholdsDbm.forEach((threshold, index) => {
        if (best >= threshold) served[serving]![index]! += cellAreaM2;
      });
      if (inAnyZone[cell]) rates[serving]!.push(entry.layers.rateMbps[cell]!);
    }
    entry.radioIds.forEach((radioId, index) => {
      const load = capacity.radios[index]!;
      radios.push({ radioId, band: entry.band, servedAreaM2: served[index]!, clients: load.clients, airtime: load.airtime, airtimeLimit: load.airtimeLimit, overLimit: load.overLimit, edgeRateMbps: percentile(rates[index]!, 0.1) });
    });
  }
  return { radios, zones: zoneRows };
}
