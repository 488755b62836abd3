/**
 * Channel plan against the naive round-robin plan on generated floors: the area where a client hears at least one
 * other AP on its serving channel above the CCA level (channel overlap), and the planning time.
 */
import { channelBlock, type BandId, type ChannelWidthMHz } from '../../propagation/radio/channels.ts';
import { planChannels, roundRobinChannels } from '../../propagation/planning/channel-plan.ts';
import { mutualHearingMw } from '../../propagation/planning/mutual-hearing.ts';
import { levelGrid, officeBuilding } from '../../propagation/scenarios/office-floor.ts';
import { PredictionSession } from '../../propagation/session/prediction-session.ts';
import type { Scene } from '../../propagation/scene/types.ts';

const FLOORS = [
  { name: '30×30 m, 6 AP', widthM: 30, heightM: 30, walls: 150, aps: 6, resolutionM: 0.5 },
  { name: '60×50 m, 18 AP', widthM: 60, heightM: 50, walls: 650, aps: 18, resolutionM: 0.5 },
  { name: '120×80 m, 50 AP', widthM: 120, heightM: 80, walls: 2300, aps: 50, resolutionM: 1 },
];

function withChannels(scene: Scene, band: BandId, widthMHz: ChannelWidthMHz, channels: number[]): Scene {
  let index = 0;
  return {
    ...scene,
    radios: scene.radios.map((radio) => {
      if (radio.band !== band) return radio;
      const channel = channels[index++]!;
      return { ...radio, channel, widthMHz, centerMHz: channelBlock(band, channel, widthMHz)!.centerMHz };
    }),
  };
}

function overlapAreaM2(scene: Scene, band: BandId, grid: ReturnType<typeof levelGrid>): number {
  const session = new PredictionSession();
  session.setScene(scene);
  const { layers } = session.bandLayers('niveau-0', band, grid);
  let cells = 0;
  for (let cell = 0; cell < layers.coChannel.length; cell++) if (layers.coChannel[cell]! > 0) cells++;
  return cells * grid.resolutionM * grid.resolutionM;
}

export function runChannelPlanBench(): string[] {
  const lines = ['| étage | bande | recouvrement co-canal, tourniquet (m²) | recouvrement co-canal, plan (m²) | rapport | temps de planification (ms) |', '|---|---|---:|---:|---:|---:|'];
  for (const floor of FLOORS) {
    const base = officeBuilding({ widthM: floor.widthM, heightM: floor.heightM, wallsPerLevel: floor.walls, levels: 1, apsPerLevel: floor.aps, bands: ['2.4', '5'], seed: 42 });
    const grid = levelGrid(floor.widthM, floor.heightM, floor.resolutionM);
    for (const [band, widthMHz] of [['2.4', 20], ['5', 40]] as const) {
      const options = { band, widthMHz, allowDfs: true, seed: 1, restarts: 8 } as const;
      const count = base.radios.filter((radio) => radio.band === band).length;
      const naive = withChannels(base, band, widthMHz, roundRobinChannels(count, options));
      const started = performance.now();
      const planned = planChannels(mutualHearingMw(base, band).heardMw, options);
      const planMs = performance.now() - started;
      const before = overlapAreaM2(naive, band, grid);
      const after = overlapAreaM2(withChannels(base, band, widthMHz, planned.channels), band, grid);
      lines.push(`| ${floor.name} | ${band.replace('.', ',')} GHz (${widthMHz} MHz) | ${before.toFixed(0)} | ${after.toFixed(0)} | ${before > 0 ? (after / before).toFixed(2) : '—'} | ${planMs.toFixed(0)} |`);
    }
  }
  return lines;
}
