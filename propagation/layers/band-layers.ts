/**
 * Per-band layers combined from per-radio fields (rf_reference.md §4.2):
 * strongest, 2nd and 3rd strongest RSSI and the serving radio; SNR; SINR with co- and adjacent-channel
 * interference (κ from the spectral mask, weighted by an assumed utilisation); radios heard above a threshold;
 * same-channel radios above the CCA level; expected PHY rate for a client.
 *
 * Interference is summed per channel class (same centre and width), so the per-cell work is O(radios + classes)
 * instead of O(radios²).
 */
import { channelBlock, type BandId, type ChannelWidthMHz } from '../radio/channels.ts';
import { rateFromLadder, rateLadder, type ClientCapability, type RateLadder } from '../radio/mcs.ts';
import { noiseFloorDbm } from '../radio/noise.ts';
import { channelCoupling } from '../radio/spectral-mask.ts';
import { requirementMap, type ZoneRequirementMask } from './zone-statistics.ts';
import { NO_SIGNAL_DBM } from '../scene/types.ts';

export interface LayerRadio {
  band: BandId;
  channel: number;
  widthMHz: ChannelWidthMHz;
  centerMHz: number;
  spatialStreams: number;
}

export interface BandLayerOptions {
  noiseFigureDb: number;
  /** Fraction of airtime interferers transmit (0–1). */
  utilisation: number;
  /** RSSI above which a radio counts as heard (overlap, roaming). */
  heardThresholdDbm: number;
  /** RSSI above which a same-channel radio makes the serving one defer (CCA, 20 MHz preamble detection). */
  ccaThresholdDbm: number;
  client: ClientCapability;
}

/** Adjacent-channel power below this (−130 dBm) is shown as none. */
export const ADJACENT_FLOOR_MW = 1e-13;

export const DEFAULT_LAYER_OPTIONS: BandLayerOptions = {
  noiseFigureDb: 7,
  utilisation: 0.5,
  heardThresholdDbm: -75,
  ccaThresholdDbm: -82,
  client: { standard: 'he', spatialStreams: 2, maxWidthMHz: 80, guardIntervalUs: 0.8 },
};

export interface BandLayers {
  best: Float32Array;
  second: Float32Array;
  third: Float32Array;
  /** Index into the radios given, −1 where none is heard. */
  serving: Int16Array;
  snr: Float32Array;
  sinr: Float32Array;
  heard: Uint8Array;
  coChannel: Uint8Array;
  rateMbps: Float32Array;
  /**
   * Power leaking into the serving channel from radios on channels that do not overlap it (mW, spectral-mask
   * coupling, as if they always transmitted). Kept in mW so an update pays no logarithm for it; the
   * 'adjacent-channel' layer gives it in dBm.
   */
  adjacentMw: Float32Array;
}

