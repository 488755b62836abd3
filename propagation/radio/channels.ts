/**
 * EU / France Wi-Fi channel plan (rf_reference.md §3.4: ETSI EN 300 328, EN 301 893, EN 303 687, wireless-regdb FR).
 * Centre frequency of a 20 MHz channel n: 2407 + 5n (2.4 GHz), 5000 + 5n (5 GHz), 5950 + 5n (6 GHz).
 * Power limits are maximum mean EIRP; 5 GHz DFS sub-bands assume TPC (without TPC: 3 dB less).
 */
export type BandId = '2.4' | '5' | '6';
export type ChannelWidthMHz = 20 | 40 | 80 | 160;

export interface ChannelInfo {
  band: BandId;
  channel: number;
  centerMHz: number;
  dfs: boolean;
  maxEirpDbm: number;
}

const BAND_START_MHZ: Record<BandId, number> = { '2.4': 2407, '5': 5000, '6': 5950 };

const range = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step);

function channelInfo(band: BandId, channel: number): ChannelInfo {
  let dfs = false;
  let maxEirpDbm = 20;
  if (band === '5') {
    dfs = channel >= 52;
    maxEirpDbm = channel >= 100 ? 30 : 23;
  } else if (band === '6') {
    maxEirpDbm = 23;
  }
  return { band, channel, centerMHz: BAND_START_MHZ[band] + 5 * channel, dfs, maxEirpDbm };
}

export const CHANNELS_20MHZ: Readonly<Record<BandId, readonly ChannelInfo[]>> = {
  '2.4': range(1, 13, 1).map((channel) => channelInfo('2.4', channel)),
  '5': [...range(36, 64, 4), ...range(100, 140, 4)].map((channel) => channelInfo('5', channel)),
  '6': range(1, 93, 4).map((channel) => channelInfo('6', channel)),
};

export const BAND_WIDTHS_MHZ: Readonly<Record<BandId, readonly ChannelWidthMHz[]>> = {
  '2.4': [20, 40],
  '5': [20, 40, 80, 160],
  '6': [20, 40, 80, 160],
};

export function isLegalChannel(band: BandId, channel: number): boolean {
  return CHANNELS_20MHZ[band].some((info) => info.channel === channel);
}

export interface ChannelBlock {
  /** Centre frequency of the whole (possibly bonded) channel. */
  centerMHz: number;
  widthMHz: ChannelWidthMHz;
  /** The 20 MHz channels the block occupies. */
  channels: number[];
}

/**
 * The bonded block a primary channel belongs to at a given width, or null when it is not legal in the EU
 * (e.g. channel 140 at 40 MHz would need channel 144). 2.4 GHz 40 MHz: HT40+ up to channel 9, HT40− above.
 */
export function channelBlock(band: BandId, primary: number, widthMHz: ChannelWidthMHz): ChannelBlock | null {
  if (!isLegalChannel(band, primary) || !BAND_WIDTHS_MHZ[band].includes(widthMHz)) return null;
  const start = BAND_START_MHZ[band];
  if (band === '2.4') {
    if (widthMHz === 20) return { centerMHz: start + 5 * primary, widthMHz, channels: [primary] };
    const secondary = primary <= 9 ? primary + 4 : primary - 4;
    if (!isLegalChannel(band, secondary)) return null;
    return { centerMHz: start + 5 * ((primary + secondary) / 2), widthMHz, channels: [primary, secondary].sort((a, b) => a - b) };
  }
  const span = widthMHz / 5; // channel numbers covered by the block
  const base = band === '6' ? 1 : primary >= 100 ? 100 : 36;
  const first = base + Math.floor((primary - base) / span) * span;
  const channels = range(first, first + span - 4, 4);
  if (!channels.every((channel) => isLegalChannel(band, channel))) return null;
  const centreChannel = first + (span - 4) / 2;
  return { centerMHz: start + 5 * centreChannel, widthMHz, channels };
}

export function maxEirpDbm(band: BandId, channel: number): number {
  return CHANNELS_20MHZ[band].find((info) => info.channel === channel)?.maxEirpDbm ?? 20;
}

/**
 * Centre frequency of any 20 MHz channel number of the band, allowed in France or not (a project from another
 * country carries 5 GHz channel 149, 2.4 GHz channel 14): 2407 + 5n (2484 MHz for channel 14), 5000 + 5n,
 * 5950 + 5n. Null for a number outside the band's numbering.
 */
export function channelCentreMHz(band: BandId, channel: number): number | null {
  if (!Number.isInteger(channel)) return null;
  if (band === '2.4') return channel === 14 ? 2484 : channel >= 1 && channel <= 13 ? 2407 + 5 * channel : null;
  if (band === '5') return channel >= 32 && channel <= 181 ? 5000 + 5 * channel : null;
  return channel >= 1 && channel <= 233 ? 5950 + 5 * channel : null;
}

/**
 * The block a primary channel occupies at a width, as radios use it whatever the country: the EU block when the
 * channel is allowed in France, else the worldwide 5 GHz layout (blocks from 36 up to 144, from 149 up to 177) or
 * 6 GHz layout (from 1), else the primary channel alone. Null only for a number outside the band.
 */
export function anyChannelBlock(band: BandId, primary: number, widthMHz: ChannelWidthMHz): ChannelBlock | null {
  const legal = channelBlock(band, primary, widthMHz);
  if (legal) return legal;
  const centre = channelCentreMHz(band, primary);
  if (centre === null) return null;
  const base = band === '6' ? 1 : primary >= 149 ? 149 : 36;
  if (band === '2.4' || widthMHz === 20 || primary < base || (primary - base) % 4 !== 0) return { centerMHz: centre, widthMHz: 20, channels: [primary] };
  const span = widthMHz / 5;
  const first = base + Math.floor((primary - base) / span) * span;
  const channels = range(first, first + span - 4, 4);
  return { centerMHz: BAND_START_MHZ[band] + 5 * (first + (span - 4) / 2), widthMHz, channels };
}
