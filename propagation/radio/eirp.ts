/**
 * Regulatory EIRP cap of a channel block (EU / France, rf_reference §3.4): the strictest limit over the 20 MHz
 * channels it occupies (a 5 GHz 160 MHz block on 36–64 takes the 23 dBm of both sub-bands). At 20 MHz and wider
 * the mean-EIRP caps bind before the PSD limits (10 dBm/MHz × 20 MHz = 23 dBm).
 */
import { channelBlock, maxEirpDbm, type BandId, type ChannelWidthMHz } from './channels.ts';

export function blockMaxEirpDbm(band: BandId, channel: number, widthMHz: ChannelWidthMHz): number {
  const channels = channelBlock(band, channel, widthMHz)?.channels ?? [channel];
  return Math.min(...channels.map((entry) => maxEirpDbm(band, entry)));
}

/** EIRP above the cap (dB; ≤ 0 when legal). */
export function eirpExcessDb(band: BandId, channel: number, widthMHz: ChannelWidthMHz, txPowerDbm: number, antennaGainDbi: number): number {
  return txPowerDbm + antennaGainDbi - blockMaxEirpDbm(band, channel, widthMHz);
}
