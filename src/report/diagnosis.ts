/**
 * Why a zone misses its profile, and what fixes that cause. For each zone × band whose share meeting every criterion
 * is under 95 %, the first criterion failed decides the kind of fault; the engine is asked for the level of every
 * radio of the band at a few cells that fail, which names the culprits: the best AP too weak (coverage), same-channel
 * APs heard above the CCA threshold — possibly through a slab (co-channel), a noise source (SNR), a band too slow
 * for the rate asked (capacity). Each kind gets its own remedy: a channel change for co-channel, never « add an AP »,
 * which would make it worse.
 */
import { computeApFields } from '../../propagation/field/ap-fields.ts';
import { DEFAULT_ROAMING_CLIENT, layerValues } from '../../propagation/layers/band-layers.ts';
import { REQUIREMENT_CODES, type ZoneStatistics } from '../../propagation/layers/zone-statistics.ts';
import { channelBlock, CHANNELS_20MHZ, maxEirpDbm, type BandId } from '../../propagation/radio/channels.ts';
import { pointGrid } from '../../propagation/scene/point-grid.ts';
import type { Scene, SceneRadio } from '../../propagation/scene/types.ts';
import { groupRadiosByAp } from '../../propagation/session/prediction-session.ts';
import { sceneFromProject } from '../engine/scene-from-project.ts';
import type { ProjectDocument } from '../model/schema.ts';
import type { LevelBandPrediction, ReportPredictions } from './report-predictions.ts';

export type FaultKind = 'primary' | 'secondary' | 'snr' | 'coChannel' | 'rate';

export interface HeardRadio {
  apName: string;
  levelName: string;
  otherLevel: boolean;
  channel: number;
  /** Strongest level at the sampled cells (dBm). */
  rssiDbm: number;
  txPowerDbm: number;
}

export interface ZoneDiagnosis {
  levelId: string;
  levelName: string;
  band: BandId;
  zoneId: string;
  zoneName: string;
  profileName: string;
  statistics: ZoneStatistics;
  kind: FaultKind;
  /** Share of the zone meeting the failed criterion. */
  share: number;
  /** The best AP at the failing cells (median level there). */
  serving: HeardRadio | null;
  /** Same-channel APs heard above the threshold at the failing cells (co-channel faults). */
  interferers: HeardRadio[];
  threshold: number;
  /** A proposed channel for the first interferer (co-channel), or the power increase possible (coverage). */
  proposedChannel: number | null;
  powerHeadroomDb: number | null;
  noiseSources: string[];
}

export interface StudyDiagnosis {
  met: { levelName: string; band: BandId; zoneName: string }[];
  failing: ZoneDiagnosis[];
}

const SAMPLES = 6;
const CRITERIA: FaultKind[] = ['primary', 'secondary', 'snr', 'coChannel', 'rate'];

export function diagnose(document: ProjectDocument, predictions: ReportPredictions): StudyDiagnosis {
  const scene = sceneFromProject(document);
  const zones = new Map(document.coverageZones.map((zone) => [zone.id, zone]));
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const levels = new Map(document.levels.map((level) => [level.id, level.name]));
  const apNames = new Map(document.accessPoints.map((ap) => [ap.id, ap.name]));
  const result: StudyDiagnosis = { met: [], failing: [] };
  for (const prediction of predictions.results) {
    const codes = layerValues(prediction.layers, 'requirement', DEFAULT_ROAMING_CLIENT, prediction.zoneMasks);
    for (const { zoneId, statistics } of prediction.zones) {
      const zone = zones.get(zoneId);
      const profile = zone ? profiles.get(zone.requirementProfileId) : undefined;
      const levelName = levels.get(prediction.levelId) ?? '';
      if (!zone || !profile) continue;
      if (statistics.all >= 0.95) {
        result.met.push({ levelName, band: prediction.band, zoneName: zone.name });
        continue;
      }
      const kind = CRITERIA.map((criterion) => ({ criterion, share: statistics[criterion] })).filter((entry): entry is { criterion: FaultKind; share: number } => entry.share !== null).sort((a, b) => a.share - b.share)[0] ?? { criterion: 'primary' as const, share: statistics.all };
      const mask = prediction.zoneMasks.find((entry) => entry.zoneId === zoneId)!.mask;
      const code = REQUIREMENT_CODES.indexOf(kind.criterion);
      const cells = failingCells(mask, codes, code);
      const heard = sampleRadios(scene, prediction, cells);
      const describe = (radio: SceneRadio, rssiDbm: number): HeardRadio => ({ apName: apNames.get(radio.apId) ?? radio.apId, levelName: levels.get(radio.levelId) ?? '', otherLevel: radio.levelId !== prediction.levelId, channel: radio.channel, rssiDbm, txPowerDbm: radio.txPowerDbm });
      const servingEntry = heard.serving;
      const serving = servingEntry ? describe(servingEntry.radio, servingEntry.medianDbm) : null;
      const threshold = kind.criterion === 'coChannel' ? profile.coChannelThresholdDbm : kind.criterion === 'secondary' ? (profile.minSecondaryRssiDbm ?? profile.minPrimaryRssiDbm) : kind.criterion === 'snr' ? profile.minSnrDb : kind.criterion === 'rate' ? (profile.minPhyRateMbps ?? 0) : profile.minPrimaryRssiDbm;
      const interferers =
        kind.criterion === 'coChannel' && servingEntry
          ? heard.maxima
              .filter((entry) => entry.radio.id !== servingEntry.radio.id && sameChannel(entry.radio, servingEntry.radio) && entry.maxDbm >= profile.coChannelThresholdDbm)
              .sort((a, b) => Number(b.radio.levelId !== prediction.levelId) - Number(a.radio.levelId !== prediction.levelId) || b.maxDbm - a.maxDbm)
              .map((entry) => describe(entry.radio, entry.maxDbm))
          : [];
      const moved = kind.criterion === 'coChannel' ? heard.maxima.find((entry) => entry.radio.id !== servingEntry?.radio.id && interferers.some((candidate) => candidate.apName === (apNames.get(entry.radio.apId) ?? entry.radio.apId))) : undefined;
      result.failing.push({
        levelId: prediction.levelId,
        levelName,
        band: prediction.band,
        zoneId,
        zoneName: zone.name,
        profileName: profile.name,
        statistics,
        kind: kind.criterion,
        share: kind.share,
        serving,
        interferers,
        threshold,
        proposedChannel: moved ? quietestChannel(scene, moved.radio, heard.maxima, profile.coChannelThresholdDbm) : null,
        powerHeadroomDb: servingEntry ? Math.max(0, maxEirpDbm(prediction.band, servingEntry.radio.channel) - servingEntry.radio.antennaGainDbi - servingEntry.radio.txPowerDbm) : null,
        noiseSources: document.interferenceSources.filter((source) => source.levelId === prediction.levelId && source.band === prediction.band).map((source) => source.name),
      });
    }
  }
  return result;
}

