/**
 * One-click proposal for a level: AP positions from automatic placement (driven by the first band of the
 * template, usually 5 GHz), radios of the other bands turned off where coverage does not need them, then a channel
 * plan per band for the proposed radios that stay on, together with the locked ones. Last, the whole plan is checked
 * against every criterion of each zone's requirement (co-channel and rate included, which the placement does not
 * see) with the same layers as the heatmap.
 */
import { channelBlock, type BandId, type ChannelWidthMHz } from '../radio/channels.ts';
import { eirpExcessDb } from '../radio/eirp.ts';
import type { GridSpec, Scene, SceneRadio } from '../scene/types.ts';
import { zoneMask, zoneStatistics, type Requirement, type ZoneStatistics } from '../layers/zone-statistics.ts';
import { PredictionSession } from '../session/prediction-session.ts';
import { planChannels } from './channel-plan.ts';
import { mutualHearingMw } from './mutual-hearing.ts';
import { NO_HOOKS, placeAccessPoints, powerReductions, redundantPositions, type PlanningHooks, type PlacementZone, type ZoneDriver } from './placement.ts';

export interface ProposalInput {
  levelId: string;
  grid: GridSpec;
  zones: PlacementZone[];
  /** Each zone's whole requirement, for the final check (same order as zones). */
  requirements: Requirement[];
  exclusions: number[][];
  /** Where APs may be mounted; none = anywhere in the coverage zones. */
  mountingAreas?: number[][];
  /** One radio per band of the AP model to place; the first drives the placement. */
  templates: SceneRadio[];
  /** Radios of locked APs on this level (kept, and counted by the placement). */
  fixed: SceneRadio[];
  widths: Partial<Record<BandId, ChannelWidthMHz>>;
  allowDfs: boolean;
  /** Lower each AP's power where cells overlap more than coverage needs (default on). */
  powerPlan?: boolean;
  /** Turn off the other bands' radios coverage does not need (default on). */
  turnOffRedundant?: boolean;
  candidateSpacingM: number;
  minWallDistanceM: number;
  minApDistanceM: number;
  targetShare: number;
  seed: number;
}

export interface Proposal {
  positions: { x: number; y: number }[];
  /** Per band, the channel of each proposed AP (same order as positions). */
  channels: Partial<Record<BandId, number[]>>;
  zoneShares: number[];
  met: boolean;
  baselineCount: number;
  candidates: number;
  zoneDrivers: ZoneDriver[];
  capacityAdded: number;
  capacityShortfall: number[];
  /** Per band, the proposed APs (indices in positions) whose radio is turned off because coverage does not need it. */
  disabled: Partial<Record<BandId, number[]>>;
  /** Band of the power plan (the driving band) and each proposed AP's power reduction on it (dB). */
  powerBand: BandId;
  powerReductionDb: number[];
  /** Per band, each proposed AP's transmit power (dBm), after the power plan and the regulatory cap. */
  txPowerDbm: Partial<Record<BandId, number[]>>;
  /** Radios lowered to keep their EIRP within the limit of the channel they were given. */
  eirpCapped: { band: BandId; index: number; reductionDb: number }[];
  /** Every criterion of each zone's requirement checked on the planned radios, per band (zones in input order). */
  verification: { band: BandId; zones: ZoneStatistics[] }[];
}

