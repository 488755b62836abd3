import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../../../propagation/field/area-crossing.ts';
import { freeSpaceLossDb } from '../../../propagation/models/free-space.ts';
import { greedyPlacement, placeAccessPoints, powerReductions, redundantPositions, type PlacementRequest } from '../../../propagation/planning/placement.ts';
import { proposeLevelPlan } from '../../../propagation/planning/propose-plan.ts';
import { samplePath, walkProfile } from '../../../propagation/planning/client-walk.ts';
import { sourceImpact, sourceInterferenceMw } from '../../../propagation/planning/source-impact.ts';
import { PredictionSession } from '../../../propagation/session/prediction-session.ts';
import { noiseFloorDbm } from '../../../propagation/radio/noise.ts';
import { apsForCapacity, cellEdgeRateMbps, medianUserMarginDb } from '../../../propagation/planning/capacity-sizing.ts';
import { officeBuilding } from '../../../propagation/scenarios/office-floor.ts';
import { level, radio, scene } from './scene-builders.ts';
import { blockMaxEirpDbm, eirpExcessDb } from '../../../propagation/radio/eirp.ts';

function request(overrides: Partial<PlacementRequest>): PlacementRequest {
  return {
    levelId: 'n0',
    grid: { originX: 0, originY: 0, resolutionM: 0.5, nx: 80, ny: 4 },
    zones: [{ polygon: [0, 0, 40, 0, 40, 2, 0, 2], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null }],
    exclusions: [],
    template: radio('modele', 0, 0, { mountingHeightM: 1 }),
    fixed: [],
    candidateSpacingM: 1,
    minWallDistanceM: 0,
    minApDistanceM: 1,
    targetShare: 1,
    seed: 1,
    restarts: 3,
    ...overrides,
  };
}