/** Up to SAMPLES cells of the zone failing with `code`, spread along the zone (every k-th one). */
function failingCells(mask: Uint8Array, codes: Float32Array, code: number): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < mask.length; cell++) if (mask[cell] && Math.round(codes[cell]!) === code) cells.push(cell);
  if (cells.length === 0) for (let cell = 0; cell < mask.length; cell++) if (mask[cell] && codes[cell]! > 0) cells.push(cell);
  const stride = Math.max(1, Math.floor(cells.length / SAMPLES));
  return cells.filter((_, index) => index % stride === 0).slice(0, SAMPLES);
}

/** Every radio of the band at the sampled cells: its strongest level, and the radio best at most of them. */
function sampleRadios(scene: Scene, prediction: LevelBandPrediction, cells: number[]) {
  const { grid } = prediction;
  const radios = scene.radios.filter((radio) => radio.band === prediction.band);
  const levels = new Map<SceneRadio, number[]>(radios.map((radio) => [radio, []]));
  for (const cell of cells) {
    const x = grid.originX + ((cell % grid.nx) + 0.5) * grid.resolutionM;
    const y = grid.originY + (Math.floor(cell / grid.nx) + 0.5) * grid.resolutionM;
    for (const group of groupRadiosByAp(radios)) {
      const fields = computeApFields(scene, group, prediction.levelId, pointGrid(x, y));
      group.forEach((radio, index) => levels.get(radio)!.push(fields[index]![0]!));
    }
  }
  const maxima = [...levels].map(([radio, values]) => ({ radio, maxDbm: Math.max(...values), medianDbm: median(values) }));
  const wins = new Map<SceneRadio, number>();
  cells.forEach((_, index) => {
    let best: SceneRadio | null = null;
    for (const [radio, values] of levels) if (!best || values[index]! > levels.get(best)![index]!) best = radio;
    if (best) wins.set(best, (wins.get(best) ?? 0) + 1);
  });
  const servingRadio = [...wins].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { maxima, serving: servingRadio ? maxima.find((entry) => entry.radio === servingRadio)! : null };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? -Infinity : sorted[Math.floor(sorted.length / 2)]!;
}

function sameChannel(a: SceneRadio, b: SceneRadio): boolean {
  const blockA = channelBlock(a.band, a.channel, a.widthMHz)?.channels ?? [a.channel];
  const blockB = channelBlock(b.band, b.channel, b.widthMHz)?.channels ?? [b.channel];
  return blockA.some((channel) => blockB.includes(channel));
}

/**
 * The channel to move `radio` to: among the primaries legal at its width (2.4 GHz: 1, 6, 11), the one whose block
 * is used by the fewest radios heard at the zone above the threshold, nearest its current channel on ties.
 */
function quietestChannel(scene: Scene, radio: SceneRadio, heard: { radio: SceneRadio; maxDbm: number }[], thresholdDbm: number): number | null {
  const candidates = radio.band === '2.4' ? [1, 6, 11] : CHANNELS_20MHZ[radio.band].map((info) => info.channel).filter((channel) => channelBlock(radio.band, channel, radio.widthMHz)?.channels[0] === channel);
  const loud = heard.filter((entry) => entry.radio.id !== radio.id && entry.maxDbm >= thresholdDbm - 10).map((entry) => entry.radio);
  const users = (channel: number) => {
    const block = channelBlock(radio.band, channel, radio.widthMHz)?.channels ?? [channel];
    const inBlock = (other: SceneRadio) => (channelBlock(other.band, other.channel, other.widthMHz)?.channels ?? [other.channel]).some((used) => block.includes(used));
    return loud.filter(inBlock).length * 10 + scene.radios.filter((other) => other.band === radio.band && other.id !== radio.id && inBlock(other)).length;
  };
  const ranked = candidates.filter((channel) => channel !== radio.channel).sort((a, b) => users(a) - users(b) || Math.abs(a - radio.channel) - Math.abs(b - radio.channel));
  return ranked[0] ?? null;
}