export function proposeLevelPlan(scene: Scene, input: ProposalInput, hooks: PlanningHooks = NO_HOOKS): Proposal {
  const driver = input.templates[0]!;
  const fixedDriver = input.fixed.filter((radio) => radio.band === driver.band);
  const placement = placeAccessPoints(scene, { ...input, template: driver, fixed: fixedDriver, restarts: 4 }, hooks);
  // Power plan on the driving band: each AP lowered as far as coverage allows (3 dB steps, up to 9 dB).
  hooks.progress('puissance', 0, 1);
  const powerReductionDb = input.powerPlan === false ? placement.positions.map(() => 0) : powerReductions(scene, { ...input, template: driver, fixed: fixedDriver, restarts: 0 }, placement.positions);
  const channels: Partial<Record<BandId, number[]>> = {};
  const disabled: Partial<Record<BandId, number[]>> = {};
  const planned: SceneRadio[] = [];
  const txPowerDbm: Partial<Record<BandId, number[]>> = {};
  const eirpCapped: Proposal['eirpCapped'] = [];
  for (const [bandIndex, template] of input.templates.entries()) {
    hooks.progress('canaux', bandIndex, input.templates.length);
    const width = input.widths[template.band] ?? template.widthMHz;
    // Radios of the other bands that coverage does not need are turned off (they would only interfere).
    const off = template === driver || input.turnOffRedundant === false ? [] : redundantPositions(scene, { ...input, template, fixed: input.fixed.filter((radio) => radio.band === template.band), restarts: 0 }, placement.positions);
    if (off.length > 0) disabled[template.band] = off;
    // One radio per proposed AP (index = position), at the band's power after the power plan; off ones left out.
    const perPosition = placement.positions.map((point, index): SceneRadio => ({ ...template, id: `propose-${index}-${template.band}`, apId: `propose-${index}`, levelId: input.levelId, x: point.x, y: point.y, widthMHz: width, txPowerDbm: template.txPowerDbm - (template === driver ? powerReductionDb[index]! : 0) }));
    const proposed = perPosition.filter((_, index) => !off.includes(index));
    const fixed = input.fixed.filter((radio) => radio.band === template.band);
    const trial: Scene = { ...scene, radios: [...fixed, ...proposed] };
    const { radios, heardMw } = mutualHearingMw(trial, template.band);
    const locked = radios.map((radio) => (fixed.includes(radio) ? radio.channel : null));
    const plan = planChannels(heardMw, { band: template.band, widthMHz: width, allowDfs: input.allowDfs, seed: input.seed, restarts: 6 }, locked);
    // One channel per proposed AP (same order as positions); a radio turned off keeps the band's first legal one.
    const byAp = new Map(radios.map((radio, index) => [radio.apId, plan.channels[index]!]));
    channels[template.band] = placement.positions.map((_, index) => byAp.get(`propose-${index}`) ?? template.channel);
    const powers = perPosition.map((radio) => radio.txPowerDbm);
    // The regulatory cap depends on the channel (23 dBm EIRP on 5 GHz 36–64, 30 dBm from 100): lower what exceeds it.
    powers.forEach((power, index) => {
      const excess = eirpExcessDb(template.band, channels[template.band]![index]!, width, power, template.antennaGainDbi);
      if (excess <= 0) return;
      powers[index] = power - excess;
      if (!off.includes(index)) eirpCapped.push({ band: template.band, index, reductionDb: excess });
    });
    txPowerDbm[template.band] = powers;
    for (const radio of fixed) planned.push(retune(radio, byAp.get(radio.apId) ?? radio.channel));
    perPosition.forEach((radio, index) => {
      if (!off.includes(index)) planned.push({ ...retune(radio, channels[template.band]![index]!), txPowerDbm: powers[index]! });
    });
  }
  hooks.progress('verification', 0, 1);
  const verification = verifyPlan(scene, input, planned);
  hooks.progress('verification', 1, 1);
  return { positions: placement.positions, channels, zoneShares: placement.zoneShares, met: placement.met, baselineCount: placement.baselineCount, candidates: placement.candidates, zoneDrivers: placement.zoneDrivers, capacityAdded: placement.capacityAdded, capacityShortfall: placement.capacityShortfall, disabled, powerBand: driver.band, powerReductionDb, txPowerDbm, eirpCapped, verification };
}

function retune(radio: SceneRadio, channel: number): SceneRadio {
  const block = channelBlock(radio.band, channel, radio.widthMHz as ChannelWidthMHz);
  return block ? { ...radio, channel, centerMHz: block.centerMHz } : radio;
}

/** Zone statistics of every band on the planned radios (the level's other APs stay in the scene, as in the heatmap). */
function verifyPlan(scene: Scene, input: ProposalInput, planned: SceneRadio[]): Proposal['verification'] {
  const others = scene.radios.filter((radio) => radio.levelId !== input.levelId);
  const session = new PredictionSession();
  session.setScene({ ...scene, radios: [...others, ...planned] });
  const masks = input.zones.map((zone) => zoneMask(zone.polygon, input.grid));
  session.ensure(input.levelId, null, input.grid);
  return input.templates.map(({ band }) => {
    const { layers } = session.bandLayers(input.levelId, band, input.grid);
    return { band, zones: masks.map((mask, index) => zoneStatistics(layers, mask, input.grid.resolutionM, input.requirements[index]!)) };
  });
}