describe('automatic placement', () => {
  // An AP reaches −67 dBm up to 14 m (EIRP = −67 + FSPL(14 m) at 5180 MHz): it covers 28 m of a 40 m corridor,
  // so exactly two APs are needed.
  const eirp = -67 + freeSpaceLossDb(14, 5180);
  const corridor = scene([level('n0', [])], [], { clientHeightM: 1 });

  it('a 40 m corridor with a 14 m cell radius needs exactly two APs', () => {
    const result = placeAccessPoints(corridor, request({ template: radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 }) }));
    expect(result.met).toBe(true);
    expect(result.positions).toHaveLength(2);
    expect(result.zoneShares[0]).toBe(1);
    // The two cells must touch: each AP within 14 m of both corridor ends' share.
    const xs = result.positions.map((point) => point.x).sort((a, b) => a - b);
    expect(xs[0]).toBeLessThanOrEqual(14);
    expect(xs[1]).toBeGreaterThanOrEqual(26);
  });

  it('asking for a second AP everywhere at the same level needs more APs', () => {
    const template = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    const result = placeAccessPoints(corridor, request({ template, zones: [{ polygon: [0, 0, 40, 0, 40, 2, 0, 2], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: -67 }] }));
    expect(result.met).toBe(true);
    expect(result.positions.length).toBeGreaterThanOrEqual(3);
  });

  it('a zone whose capacity forces more APs than coverage gets them, and the result says capacity drove it', () => {
    // Capacity sizing by hand: 80 users × 5 Mb/s = 400 Mb/s. At the zone's edge (−67 dBm, SNR 25 dB) a Wi-Fi 6 2×2
    // client on 20 MHz decodes MCS 4 (sensitivity −70 dBm; MCS 5 needs −66): 2 × 51.6 = 103.2 Mb/s with 0.8 µs GI.
    // One radio then carries 103.2 × 0.6 (MAC) × 0.7 (airtime) = 43.4 Mb/s: ⌈400 / 43.4⌉ = 10 APs, where coverage
    // needs 2.
    const setup = { client: { standard: 'he' as const, spatialStreams: 2, maxWidthMHz: 80 as const, guardIntervalUs: 0.8 }, apStreams: 2, widthMHz: 20 as const, macEfficiency: 0.6 };
    const demand = { users: 80, throughputPerUserMbps: 5, bandShare: 1, airtimeLimit: 0.7, minPrimaryRssiDbm: -67, minSnrDb: 25 };
    expect(cellEdgeRateMbps(demand, setup)).toBeCloseTo(103.2, 0);
    const needed = apsForCapacity(demand, setup);
    expect(needed).toBe(10);
    // The median user of a cell (users spread over a disc: half within R/√2) is 10·3·log10(√2) = 4.52 dB above the
    // edge with n = 3.
    expect(medianUserMarginDb(3)).toBeCloseTo(4.515, 3);
    expect(needed).toBeGreaterThan(2);
    const template = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    const zones = [{ polygon: [0, 0, 40, 0, 40, 2, 0, 2], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null, minAps: needed }];
    const result = placeAccessPoints(corridor, request({ template, zones }));
    expect(result.positions).toHaveLength(needed);
    expect(result.zoneDrivers).toEqual(['capacite']);
    expect(result.capacityAdded).toBe(needed - 2);
    expect(result.met).toBe(true);
    // Spread along the corridor, not piled up: consecutive APs at least 40 / (n + 1) m apart.
    const xs = result.positions.map((point) => point.x).sort((a, b) => a - b);
    for (let index = 1; index < xs.length; index++) expect(xs[index]! - xs[index - 1]!).toBeGreaterThanOrEqual(40 / (needed + 1) - 1);
    // The minimum AP distance still holds: at 6 m apart only 7 APs fit on the 40 m corridor (0.5 m, 6.5 m, … 36.5 m
    // at best), and the rest is reported as a shortfall instead of being placed against the rule.
    const spaced = placeAccessPoints(corridor, request({ template, zones, minApDistanceM: 6 }));
    for (const [i, a] of spaced.positions.entries()) for (const b of spaced.positions.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(6);
    expect(spaced.positions.length).toBeLessThanOrEqual(7);
    expect(spaced.capacityShortfall[0]).toBe(needed - spaced.positions.length);
    expect(result.capacityShortfall).toEqual([0]);
    // Without users, coverage decides: two APs.
    const covered = placeAccessPoints(corridor, request({ template, zones: [{ ...zones[0]!, minAps: 0 }] }));
    expect(covered.positions).toHaveLength(2);
    expect(covered.zoneDrivers).toEqual(['couverture']);
  });

  it('turns off the 2.4 GHz radios coverage does not need: two 5 GHz cells of 14 m, one 2.4 GHz cell of 30 m covers all', () => {
    const five = radio('modele-5', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    // 2.4 GHz at 2412 MHz reaching −67 dBm up to 30 m: one radio covers the whole 40 m corridor from anywhere in its middle 20 m.
    const two = radio('modele-2.4', 0, 0, { band: '2.4', channel: 1, centerMHz: 2412, mountingHeightM: 1, txPowerDbm: -67 + freeSpaceLossDb(30, 2412), antennaGainDbi: 0 });
    const positions = [{ x: 12, y: 1 }, { x: 28, y: 1 }];
    const off = redundantPositions(corridor, request({ template: two }), positions);
    expect(off).toHaveLength(1);
    // With a weak 2.4 GHz radio (14 m) both stay on.
    expect(redundantPositions(corridor, request({ template: { ...two, txPowerDbm: -67 + freeSpaceLossDb(14, 2412) } }), positions)).toEqual([]);
    // Through the proposal: positions from the 5 GHz design, one 2.4 GHz radio off, its channel plan on the other only.
    const requirement = { minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null, minSnrDb: 0, maxCoChannelAps: null, minPhyRateMbps: null };
    const proposal = proposeLevelPlan(corridor, { ...request({ template: five }), requirements: [requirement], templates: [five, two], widths: {}, allowDfs: false });
    expect(proposal.positions).toHaveLength(2);
    // The final check with the heatmap's layers: both bands meet −67 dBm over the whole corridor (the 2.4 GHz radio
    // left on reaches 30 m from 12 or 28 m).
    expect(proposal.verification.map((entry) => entry.band)).toEqual(['5', '2.4']);
    for (const entry of proposal.verification) expect(entry.zones[0]!.primary).toBe(1);
    // Both are options: kept on, no 2.4 GHz radio is turned off; with the power plan off, no AP is lowered.
    const allOn = proposeLevelPlan(corridor, { ...request({ template: five }), requirements: [requirement], templates: [five, two], widths: {}, allowDfs: false, turnOffRedundant: false, powerPlan: false });
    expect(allOn.disabled['2.4']).toBeUndefined();
    expect(allOn.powerReductionDb).toEqual([0, 0]);
    expect(allOn.channels['2.4']).toHaveLength(2);
    expect(new Set(allOn.channels['2.4'])).toHaveProperty('size', 2);
    expect(proposal.disabled['2.4']).toHaveLength(1);
    expect(proposal.disabled['5']).toBeUndefined();
    expect(proposal.channels['2.4']).toHaveLength(2);
  });

  it('power plan: in three overlapping 14 m cells on a 40 m corridor, the middle AP goes down the most, coverage kept', () => {
    const template = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    const positions = [{ x: 10, y: 1 }, { x: 20, y: 1 }, { x: 30, y: 1 }];
    const reductions = powerReductions(corridor, request({ template }), positions);
    // APs at 10 and 30 m cover 0–24 and 16–40 m on their own: the middle one, the most overlapped, drops the full 9 dB.
    // The end ones must still reach the end cells (centres 0.25 m and 39.75 m, 9.75 m away): −3 dB shrinks 14 m to
    // 9.92 m (enough, and 19.75/20.25 m stay within reach too), −6 dB to 7.02 m (not enough): 3 dB each.
    expect(reductions).toEqual([3, 9, 3]);
    // Coverage holds at the reduced powers (checked with the same engine, one AP per position at its new power).
    const [west, , east] = positions.map((point, index) => ({ ...template, id: `p${index}`, apId: `p${index}`, levelId: 'n0', x: point.x, y: point.y, txPowerDbm: eirp - reductions[index]! }));
    const check = placeAccessPoints(corridor, request({ template: { ...template, txPowerDbm: eirp - 9 }, fixed: [west!, east!], candidates: [positions[1]!] }));
    expect(check.met).toBe(true);
    // With no overlap to spare (two APs), nothing is reduced.
    expect(powerReductions(corridor, request({ template }), [{ x: 12, y: 1 }, { x: 28, y: 1 }])).toEqual([0, 0]);
  });

  it('existing locked APs are counted: one fixed AP at the west end leaves one to place', () => {
    const template = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    const result = placeAccessPoints(corridor, request({ template, fixed: [{ ...template, id: 'fixe', apId: 'fixe', x: 10, y: 1 }] }));
    expect(result.met).toBe(true);
    expect(result.positions).toHaveLength(1);
    expect(result.positions[0]!.x).toBeGreaterThanOrEqual(26);
  });

  it('property: on generated office floors, never more APs than greedy; exclusions, wall and AP distances respected', () => {
    for (const seed of [1, 2, 3]) {
      const floor = officeBuilding({ widthM: 30, heightM: 24, wallsPerLevel: 90, levels: 1, apsPerLevel: 1, bands: ['5'], seed });
      const exclusion = [20, 0, 30, 0, 30, 8, 20, 8];
      const placement = request({
        levelId: 'niveau-0',
        grid: { originX: 0, originY: 0, resolutionM: 1, nx: 30, ny: 24 },
        zones: [{ polygon: [0, 0, 30, 0, 30, 24, 0, 24], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null }],
        exclusions: [exclusion],
        template: { ...floor.radios[0]!, txPowerDbm: 10 },
        candidateSpacingM: 1.5,
        minWallDistanceM: 0.5,
        minApDistanceM: 6,
        targetShare: 0.95,
        seed,
      });
      const ours = placeAccessPoints(floor, placement);
      const baseline = greedyPlacement(floor, placement);
      expect(ours.positions.length).toBeLessThanOrEqual(baseline.positions.length);
      expect(ours.baselineCount).toBe(baseline.positions.length);
      if (baseline.met) expect(ours.met).toBe(true);
      const walls = floor.levels[0]!.walls;
      for (const [index, point] of ours.positions.entries()) {
        expect(pointInPolygon(point.x, point.y, Float64Array.from(exclusion))).toBe(false);
        for (const wall of walls) {
          const dx = wall.bx - wall.ax;
          const dy = wall.by - wall.ay;
          const t = Math.max(0, Math.min(1, ((point.x - wall.ax) * dx + (point.y - wall.ay) * dy) / (dx * dx + dy * dy)));
          expect(Math.hypot(wall.ax + t * dx - point.x, wall.ay + t * dy - point.y)).toBeGreaterThanOrEqual(0.5);
        }
        for (const other of ours.positions.slice(index + 1)) expect(Math.hypot(other.x - point.x, other.y - point.y)).toBeGreaterThanOrEqual(6);
      }
    }
  });

  it('mounting areas: APs go only where they may be mounted, and still cover the corridor', () => {
    // Two ceiling strips, 8–12 m and 28–32 m: from 12 and 28 m the 14 m cells reach 0–26 and 14–40 m.
    const template = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    const areas = [
      [8, 0, 12, 0, 12, 2, 8, 2],
      [28, 0, 32, 0, 32, 2, 28, 2],
    ];
    const result = placeAccessPoints(corridor, request({ template, mountingAreas: areas }));
    expect(result.met).toBe(true);
    expect(result.positions).toHaveLength(2);
    for (const point of result.positions) expect(areas.some((area) => pointInPolygon(point.x, point.y, Float64Array.from(area)))).toBe(true);
    // A single strip at one end cannot serve the far end: the requirement is reported unmet, nothing placed outside.
    const oneEnd = placeAccessPoints(corridor, request({ template, mountingAreas: [[0, 0, 4, 0, 4, 2, 0, 2]] }));
    expect(oneEnd.met).toBe(false);
    for (const point of oneEnd.positions) expect(point.x).toBeLessThanOrEqual(4);
  });

  it('proposed powers respect the EIRP cap of the channel each AP gets', () => {
    // 28 dBm + 0 dBi: legal on 5 GHz channels 100–140 (30 dBm EIRP), 5 dB too much on 36–64 (23 dBm).
    const loud = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: 28, antennaGainDbi: 0 });
    const requirement = { minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null, minSnrDb: 0, maxCoChannelAps: null, minPhyRateMbps: null };
    const wide = scene([level('n0', [])], [], { clientHeightM: 1 });
    const long = request({ template: loud, grid: { originX: 0, originY: 0, resolutionM: 1, nx: 400, ny: 2 }, zones: [{ polygon: [0, 0, 400, 0, 400, 2, 0, 2], minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null }], candidateSpacingM: 2, minApDistanceM: 4, restarts: 0 });
    // Without DFS every AP gets a channel of 36–48: each is brought down to 23 dBm (−5 dB).
    const proposal = proposeLevelPlan(wide, { ...long, requirements: [requirement], templates: [loud], widths: { '5': 20 }, allowDfs: false, powerPlan: false });
    expect(proposal.positions.length).toBeGreaterThanOrEqual(1);
    for (const channel of proposal.channels['5']!) expect(channel).toBeLessThanOrEqual(48);
    expect(proposal.txPowerDbm['5']).toEqual(proposal.positions.map(() => 23));
    expect(proposal.eirpCapped).toEqual(proposal.positions.map((_, index) => ({ band: '5', index, reductionDb: 5 })));
    // At a legal power nothing changes.
    const quiet = proposeLevelPlan(wide, { ...long, requirements: [requirement], templates: [{ ...loud, txPowerDbm: 20 }], widths: { '5': 20 }, allowDfs: false, powerPlan: false });
    expect(quiet.eirpCapped).toEqual([]);
    expect(new Set(quiet.txPowerDbm['5'])).toEqual(new Set([20]));
    // Caps by hand: 2.4 GHz 20 dBm; a 160 MHz block on 36–64 takes 23 dBm; 80 MHz on 100–112, 30 dBm; 6 GHz LPI 23 dBm.
    expect(blockMaxEirpDbm('2.4', 6, 20)).toBe(20);
    expect(blockMaxEirpDbm('5', 36, 160)).toBe(23);
    expect(blockMaxEirpDbm('5', 104, 80)).toBe(30);
    expect(blockMaxEirpDbm('6', 37, 80)).toBe(23);
    expect(eirpExcessDb('5', 36, 20, 20, 6)).toBe(3);
  });

  it('is deterministic for a seed', () => {
    const template = radio('modele', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 });
    expect(placeAccessPoints(corridor, request({ template, seed: 9 }))).toEqual(placeAccessPoints(corridor, request({ template, seed: 9 })));
  });
});

