/**
 * One-click proposal for a level: AP positions from automatic placement (driven by the first band of the
 * template, usually 5 GHz), then a channel plan per band for the proposed APs together with the locked ones.
 */
import type { BandId, ChannelWidthMHz } from '../radio/channels.ts';
import type { GridSpec, Scene, SceneRadio } from '../scene/types.ts';
import { planChannels } from './channel-plan.ts';
import { mutualHearingMw } from './mutual-hearing.ts';
import { placeAccessPoints, type PlacementZone, type ZoneDriver } from './placement.ts';

export interface ProposalInput {
  levelId: string;
  grid: GridSpec;
  zones: PlacementZone[];
  exclusions: number[][];
  /** One radio per band of the AP model to place; the first drives the placement. */
  templates: SceneRadio[];
  /** Radios of locked APs on this level (kept, and counted by the placement). */
  fixed: SceneRadio[];
  widths: Partial<Record<BandId, ChannelWidthMHz>>;
  allowDfs: boolean;
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
}

export function proposeLevelPlan(scene: Scene, input: ProposalInput, shouldStop: () => boolean = () => false): Proposal {
  const driver = input.templates[0]!;
  const fixedDriver = input.fixed.filter((radio) => radio.band === driver.band);
  const placement = placeAccessPoints(scene, { ...input, template: driver, fixed: fixedDriver, restarts: 4 }, shouldStop);
  const channels: Partial<Record<BandId, number[]>> = {};
  for (const template of input.templates) {
    const width = input.widths[template.band] ?? template.widthMHz;
    const proposed = placement.positions.map((point, index): SceneRadio => ({ ...template, id: `propose-${index}-${template.band}`, apId: `propose-${index}`, levelId: input.levelId, x: point.x, y: point.y, widthMHz: width }));
    const fixed = input.fixed.filter((radio) => radio.band === template.band);
    const trial: Scene = { ...scene, radios: [...fixed, ...proposed] };
    const { radios, heardMw } = mutualHearingMw(trial, template.band);
    const locked = radios.map((radio) => (fixed.includes(radio) ? radio.channel : null));
    const plan = planChannels(heardMw, { band: template.band, widthMHz: width, allowDfs: input.allowDfs, seed: input.seed, restarts: 6 }, locked);
    channels[template.band] = radios.map((radio, index) => ({ radio, channel: plan.channels[index]! })).filter(({ radio }) => !fixed.includes(radio)).map(({ channel }) => channel);
  }
  return { positions: placement.positions, channels, zoneShares: placement.zoneShares, met: placement.met, baselineCount: placement.baselineCount, candidates: placement.candidates, zoneDrivers: placement.zoneDrivers, capacityAdded: placement.capacityAdded };
}