export const LAYER_NAMES = ['rssi', 'second', 'third', 'snr', 'sinr', 'rate', 'overlap', 'channel-overlap', 'adjacent-channel', 'serving', 'roaming', 'requirement'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

interface ChannelClass {
  centerMHz: number;
  widthMHz: ChannelWidthMHz;
  channels: number[];
}

function blocksOverlap(a: ChannelClass, b: ChannelClass): boolean {
  return a.channels.some((channel) => b.channels.includes(channel));
}

/**
 * Combines the fields (dBm) of the radios of one band on one level, from scratch, in double precision: the simple
 * reference that the incremental BandAccumulator is tested against.
 */
/** `externalMw`: in-band power of non-Wi-Fi sources per cell (mW, duty cycle included), added to the SINR's interference. */
export function combineBand(radios: readonly LayerRadio[], fields: readonly Float32Array[], cellCount: number, options: BandLayerOptions = DEFAULT_LAYER_OPTIONS, externalMw: Float32Array | null = null): BandLayers {
  const best = new Float32Array(cellCount).fill(NO_SIGNAL_DBM);
  const second = new Float32Array(cellCount).fill(NO_SIGNAL_DBM);
  const third = new Float32Array(cellCount).fill(NO_SIGNAL_DBM);
  const serving = new Int16Array(cellCount).fill(-1);
  const heard = new Uint8Array(cellCount);
  const snr = new Float32Array(cellCount).fill(NO_SIGNAL_DBM);
  const sinr = new Float32Array(cellCount).fill(NO_SIGNAL_DBM);
  const coChannel = new Uint8Array(cellCount);
  const rateMbps = new Float32Array(cellCount);
  const adjacentMw = new Float32Array(cellCount);

  // Channel classes and, per class, summed power and CCA-level counts.
  const classes: ChannelClass[] = [];
  const radioClass = radios.map((radio) => {
    const block = channelBlock(radio.band, radio.channel, radio.widthMHz) ?? { centerMHz: radio.centerMHz, widthMHz: radio.widthMHz, channels: [radio.channel] };
    let index = classes.findIndex((entry) => entry.centerMHz === block.centerMHz && entry.widthMHz === block.widthMHz);
    if (index < 0) index = classes.push({ centerMHz: block.centerMHz, widthMHz: block.widthMHz, channels: block.channels }) - 1;
    return index;
  });
  const classPower = classes.map(() => new Float64Array(cellCount));
  const classCca = classes.map(() => new Uint8Array(cellCount));
  const heardThreshold = options.heardThresholdDbm;
  const ccaThreshold = options.ccaThresholdDbm;

  for (let radioIndex = 0; radioIndex < radios.length; radioIndex++) {
    const field = fields[radioIndex]!;
    const classIndex = radioClass[radioIndex]!;
    const sum = classPower[classIndex]!;
    const cca = classCca[classIndex]!;
    for (let cell = 0; cell < cellCount; cell++) {
      const value = field[cell]!;
      if (value > third[cell]!) {
        if (value > second[cell]!) {
          third[cell] = second[cell]!;
          if (value > best[cell]!) {
            second[cell] = best[cell]!;
            best[cell] = value;
            serving[cell] = radioIndex;
          } else {
            second[cell] = value;
          }
        } else {
          third[cell] = value;
        }
      }
      if (value >= heardThreshold) heard[cell]!++;
      if (value >= ccaThreshold) cca[cell]!++;
      if (value > NO_SIGNAL_DBM) sum[cell]! += 10 ** (value / 10);
    }
  }

  // Per serving class: noise, coupling to every class, overlapping classes, rate ladder.
  const noiseMw = classes.map((entry) => 10 ** (noiseFloorDbm(entry.widthMHz, options.noiseFigureDb) / 10));
  const noiseDbm = classes.map((entry) => noiseFloorDbm(entry.widthMHz, options.noiseFigureDb));
  const coupling = classes.map((victim) => classes.map((source) => channelCoupling(source.centerMHz - victim.centerMHz, source.widthMHz, victim.widthMHz)));
  const overlapping = classes.map((victim) => classes.map((source, index) => (blocksOverlap(victim, source) ? index : -1)).filter((index) => index >= 0));
  const ladders: RateLadder[] = radios.map((radio) => rateLadder(options.client, radio.spatialStreams, radio.widthMHz));
  const utilisation = options.utilisation;

  for (let cell = 0; cell < cellCount; cell++) {
    const servingIndex = serving[cell]!;
    if (servingIndex < 0) continue;
    const servingClass = radioClass[servingIndex]!;
    const signalDbm = best[cell]!;
    const signalMw = 10 ** (signalDbm / 10);
    let interference = 0;
    let adjacent = 0;
    const row = coupling[servingClass]!;
    for (let classIndex = 0; classIndex < classes.length; classIndex++) {
      const leak = row[classIndex]! * classPower[classIndex]![cell]!;
      interference += leak;
      if (!overlapping[servingClass]!.includes(classIndex)) adjacent += leak;
    }
    adjacentMw[cell] = adjacent;
    interference = Math.max(0, interference - signalMw) * utilisation + (externalMw ? externalMw[cell]! : 0);
    const snrDb = signalDbm - noiseDbm[servingClass]!;
    const sinrDb = 10 * Math.log10(signalMw / (noiseMw[servingClass]! + interference));
    snr[cell] = snrDb;
    sinr[cell] = Number.isFinite(sinrDb) ? sinrDb : NO_SIGNAL_DBM;
    let sameChannel = 0;
    for (const classIndex of overlapping[servingClass]!) sameChannel += classCca[classIndex]![cell]!;
    coChannel[cell] = Math.max(0, sameChannel - (signalDbm >= ccaThreshold ? 1 : 0));
    rateMbps[cell] = rateFromLadder(ladders[servingIndex]!, signalDbm, sinr[cell]!);
  }
  return { best, second, third, serving, snr, sinr, heard, coChannel, rateMbps, adjacentMw };
}

/** The named layer as a Float32Array (counts and indices converted), for display, export and the CLI. */
/** `zones`: the coverage zones (cells and requirement) the `requirement` layer is judged against. */
export function layerValues(layers: BandLayers, name: LayerName, roaming: RoamingClient = DEFAULT_ROAMING_CLIENT, zones: readonly ZoneRequirementMask[] = []): Float32Array {
  switch (name) {
    case 'rssi':
      return layers.best;
    case 'second':
      return layers.second;
    case 'third':
      return layers.third;
    case 'snr':
      return layers.snr;
    case 'sinr':
      return layers.sinr;
    case 'rate':
      return layers.rateMbps;
    case 'overlap':
      return Float32Array.from(layers.heard);
    case 'channel-overlap':
      return Float32Array.from(layers.coChannel);
    case 'adjacent-channel':
      return adjacentChannelDbm(layers.adjacentMw);
    case 'serving':
      return Float32Array.from(layers.serving);
    case 'roaming':
      return roamingMargin(layers, roaming);
    case 'requirement':
      return requirementMap(layers, zones);
  }
}

/** The adjacent-channel layer in dBm: NO_SIGNAL where under ADJACENT_FLOOR_MW (−130 dBm) leaks in. */
export function adjacentChannelDbm(adjacentMw: Float32Array): Float32Array {
  const out = new Float32Array(adjacentMw.length);
  for (let cell = 0; cell < out.length; cell++) {
    const milliwatts = adjacentMw[cell]!;
    out[cell] = milliwatts > ADJACENT_FLOOR_MW ? 10 * Math.log10(milliwatts) : NO_SIGNAL_DBM;
  }
  return out;
}

/** The client the roaming map is drawn for. */
export interface RoamingClient {
  /** A second AP is a roaming candidate from this level (dBm). */
  candidateDbm: number;
  /** The client moves to another AP only once it is this much stronger than the current one (dB). */
  hysteresisDb: number;
}

export const DEFAULT_ROAMING_CLIENT: RoamingClient = { candidateDbm: -75, hysteresisDb: 5 };

/**
 * Roaming map: where a client hands over between APs. A client keeps its AP until another is `hysteresisDb`
 * stronger, so the handovers happen in the band where the two best APs are within the hysteresis of each other and
 * the second is usable (≥ `candidateDbm`). There the value is best − second (dB, 0 = equal); elsewhere no value.
 */
export function roamingMargin(layers: Pick<BandLayers, 'best' | 'second'>, client: RoamingClient = DEFAULT_ROAMING_CLIENT): Float32Array {
  const out = new Float32Array(layers.best.length);
  for (let cell = 0; cell < out.length; cell++) {
    const second = layers.second[cell]!;
    const margin = layers.best[cell]! - second;
    out[cell] = second >= client.candidateDbm && margin <= client.hysteresisDb ? margin : NO_SIGNAL_DBM;
  }
  return out;
}