describe('client walk', () => {
  it('a sticky client walking between two APs 40 m apart hands over where the other AP is 5 dB stronger and its own is below −70 dBm', () => {
    // Equal EIRP, free space, same heights: 20·log10(d1/d2) = 5 dB at d1/d2 = 1.778, i.e. 25.6 m from the first AP.
    const eirp = -70 + freeSpaceLossDb(10, 5180); // −70 dBm at 10 m: well below the trigger by 25 m
    const walkScene = scene([level('n0', [])], [radio('a', 0, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 }), radio('b', 40, 0, { mountingHeightM: 1, txPowerDbm: eirp, antennaGainDbi: 0 })], { clientHeightM: 1 });
    const profile = walkProfile(walkScene, 'n0', '5', [{ x: 0.5, y: 0 }, { x: 39.5, y: 0 }], { stepM: 0.1, hysteresisDb: 5, roamTriggerDbm: -70 });
    expect(profile.handovers).toHaveLength(1);
    expect(profile.handovers[0]!.x).toBeCloseTo((40 * 1.7783) / 2.7783, 0);
    expect(profile.samples[0]!.serving).toBe(0);
    expect(profile.samples.at(-1)!.serving).toBe(1);
    // Without hysteresis or trigger (always the strongest) the client switches at the middle.
    const eager = walkProfile(walkScene, 'n0', '5', [{ x: 0.5, y: 0 }, { x: 39.5, y: 0 }], { stepM: 0.1, hysteresisDb: 0, roamTriggerDbm: 0 });
    expect(eager.handovers[0]!.x).toBeCloseTo(20, 0);
    expect(samplePath([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }], 0.5).map((point) => point.distanceM)).toEqual([0, 0.5, 1, 1.5, 2]);
  });
});

