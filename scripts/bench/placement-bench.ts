/**
 * Automatic placement against plain greedy set cover on the generated floors: AP count, requirement met, time.
 * Requirement: −67 dBm (voice-grade primary) on 95 % of the floor, 5 GHz AP at 17 dBm + 5 dBi, 2.8 m high.
 * The « + capacité » rows add a dense zone (an auditorium: 20 × 15 m, 150 users × 4 Mb/s) whose AP count is set by
 * its traffic (capacity-sizing.ts); both methods get the same additions.
 */
import { apsForCapacity, medianUserMarginDb } from '../../propagation/planning/capacity-sizing.ts';
import { greedyPlacement, placeAccessPoints, type PlacementRequest, type PlacementZone } from '../../propagation/planning/placement.ts';
import { DEFAULT_LAYER_OPTIONS } from '../../propagation/layers/band-layers.ts';
import { levelGrid, officeBuilding } from '../../propagation/scenarios/office-floor.ts';

const FLOORS = [
  { name: '30×30 m', widthM: 30, heightM: 30, walls: 150, spacingM: 1.5, dense: false },
  { name: '60×50 m', widthM: 60, heightM: 50, walls: 650, spacingM: 2, dense: false },
  { name: '60×50 m + capacité', widthM: 60, heightM: 50, walls: 650, spacingM: 2, dense: true },
  { name: '120×80 m', widthM: 120, heightM: 80, walls: 2300, spacingM: 3, dense: false },
];

/** The auditorium of the « + capacité » rows and the APs its traffic needs at the median user's rate (n = 3). */
function denseZone(template: PlacementRequest['template']): PlacementZone {
  const margin = medianUserMarginDb(3);
  const minAps = apsForCapacity(
    { users: 150, throughputPerUserMbps: 4, bandShare: 1, airtimeLimit: 0.7, minPrimaryRssiDbm: -67 + margin, minSnrDb: 25 + margin },
    { client: DEFAULT_LAYER_OPTIONS.client, apStreams: template.spatialStreams, widthMHz: template.widthMHz as 20 | 40 | 80 | 160, macEfficiency: 0.6 },
  );
  return { polygon: [5, 5, 25, 5, 25, 20, 5, 20], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null, minAps };
}

export function runPlacementBench(): string[] {
  const lines = [
    '| étage | candidats | bornes, glouton | temps glouton (s) | bornes, placement | temps placement (s) | ratio bornes placement / glouton | ratio temps | exigence tenue (glouton / placement) | ajoutées pour la capacité (manquantes à 8 m) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const floor of FLOORS) {
    const scene = officeBuilding({ widthM: floor.widthM, heightM: floor.heightM, wallsPerLevel: floor.walls, levels: 1, apsPerLevel: 1, bands: ['5'], seed: 42 });
    const request: PlacementRequest = {
      levelId: 'niveau-0',
      grid: levelGrid(floor.widthM, floor.heightM, 1),
      zones: [
        ...(floor.dense ? [denseZone(scene.radios[0]!)] : []),
        { polygon: [0, 0, floor.widthM, 0, floor.widthM, floor.heightM, 0, floor.heightM], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null },
      ],
      exclusions: [],
      template: scene.radios[0]!,
      fixed: [],
      candidateSpacingM: floor.spacingM,
      minWallDistanceM: 0.3,
      minApDistanceM: 8,
      targetShare: 0.95,
      seed: 1,
      restarts: 4,
    };
    let started = performance.now();
    const baseline = greedyPlacement(scene, request);
    const greedyS = (performance.now() - started) / 1000;
    started = performance.now();
    const ours = placeAccessPoints(scene, request);
    const oursS = (performance.now() - started) / 1000;
    const yes = (value: boolean) => (value ? 'oui' : 'non');
    const countRatio = ours.positions.length / baseline.positions.length;
    lines.push(
      `| ${floor.name} | ${ours.candidates} | ${baseline.positions.length} | ${greedyS.toFixed(2)} | ${ours.positions.length} | ${oursS.toFixed(2)} | ${countRatio.toFixed(2)} | ${(oursS / greedyS).toFixed(1)} | ${yes(baseline.met)} / ${yes(ours.met)} | ${ours.capacityAdded} (${floor.dense ? `besoin ${request.zones[0]!.minAps} dans la zone dense, ${ours.capacityShortfall[0]} manquante(s)` : '—'}) |`,
    );
  }
  return lines;
}
