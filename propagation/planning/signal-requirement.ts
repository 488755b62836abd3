/**
 * The placement works on one signal level per zone. A requirement profile asks more than a primary RSSI: an SNR
 * (RSSI − noise floor of the channel width) and possibly a minimum PHY rate, which the client reaches at some
 * RSSI and SNR. With a fixed noise floor each of these is itself a minimum RSSI, so the level to place for is the
 * strictest of the three; the result says which criterion set it.
 */
import { rateLadder, type ClientCapability } from '../radio/mcs.ts';
import type { ChannelWidthMHz } from '../radio/channels.ts';

export type SignalDriver = 'signal' | 'snr' | 'debit';

export interface SignalRequirement {
  minPrimaryRssiDbm: number;
  minSnrDb: number;
  minPhyRateMbps: number | null;
}

export interface RequiredSignal {
  /** RSSI every cell must reach (dBm); +∞ when the rate cannot be reached at any signal. */
  signalDbm: number;
  driver: SignalDriver;
}

/**
 * The lowest RSSI at which the client reaches `minPhyRateMbps` on this link: over the MCS rows fast enough, the
 * smallest max(sensitivity, noise + required SNR).
 */
export function signalForRateDbm(minPhyRateMbps: number, noiseDbm: number, client: ClientCapability, apStreams: number, widthMHz: ChannelWidthMHz): number {
  const ladder = rateLadder(client, apStreams, widthMHz);
  let best = Number.POSITIVE_INFINITY;
  for (let row = 0; row < ladder.rateMbps.length; row++) {
    if (ladder.rateMbps[row]! < minPhyRateMbps) continue;
    best = Math.min(best, Math.max(ladder.rssiThresholdDbm[row]!, noiseDbm + ladder.sinrThresholdDb[row]!));
  }
  return best;
}

export function requiredSignal(requirement: SignalRequirement, noiseDbm: number, client: ClientCapability, apStreams: number, widthMHz: ChannelWidthMHz): RequiredSignal {
  let result: RequiredSignal = { signalDbm: requirement.minPrimaryRssiDbm, driver: 'signal' };
  const forSnr = noiseDbm + requirement.minSnrDb;
  if (forSnr > result.signalDbm) result = { signalDbm: forSnr, driver: 'snr' };
  if (requirement.minPhyRateMbps !== null && requirement.minPhyRateMbps > 0) {
    const forRate = signalForRateDbm(requirement.minPhyRateMbps, noiseDbm, client, apStreams, widthMHz);
    if (forRate > result.signalDbm) result = { signalDbm: forRate, driver: 'debit' };
  }
  return result;
}