describe('non-Wi-Fi source impact', () => {
  it('is the duty-cycle-averaged source level, with the same propagation as the APs, in its band only', () => {
    const free = scene([level('n0', [])], [], { clientHeightM: 1 });
    const source = { id: 'four', levelId: 'n0', x: 0, y: 0, heightM: 1, band: '2.4' as const, centerFrequencyMHz: 2450, powerDbm: 20, dutyCycle: 0.1 };
    const grid = { originX: 9.95, originY: -0.05, resolutionM: 0.1, nx: 1, ny: 1 }; // the cell centred 10 m away
    // 20 dBm − 10 dB (10 % duty) − FSPL(10 m, 2450 MHz).
    expect(sourceImpact(free, [source], 'n0', '2.4', grid)[0]).toBeCloseTo(20 - 10 - freeSpaceLossDb(10, 2450), 1);
    expect(sourceImpact(free, [source], 'n0', '5', grid)[0]).toBe(-200);
    // European DECT (1.9 GHz) is outside every Wi-Fi band: no impact even if filed under 2.4 GHz.
    expect(sourceImpact(free, [{ ...source, centerFrequencyMHz: 1890 }], 'n0', '2.4', grid)[0]).toBe(-200);
  });

  it('counts in the SINR: an AP and a microwave oven each 10 m from a client, by hand', () => {
    const ap = radio('ap', 20, 0, { band: '2.4', channel: 1, centerMHz: 2412, widthMHz: 20, txPowerDbm: 10, antennaGainDbi: 0 });
    const free = scene([level('n0', [])], [ap], { clientHeightM: 1 });
    const source = { id: 'four', levelId: 'n0', x: 0, y: 0, heightM: 1, band: '2.4' as const, centerFrequencyMHz: 2450, powerDbm: 20, dutyCycle: 0.1 };
    const grid = { originX: 9.95, originY: -0.05, resolutionM: 0.1, nx: 1, ny: 1 };
    const signal = 10 - freeSpaceLossDb(10, 2412);
    const oven = 20 - 10 - freeSpaceLossDb(10, 2450);
    const noise = noiseFloorDbm(20, free.settings.noiseFigureDb);
    const expected = 10 * Math.log10(10 ** (signal / 10) / (10 ** (noise / 10) + 10 ** (oven / 10)));
    const session = new PredictionSession();
    session.setScene(free);
    const without = session.bandLayers('n0', '2.4', grid).layers;
    // Alone, the AP's SINR is its SNR.
    expect(without.sinr[0]).toBeCloseTo(signal - noise, 1);
    const external = sourceInterferenceMw(free, [source], 'n0', '2.4', grid)!;
    expect(10 * Math.log10(external[0]!)).toBeCloseTo(oven, 1);
    const withOven = session.bandLayers('n0', '2.4', grid, undefined, true, external).layers;
    expect(withOven.sinr[0]).toBeCloseTo(expected, 1);
    expect(withOven.sinr[0]!).toBeLessThan(without.sinr[0]! - 20);
    expect(withOven.rateMbps[0]!).toBeLessThan(without.rateMbps[0]!);
    // Two ovens: powers add (3 dB more interference when it dominates the noise).
    const two = sourceInterferenceMw(free, [source, { ...source, id: 'four-2' }], 'n0', '2.4', grid)!;
    expect(10 * Math.log10(two[0]!)).toBeCloseTo(oven + 10 * Math.log10(2), 1);
    // Out of the band: nothing.
    expect(sourceInterferenceMw(free, [source], 'n0', '5', grid)).toBeNull();
  });
});
