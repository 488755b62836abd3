/**
 * How many APs a zone needs for its users, before any AP is placed: the zone's demand (users × share on the band ×
 * throughput per user) over what one radio delivers (the PHY rate reached at the given signal and SNR, × MAC
 * efficiency × the airtime a radio may spend). At the cell edge this is a worst case; the planner sizes on the
 * cell's median user instead (`medianUserMarginDb`). The placement adds APs only where this count exceeds
 * coverage's.
 */
import type { ChannelWidthMHz } from '../radio/channels.ts';
import { rateFromLadder, rateLadder, type ClientCapability } from '../radio/mcs.ts';

export interface CapacityDemand {
  users: number;
  throughputPerUserMbps: number;
  /** Share of the users on the band placed (band steering), 0–1. */
  bandShare: number;
  /** Airtime a radio may spend (0.7 data, 0.5 voice). */
  airtimeLimit: number;
  minPrimaryRssiDbm: number;
  minSnrDb: number;
}

export interface RadioSetup {
  client: ClientCapability;
  apStreams: number;
  widthMHz: ChannelWidthMHz;
  macEfficiency: number;
}

export function cellEdgeRateMbps(demand: Pick<CapacityDemand, 'minPrimaryRssiDbm' | 'minSnrDb'>, setup: RadioSetup): number {
  return rateFromLadder(rateLadder(setup.client, setup.apStreams, setup.widthMHz), demand.minPrimaryRssiDbm, demand.minSnrDb);
}

/** APs needed for the zone's traffic alone (0 when it has no users). */
export function apsForCapacity(demand: CapacityDemand, setup: RadioSetup): number {
  const load = demand.users * demand.bandShare * demand.throughputPerUserMbps;
  if (load <= 0) return 0;
  const perRadio = cellEdgeRateMbps(demand, setup) * setup.macEfficiency * demand.airtimeLimit;
  return perRadio > 0 ? Math.ceil(load / perRadio - 1e-9) : Number.POSITIVE_INFINITY;
}

/**
 * How much stronger than the cell edge the median user of a cell is: with users spread evenly over a disc of radius
 * R, half of them are within R/√2, and with path-loss exponent n the signal there is 10 n log10(√2) dB above the
 * edge (4.5 dB for n = 3).
 */
export const medianUserMarginDb = (pathLossExponent: number) => 10 * pathLossExponent * Math.log10(Math.SQRT2);
