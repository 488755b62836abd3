/** Builds the automatic-placement input for a level from the project: zones, exclusions, AP model, locked APs. */
import { channelBlock, type BandId, type ChannelWidthMHz } from '../../propagation/radio/channels.ts';
import type { ProposalInput } from '../../propagation/planning/propose-plan.ts';
import type { SceneRadio } from '../../propagation/scene/types.ts';
import { apsForCapacity, medianUserMarginDb } from '../../propagation/planning/capacity-sizing.ts';
import { DEFAULT_CAPACITY_OPTIONS } from '../../propagation/planning/capacity.ts';
import { DEFAULT_LAYER_OPTIONS } from '../../propagation/layers/band-layers.ts';
import type { Requirement } from '../../propagation/layers/zone-statistics.ts';
import { requiredSignal, type SignalDriver } from '../../propagation/planning/signal-requirement.ts';
import { noiseFloorDbm } from '../../propagation/radio/noise.ts';
import type { ApModel, ProjectDocument } from '../model/schema.ts';
import { levelGrid } from './level-grid.ts';
import { zoneAirtimeLimit } from './zone-airtime.ts';
import { sceneFromProject } from './scene-from-project.ts';

export const DEFAULT_POWER_DBM: Record<BandId, number> = { '2.4': 14, '5': 17, '6': 17 };
export const DEFAULT_WIDTH_MHZ: Record<BandId, ChannelWidthMHz> = { '2.4': 20, '5': 40, '6': 80 };
const DEFAULT_CHANNEL: Record<BandId, number> = { '2.4': 1, '5': 36, '6': 5 };
/** Placement drives on 5 GHz when the model has it (the band that needs the most APs), else its first band. */
const DRIVER_ORDER: BandId[] = ['5', '6', '2.4'];

export interface ProposalSettings {
  model: ApModel;
  mountingHeightM: number;
  powerDbm: Record<BandId, number>;
  widthMHz: Record<BandId, ChannelWidthMHz>;
  /** 5 GHz DFS channels (52–144) in the channel plan. */
  allowDfs: boolean;
  powerPlan: boolean;
  turnOffRedundant: boolean;
  minApDistanceM: number;
  minWallDistanceM: number;
  /** Share of each zone's area that must meet the requirement (0–1). */
  targetShare: number;
  /**
   * The level's APs already placed: kept, the proposal adding what they lack (`completer`), or the unlocked ones
   * replaced by the proposal (`remplacer`). Locked APs are always kept.
   */
  existingAps: ExistingApsChoice;
}

export const EXISTING_AP_CHOICES = ['completer', 'remplacer'] as const;
export type ExistingApsChoice = (typeof EXISTING_AP_CHOICES)[number];

/** An AP in a room corner 0.3 m from two walls is not a mounting place: half a metre by default. */
export const DEFAULT_MOUNTING_RULES = { allowDfs: true, powerPlan: true, turnOffRedundant: true, minApDistanceM: 6, minWallDistanceM: 0.5, targetShare: 0.95, existingAps: 'completer' } as const satisfies Partial<ProposalSettings>;

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The model and radio settings the level already uses most, or the catalogue's first model with defaults. */
export function proposalSettings(document: ProjectDocument, levelId: string): ProposalSettings {
  const aps = document.accessPoints.filter((ap) => ap.levelId === levelId);
  const counts = new Map<string, number>();
  for (const ap of aps) counts.set(ap.modelId, (counts.get(ap.modelId) ?? 0) + 1);
  const modelId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const model = document.apModels.find((candidate) => candidate.id === modelId) ?? document.apModels[0]!;
  const radios = aps.flatMap((ap) => ap.radios);
  const perBand = <T>(pick: (band: BandId) => T) => ({ '2.4': pick('2.4'), '5': pick('5'), '6': pick('6') });
  return {
    model,
    mountingHeightM: median(aps.map((ap) => ap.mountingHeightM), 2.8),
    powerDbm: perBand((band) => median(radios.filter((radio) => radio.band === band).map((radio) => radio.txPowerDbm), Math.min(DEFAULT_POWER_DBM[band], model.maxTxPowerDbm[band] || DEFAULT_POWER_DBM[band]))),
    widthMHz: perBand((band) => (median(radios.filter((radio) => radio.band === band).map((radio) => radio.widthMHz), DEFAULT_WIDTH_MHZ[band]) as ChannelWidthMHz)),
    ...DEFAULT_MOUNTING_RULES,
  };
}

