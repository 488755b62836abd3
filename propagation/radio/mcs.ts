/**
 * IEEE 802.11n/ac/ax modulation and coding schemes (rf_reference.md §3.2).
 * Rate = N_SD · N_BPSCS · R · N_SS / (T_DFT + T_GI). Minimum sensitivity for 20 MHz from IEEE 802.11-2020
 * Table 21-25 (VHT) and 802.11ax-2021 Table 27-51 (HE MCS 10–11), +3 dB per doubling of width.
 * Required SNR = sensitivity + 86 dB (kTB −101 dBm + 10 dB NF + 5 dB implementation margin).
 */
import type { ChannelWidthMHz } from './channels.ts';

export type PhyStandard = 'ht' | 'vht' | 'he';

interface McsRow {
  bitsPerSubcarrier: number;
  codingRate: number;
  sensitivity20Dbm: number;
}

export const MCS_TABLE: readonly McsRow[] = [
  { bitsPerSubcarrier: 1, codingRate: 1 / 2, sensitivity20Dbm: -82 },
  { bitsPerSubcarrier: 2, codingRate: 1 / 2, sensitivity20Dbm: -79 },
  { bitsPerSubcarrier: 2, codingRate: 3 / 4, sensitivity20Dbm: -77 },
  { bitsPerSubcarrier: 4, codingRate: 1 / 2, sensitivity20Dbm: -74 },
  { bitsPerSubcarrier: 4, codingRate: 3 / 4, sensitivity20Dbm: -70 },
  { bitsPerSubcarrier: 6, codingRate: 2 / 3, sensitivity20Dbm: -66 },
  { bitsPerSubcarrier: 6, codingRate: 3 / 4, sensitivity20Dbm: -65 },
  { bitsPerSubcarrier: 6, codingRate: 5 / 6, sensitivity20Dbm: -64 },
  { bitsPerSubcarrier: 8, codingRate: 3 / 4, sensitivity20Dbm: -59 },
  { bitsPerSubcarrier: 8, codingRate: 5 / 6, sensitivity20Dbm: -57 },
  { bitsPerSubcarrier: 10, codingRate: 3 / 4, sensitivity20Dbm: -54 },
  { bitsPerSubcarrier: 10, codingRate: 5 / 6, sensitivity20Dbm: -52 },
];

const MAX_MCS: Record<PhyStandard, number> = { ht: 7, vht: 9, he: 11 };
const DATA_SUBCARRIERS: Record<PhyStandard, Record<ChannelWidthMHz, number>> = {
  ht: { 20: 52, 40: 108, 80: 0, 160: 0 },
  vht: { 20: 52, 40: 108, 80: 234, 160: 468 },
  he: { 20: 234, 40: 468, 80: 980, 160: 1960 },
};
const SYMBOL_US: Record<PhyStandard, number> = { ht: 3.2, vht: 3.2, he: 12.8 };

export const GUARD_INTERVALS_US: Record<PhyStandard, readonly number[]> = { ht: [0.8, 0.4], vht: [0.8, 0.4], he: [0.8, 1.6, 3.2] };

export function maxMcs(standard: PhyStandard): number {
  return MAX_MCS[standard];
}

/** PHY rate in Mb/s, or 0 when the combination does not exist (HT at 80 MHz, MCS above the standard's range). */
export function phyRateMbps(standard: PhyStandard, mcs: number, widthMHz: ChannelWidthMHz, spatialStreams: number, guardIntervalUs: number): number {
  const row = MCS_TABLE[mcs];
  const subcarriers = DATA_SUBCARRIERS[standard][widthMHz];
  if (!row || mcs > MAX_MCS[standard] || subcarriers === 0) return 0;
  // VHT MCS 9 does not exist at 20 MHz for 1, 2 or 4 streams (non-integer bits per symbol).
  if (standard === 'vht' && mcs === 9 && widthMHz === 20 && spatialStreams !== 3 && spatialStreams !== 6) return 0;
  return (subcarriers * row.bitsPerSubcarrier * row.codingRate * spatialStreams) / (SYMBOL_US[standard] + guardIntervalUs);
}

export function minSensitivityDbm(mcs: number, widthMHz: ChannelWidthMHz): number {
  const row = MCS_TABLE[mcs];
  if (!row) throw new RangeError(`MCS ${mcs}`);
  return row.sensitivity20Dbm + 3 * Math.log2(widthMHz / 20);
}

