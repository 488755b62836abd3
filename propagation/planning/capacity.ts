/**
 * Capacity on one band from its layers: each zone's users (the share on this band) spread evenly over the zone's
 * cells, each wanting its throughput; a cell served at PHY rate R delivers R × MAC efficiency, so its users take
 * demand / (R × efficiency) of the serving radio's airtime. Per radio: expected clients and airtime, flagged
 * above the strictest airtime limit of the zones it serves. Per zone: demand, airtime, and radios needed
 * (⌈airtime / limit⌉).
 */
import type { BandLayers } from '../layers/band-layers.ts';

export interface CapacityZone {
  id: string;
  /** Cells of the zone on the layers' grid (1 = inside). */
  mask: Uint8Array;
  users: number;
  throughputPerUserMbps: number;
  /** Airtime a radio may spend (0–1): 0.7 for data, 0.5 for voice. */
  airtimeLimit: number;
}

export interface CapacityOptions {
  /** Share of each zone's users on this band (band steering), 0–1. */
  bandShare: number;
  /** Useful throughput / PHY rate (MAC overhead, contention). */
  macEfficiency: number;
}

export interface RadioCapacity {
  clients: number;
  airtime: number;
  airtimeLimit: number;
  overLimit: boolean;
}

export interface ZoneCapacity {
  id: string;
  demandMbps: number;
  airtime: number;
  radiosNeeded: number;
  /** Users in cells no radio serves at any rate. */
  unservedUsers: number;
}

export const DEFAULT_CAPACITY_OPTIONS: CapacityOptions = { bandShare: 1, macEfficiency: 0.6 };

export function bandCapacity(layers: Pick<BandLayers, 'serving' | 'rateMbps'>, radioCount: number, zones: readonly CapacityZone[], options: CapacityOptions = DEFAULT_CAPACITY_OPTIONS): { radios: RadioCapacity[]; zones: ZoneCapacity[] } {
  const radios: RadioCapacity[] = Array.from({ length: radioCount }, () => ({ clients: 0, airtime: 0, airtimeLimit: 1, overLimit: false }));
  const zoneResults = zones.map((zone): ZoneCapacity => {
    let cells = 0;
    for (const inside of zone.mask) if (inside) cells++;
    const usersPerCell = cells > 0 ? (zone.users * options.bandShare) / cells : 0;
    const demandPerCell = usersPerCell * zone.throughputPerUserMbps;
    let airtime = 0;
    let unservedUsers = 0;
    for (let cell = 0; cell < zone.mask.length; cell++) {
      if (!zone.mask[cell]) continue;
      const serving = layers.serving[cell]!;
      const rate = layers.rateMbps[cell]! * options.macEfficiency;
      if (serving < 0 || rate <= 0) {
        unservedUsers += usersPerCell;
        continue;
      }
      const cellAirtime = demandPerCell / rate;
      airtime += cellAirtime;
      const radio = radios[serving]!;
      radio.clients += usersPerCell;
      radio.airtime += cellAirtime;
      radio.airtimeLimit = Math.min(radio.airtimeLimit, zone.airtimeLimit);
    }
    return { id: zone.id, demandMbps: zone.users * options.bandShare * zone.throughputPerUserMbps, airtime, radiosNeeded: Math.ceil(airtime / zone.airtimeLimit - 1e-9), unservedUsers };
  });
  for (const radio of radios) radio.overLimit = radio.airtime > radio.airtimeLimit;
  return { radios, zones: zoneResults };
}