export type LevelProposalInput = ProposalInput & { signalDrivers: SignalDriver[] };

export function proposalInput(document: ProjectDocument, levelId: string, settings = proposalSettings(document, levelId)): LevelProposalInput {
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const scene = sceneFromProject(document);
  const keptIds = new Set(document.accessPoints.filter((ap) => ap.levelId === levelId && (ap.locked || settings.existingAps === 'completer')).map((ap) => ap.id));
  const bands = DRIVER_ORDER.filter((band) => settings.model.bands.includes(band));
  const templates = bands.map((band): SceneRadio => {
    const width = settings.widthMHz[band];
    return {
      id: `modele-${band}`,
      apId: 'modele',
      levelId,
      x: 0,
      y: 0,
      mountingHeightM: settings.mountingHeightM,
      azimuthDeg: 0,
      tiltDeg: 0,
      band,
      channel: DEFAULT_CHANNEL[band],
      centerMHz: channelBlock(band, DEFAULT_CHANNEL[band], width)?.centerMHz ?? channelBlock(band, DEFAULT_CHANNEL[band], 20)!.centerMHz,
      widthMHz: width,
      txPowerDbm: settings.powerDbm[band],
      antennaGainDbi: settings.model.antennaGainDbi[band],
      pattern: null,
      spatialStreams: settings.model.spatialStreams,
    };
  });
  const driver = templates[0];
  const noiseDbm = noiseFloorDbm(driver?.widthMHz ?? 20, scene.settings.noiseFigureDb);
  const zones = document.coverageZones.filter((zone) => zone.levelId === levelId);
  const requirements = zones.map((zone): Requirement => {
    const profile = profiles.get(zone.requirementProfileId);
    return {
      minPrimaryRssiDbm: profile?.minPrimaryRssiDbm ?? -67,
      minSecondaryRssiDbm: profile?.minSecondaryRssiDbm ?? null,
      minSnrDb: profile?.minSnrDb ?? 20,
      maxCoChannelAps: profile?.maxCoChannelAps ?? null,
      minPhyRateMbps: profile?.minPhyRateMbps ?? null,
    };
  });
  const signals = requirements.map((requirement) => requiredSignal(requirement, noiseDbm, DEFAULT_LAYER_OPTIONS.client, settings.model.spatialStreams, driver?.widthMHz ?? 20));
  return {
    levelId,
    grid: levelGrid(document, levelId, Math.max(1, document.prediction.gridResolutionM)),
    zones: zones.map((zone, index) => {
      const requirement = requirements[index]!;
      // Capacity: every user on the driving band (conservative), sized on the rate of a cell's median user.
      const margin = medianUserMarginDb(document.prediction.pathLossExponent);
      const minAps = apsForCapacity(
        { users: zone.userCount, throughputPerUserMbps: zone.throughputPerUserMbps, bandShare: 1, airtimeLimit: zoneAirtimeLimit(profiles.get(zone.requirementProfileId)), minPrimaryRssiDbm: requirement.minPrimaryRssiDbm + margin, minSnrDb: requirement.minSnrDb + margin },
        { client: DEFAULT_LAYER_OPTIONS.client, apStreams: settings.model.spatialStreams, widthMHz: driver?.widthMHz ?? 20, macEfficiency: DEFAULT_CAPACITY_OPTIONS.macEfficiency },
      );
      return { polygon: zone.polygon.flatMap((point) => [point.xM, point.yM]), minPrimaryRssiDbm: signals[index]!.signalDbm, minSecondaryRssiDbm: requirement.minSecondaryRssiDbm, minAps: Number.isFinite(minAps) ? minAps : 0 };
    }),
    requirements,
    signalDrivers: signals.map((signal) => signal.driver),
    exclusions: document.exclusionZones.filter((zone) => zone.levelId === levelId).map((zone) => zone.polygon.flatMap((point) => [point.xM, point.yM])),
    mountingAreas: document.mountingAreas.filter((area) => area.levelId === levelId).map((area) => area.polygon.flatMap((point) => [point.xM, point.yM])),
    templates,
    fixed: scene.radios.filter((radio) => keptIds.has(radio.apId)),
    widths: settings.widthMHz,
    allowDfs: settings.allowDfs,
    powerPlan: settings.powerPlan,
    turnOffRedundant: settings.turnOffRedundant,
    candidateSpacingM: 1.5,
    minWallDistanceM: settings.minWallDistanceM,
    minApDistanceM: settings.minApDistanceM,
    targetShare: settings.targetShare,
    seed: 1,
  };
}
