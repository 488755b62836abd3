import type { BandId } from '../radio/channels.ts';

/**
 * Share of a radio's airtime its beacons take: one beacon per SSID every 102.4 ms (100 TU), each a preamble plus
 * ~300 bytes at the lowest basic rate (1 Mb/s DSSS with long preamble on 2.4 GHz, 6 Mb/s OFDM elsewhere).
 */
export function beaconOverhead(band: BandId, ssidCount: number, beaconBytes = 300): number {
  const [preambleUs, rateMbps] = band === '2.4' ? [192, 1] : [20, 6];
  const perBeaconUs = preambleUs + (beaconBytes * 8) / rateMbps;
  return (ssidCount * perBeaconUs) / 102_400;
}