export function requiredSnrDb(mcs: number): number {
  const row = MCS_TABLE[mcs];
  if (!row) throw new RangeError(`MCS ${mcs}`);
  return row.sensitivity20Dbm + 86;
}

export interface ClientCapability {
  standard: PhyStandard;
  spatialStreams: number;
  maxWidthMHz: ChannelWidthMHz;
  guardIntervalUs: number;
}

/**
 * Rate table for one link setup: thresholds (RSSI and SINR) per MCS, highest first, so the per-cell lookup is a
 * short scan without logarithms.
 */
export interface RateLadder {
  rssiThresholdDbm: Float32Array;
  sinrThresholdDb: Float32Array;
  rateMbps: Float32Array;
}

export function rateLadder(client: ClientCapability, apStreams: number, widthMHz: ChannelWidthMHz): RateLadder {
  const width = Math.min(widthMHz, client.maxWidthMHz) as ChannelWidthMHz;
  const streams = Math.max(1, Math.min(client.spatialStreams, apStreams));
  const rows: { rssi: number; sinr: number; rate: number }[] = [];
  for (let mcs = MAX_MCS[client.standard]; mcs >= 0; mcs--) {
    const rate = phyRateMbps(client.standard, mcs, width, streams, client.guardIntervalUs);
    if (rate > 0) rows.push({ rssi: minSensitivityDbm(mcs, width), sinr: requiredSnrDb(mcs), rate });
  }
  return {
    rssiThresholdDbm: Float32Array.from(rows, (row) => row.rssi),
    sinrThresholdDb: Float32Array.from(rows, (row) => row.sinr),
    rateMbps: Float32Array.from(rows, (row) => row.rate),
  };
}

/** Highest PHY rate whose sensitivity and SINR requirement are both met; 0 when even MCS 0 fails. */
export function rateFromLadder(ladder: RateLadder, rssiDbm: number, sinrDb: number): number {
  for (let index = 0; index < ladder.rateMbps.length; index++) {
    if (rssiDbm >= ladder.rssiThresholdDbm[index]! && sinrDb >= ladder.sinrThresholdDb[index]!) return ladder.rateMbps[index]!;
  }
  return 0;
}

/**
 * The same ladder as lookup tables on whole decibels: every threshold is a whole number of dB (sensitivities step
 * by 3 dB per width doubling), so value ≥ threshold ⇔ floor(value) ≥ threshold and the lookup is exact.
 */
export interface RateLookup {
  offsetDb: number;
  /** Per whole dB from offsetDb: number of ladder steps (from the top) failing the RSSI, resp. SINR, test. */
  rssiRank: Uint8Array;
  sinrRank: Uint8Array;
  /** rateMbps[rank], with a final 0 for "nothing decodes". */
  rateMbps: Float32Array;
}

export function rateLookup(ladder: RateLadder, offsetDb = -250, spanDb = 400): RateLookup {
  const steps = ladder.rateMbps.length;
  const rankFor = (thresholds: Float32Array, value: number) => {
    for (let index = 0; index < steps; index++) if (value >= thresholds[index]!) return index;
    return steps;
  };
  const rssiRank = new Uint8Array(spanDb);
  const sinrRank = new Uint8Array(spanDb);
  for (let index = 0; index < spanDb; index++) {
    rssiRank[index] = rankFor(ladder.rssiThresholdDbm, offsetDb + index);
    sinrRank[index] = rankFor(ladder.sinrThresholdDb, offsetDb + index);
  }
  const rateMbps = new Float32Array(steps + 1);
  rateMbps.set(ladder.rateMbps);
  return { offsetDb, rssiRank, sinrRank, rateMbps };
}

export function rateFromLookup(lookup: RateLookup, rssiDbm: number, sinrDb: number): number {
  const last = lookup.rssiRank.length - 1;
  const rssiIndex = Math.max(0, Math.min(last, Math.floor(rssiDbm) - lookup.offsetDb));
  const sinrIndex = Math.max(0, Math.min(last, Math.floor(sinrDb) - lookup.offsetDb));
  return lookup.rateMbps[Math.max(lookup.rssiRank[rssiIndex]!, lookup.sinrRank[sinrIndex]!)]!;
}
