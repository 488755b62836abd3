/**
 * Automatic placement against plain greedy set cover on the generated floors: AP count, requirement met, time.
 * Requirement: −67 dBm (voice-grade primary) on 95 % of the floor, 5 GHz AP at 17 dBm + 5 dBi, 2.8 m high.
 */
import { greedyPlacement, placeAccessPoints, type PlacementRequest } from '../../propagation/planning/placement.ts';
import { levelGrid, officeBuilding } from '../../propagation/scenarios/office-floor.ts';

const FLOORS = [
  { name: '30×30 m', widthM: 30, heightM: 30, walls: 150, spacingM: 1.5 },
  { name: '60×50 m', widthM: 60, heightM: 50, walls: 650, spacingM: 2 },
  { name: '120×80 m', widthM: 120, heightM: 80, walls: 2300, spacingM: 3 },
];

export function runPlacementBench(): string[] {
  const lines = ['| étage | candidats | bornes, glouton | temps glouton (s) | bornes, placement | temps placement (s) | exigence tenue (glouton / placement) |', '|---|---:|---:|---:|---:|---:|---|'];
  for (const floor of FLOORS) {
    const scene = officeBuilding({ widthM: floor.widthM, heightM: floor.heightM, wallsPerLevel: floor.walls, levels: 1, apsPerLevel: 1, bands: ['5'], seed: 42 });
    const request: PlacementRequest = {
      levelId: 'niveau-0',
      grid: levelGrid(floor.widthM, floor.heightM, 1),
      zones: [{ polygon: [0, 0, floor.widthM, 0, floor.widthM, floor.heightM, 0, floor.heightM], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null }],
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
    lines.push(`| ${floor.name} | ${ours.candidates} | ${baseline.positions.length} | ${greedyS.toFixed(2)} | ${ours.positions.length} | ${oursS.toFixed(2)} | ${yes(baseline.met)} / ${yes(ours.met)} |`);
  }
  return lines;
}
