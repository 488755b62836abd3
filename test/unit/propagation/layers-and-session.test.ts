import { describe, expect, it } from 'vitest';
import { BandAccumulator } from '../../../propagation/layers/band-accumulator.ts';
import { combineBand, DEFAULT_LAYER_OPTIONS, layerValues, type LayerRadio } from '../../../propagation/layers/band-layers.ts';
import { zoneMask, zoneStatistics } from '../../../propagation/layers/zone-statistics.ts';
import { noiseFloorDbm } from '../../../propagation/radio/noise.ts';
import { channelCoupling } from '../../../propagation/radio/spectral-mask.ts';
import { levelGrid, officeBuilding } from '../../../propagation/scenarios/office-floor.ts';
import { PredictionSession } from '../../../propagation/session/prediction-session.ts';
import { seededRandom } from '../../../propagation/util/random.ts';
import { NO_SIGNAL_DBM } from '../../../propagation/scene/types.ts';

const lin = (dbm: number) => 10 ** (dbm / 10);

function layerRadio(channel: number): LayerRadio {
  return { band: '2.4', channel, widthMHz: 20, centerMHz: 2407 + 5 * channel, spatialStreams: 2 };
}

describe('band layers, hand-computed', () => {
  it('adjacent-channel map: leaks from non-overlapping channels by the published 2.4 GHz table, co-channel excluded', () => {
    // Serving on channel 1 at −40 dBm; channel 6 at −50 dBm (25 MHz away: −30.6 dB), channel 3 at −60 dBm (10 MHz:
    // −3.3 dB), another channel 1 at −55 dBm (co-channel, not adjacent): −80.6 ⊕ −63.3 dBm = −63.22 dBm.
    const radios = [layerRadio(1), layerRadio(6), layerRadio(3), layerRadio(1)];
    const fields = [Float32Array.of(-40), Float32Array.of(-50), Float32Array.of(-60), Float32Array.of(-55)];
    const layers = combineBand(radios, fields, 1);
    expect(layerValues(layers, 'adjacent-channel')[0]).toBeCloseTo(10 * Math.log10(lin(-80.6) + lin(-63.3)), 1);
    // The accumulator agrees.
    const accumulator = new BandAccumulator(1, DEFAULT_LAYER_OPTIONS);
    accumulator.sync(radios.map((radio, index) => ({ id: `r${index}`, radio, field: fields[index]! })));
    expect(layerValues(accumulator.layers(), 'adjacent-channel')[0]).toBeCloseTo(layerValues(layers, 'adjacent-channel')[0]!, 2);
    // Only co-channel neighbours: no adjacent leak at all.
    expect(layerValues(combineBand([layerRadio(1), layerRadio(1)], [Float32Array.of(-40), Float32Array.of(-55)], 1), 'adjacent-channel')[0]).toBe(-200);
  });

  it('one cell, three radios: ranking, SNR, SINR with co- and adjacent-channel interference, overlap counts', () => {
    const radios = [layerRadio(1), layerRadio(1), layerRadio(6)];
    const fields = [Float32Array.of(-60), Float32Array.of(-70), Float32Array.of(-65)];
    const options = { ...DEFAULT_LAYER_OPTIONS, utilisation: 0.5, heardThresholdDbm: -68, ccaThresholdDbm: -82 };
    const layers = combineBand(radios, fields, 1, options);
    expect(layers.best[0]).toBe(-60);
    expect(layers.second[0]).toBe(-65);
    expect(layers.third[0]).toBe(-70);
    expect(layers.serving[0]).toBe(0);
    const noise = noiseFloorDbm(20, 7);
    expect(layers.snr[0]).toBeCloseTo(-60 - noise, 4);
    const interference = 0.5 * (lin(-70) + channelCoupling(25, 20, 20) * lin(-65));
    expect(layers.sinr[0]).toBeCloseTo(10 * Math.log10(lin(-60) / (lin(noise) + interference)), 3);
    expect(layers.sinr[0]).toBeCloseTo(12.98, 1);
    expect(layers.heard[0]).toBe(2); // −60 and −65 are above −68
    expect(layers.coChannel[0]).toBe(1); // the other channel-1 radio, at −70 ≥ −82
  });

  const mixed5GHz: LayerRadio[] = [
    { band: '5', channel: 36, widthMHz: 20, centerMHz: 5180, spatialStreams: 2 },
    { band: '5', channel: 40, widthMHz: 20, centerMHz: 5200, spatialStreams: 2 },
    { band: '5', channel: 52, widthMHz: 40, centerMHz: 5270, spatialStreams: 2 },
    { band: '5', channel: 100, widthMHz: 80, centerMHz: 5530, spatialStreams: 4 },
    { band: '5', channel: 116, widthMHz: 20, centerMHz: 5580, spatialStreams: 2 },
    { band: '5', channel: 44, widthMHz: 80, centerMHz: 5210, spatialStreams: 2 },
  ];

  it.each([
    ['2.4 GHz, partly overlapping channels', [1, 6, 11, 1, 6, 11, 3].map(layerRadio), false],
    ['5 GHz, mixed 20/40/80 MHz widths', mixed5GHz, false],
    ['5 GHz, output arrays reused from call to call, RSSI-only calls in between', mixed5GHz, true],
  ])('the incremental accumulator equals a from-scratch combination after many random replacements (%s)', (_name, radios, reuse) => {
    let previous: ReturnType<BandAccumulator['layers']> | null = null;
    const random = seededRandom(9);
    const cells = 500;
    const makeField = () => Float32Array.from({ length: cells }, () => (random() < 0.05 ? -200 : -95 + random() * 60));
    let fields = radios.map(makeField);
    const accumulator = new BandAccumulator(cells, DEFAULT_LAYER_OPTIONS);
    const sync = () => accumulator.sync(radios.map((radio, index) => ({ id: `r${index}`, radio, field: fields[index]! })));
    sync();
    for (let step = 0; step < 30; step++) {
      const index = Math.floor(random() * radios.length);
      fields = fields.map((field, k) => (k === index ? makeField() : field));
      sync();
      // Every other step with a non-Wi-Fi source's power on some cells (up to −60 dBm).
      const external = step % 2 ? Float32Array.from({ length: cells }, () => (random() < 0.3 ? 10 ** ((-100 + random() * 40) / 10) : 0)) : null;
      if (reuse) {
        // An RSSI-only call first: its empty interference layers must not leak into the next full call.
        previous = accumulator.layers(false, null, previous);
        expect(Array.from(previous.coChannel).every((value) => value === 0)).toBe(true);
        expect(Array.from(previous.sinr).every((value) => value === -200)).toBe(true);
      }
      const incremental = accumulator.layers(true, external, reuse ? previous : null);
      if (reuse) expect(incremental.sinr).toBe(previous!.sinr);
      previous = incremental;
      const reference = combineBand(radios, fields, cells, DEFAULT_LAYER_OPTIONS, external);
      for (const key of ['best', 'second', 'third', 'heard', 'coChannel', 'rateMbps'] as const) expect(Array.from(incremental[key])).toEqual(Array.from(reference[key]));
      for (let cell = 0; cell < cells; cell++) expect(Math.abs(incremental.sinr[cell]! - reference.sinr[cell]!)).toBeLessThan(1e-4);
      const [incrementalAdjacent, referenceAdjacent] = [layerValues(incremental, 'adjacent-channel'), layerValues(reference, 'adjacent-channel')];
      for (let cell = 0; cell < cells; cell++) {
        const [a, b] = [incrementalAdjacent[cell]!, referenceAdjacent[cell]!];
        // Both absent, or within 0.01 dB (cells right at the −130 dBm floor may fall either side).
        if (a > -129 && b > -129) expect(Math.abs(a - b)).toBeLessThan(1e-2);
        else if (a < -131 && b < -131) expect(a > -200).toBe(b > -200);
      }
    }
  });
});

describe('zone statistics', () => {
  it('a 2 × 1 m zone on a 0.5 m grid has 8 cells; half of them meet −70 dBm', () => {
    const grid = { originX: 0, originY: 0, resolutionM: 0.5, nx: 4, ny: 2 };
    const mask = zoneMask([0, 0, 2, 0, 2, 1, 0, 1], grid);
    expect(Array.from(mask)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    const best = Float32Array.of(-60, -65, -75, -80, -60, -65, -75, -80);
    const layers = { best, second: best.map((value) => value - 10), third: best, serving: new Int16Array(8), snr: best.map((value) => value + 94), sinr: best, heard: new Uint8Array(8), coChannel: new Uint8Array(8), rateMbps: new Float32Array(8), adjacentMw: new Float32Array(8) };
    const stats = zoneStatistics(layers, mask, 0.5, { minPrimaryRssiDbm: -70, minSecondaryRssiDbm: -72, minSnrDb: 25, maxCoChannelAps: 1, minPhyRateMbps: null });
    expect(stats.areaM2).toBe(2);
    expect(stats.primary).toBe(0.5);
    expect(stats.secondary).toBe(0.25);
    expect(stats.snr).toBe(0.5);
    expect(stats.rate).toBeNull();
    expect(stats.all).toBe(0.25);
  });
});

describe('prediction session cache', () => {
  const base = officeBuilding({ widthM: 40, heightM: 30, wallsPerLevel: 120, levels: 1, apsPerLevel: 4, bands: ['2.4', '5'], seed: 5, settings: { reachFloorDbm: -85 } });
  const grid = levelGrid(40, 30, 0.5);

  it('moving one AP recomputes only that AP, in the band asked for; the layers equal a fresh session', () => {
    const session = new PredictionSession();
    session.setScene(base);
    session.bandLayers('niveau-0', '5', grid);
    expect(session.computedGroups).toBe(4);
    session.bandLayers('niveau-0', '2.4', grid);
    expect(session.computedGroups).toBe(8);
    const apId = base.radios[0]!.apId;
    const moved = { ...base, radios: base.radios.map((radio) => (radio.apId === apId ? { ...radio, x: radio.x + 2 } : radio)) };
    session.setScene(moved);
    const updated = session.bandLayers('niveau-0', '5', grid).layers;
    expect(session.computedGroups).toBe(9);
    session.bandLayers('niveau-0', '2.4', grid);
    expect(session.computedGroups).toBe(10);
    const fresh = new PredictionSession();
    fresh.setScene(moved);
    expect(Array.from(updated.best)).toEqual(Array.from(fresh.bandLayers('niveau-0', '5', grid).layers.best));
  });

  it('a band computed alone equals the same band computed with the other radios of its AP (each radio within its own reach)', () => {
    // A high reach floor (−45 dBm), so that both bands end inside the 40 × 30 m floor.
    const short = officeBuilding({ widthM: 40, heightM: 30, wallsPerLevel: 120, levels: 1, apsPerLevel: 4, bands: ['2.4', '5'], seed: 5, settings: { reachFloorDbm: -45 } });
    const together = new PredictionSession();
    together.setScene(short);
    together.ensure('niveau-0', null, grid);
    expect(together.computedGroups).toBe(4);
    const alone = new PredictionSession();
    alone.setScene(short);
    for (const band of ['2.4', '5'] as const) {
      const a = together.bandFields('niveau-0', band, grid);
      const b = alone.bandFields('niveau-0', band, grid);
      expect(a.radios.map((radio) => radio.id)).toEqual(b.radios.map((radio) => radio.id));
      a.fields.forEach((field, index) => expect(Array.from(field)).toEqual(Array.from(b.fields[index]!)));
    }
    // 2.4 GHz reaches further than 5 GHz at the same power: cells only 2.4 GHz reaches have no 5 GHz value (the
    // joint job computed them for 2.4 GHz and left them empty for 5 GHz).
    const far = together.bandFields('niveau-0', '5', grid).fields[0]!;
    const near = together.bandFields('niveau-0', '2.4', grid).fields[0]!;
    expect(far.some((value, cell) => value === NO_SIGNAL_DBM && near[cell]! > NO_SIGNAL_DBM)).toBe(true);
    expect(together.computedGroups).toBe(4);
    expect(alone.computedGroups).toBe(8);
  });

  it('editing a wall recomputes only the APs whose reach includes it', () => {
    const session = new PredictionSession();
    const walls = [...base.levels[0]!.walls, { ax: 5000, ay: 5000, bx: 5010, by: 5000, lossDb: [3, 4, 4] as [number, number, number], bottomM: 0, topM: Infinity }];
    const withFarWall = { ...base, levels: [{ ...base.levels[0]!, walls }] };
    session.setScene(withFarWall);
    session.ensure('niveau-0', null, grid);
    expect(session.computedGroups).toBe(4);
    // Move the far wall (7 km away, beyond every AP's −85 dBm free-space reach of about 1 km): nothing to recompute.
    const farMoved = { ...withFarWall, levels: [{ ...withFarWall.levels[0]!, walls: walls.map((wall, index) => (index === walls.length - 1 ? { ...wall, ax: 5020 } : wall)) }] };
    session.setScene(farMoved);
    session.ensure('niveau-0', null, grid);
    expect(session.computedGroups).toBe(4);
    // Change a wall in the middle of the floor: every AP sees it.
    const nearChanged = { ...farMoved, levels: [{ ...farMoved.levels[0]!, walls: walls.map((wall, index) => (index === 5 ? { ...wall, lossDb: [20, 20, 20] as [number, number, number] } : wall)) }] };
    session.setScene(nearChanged);
    session.ensure('niveau-0', null, grid);
    expect(session.computedGroups).toBe(8);
  });
});

describe('roaming layer', async () => {
  const { layerValues, roamingMargin } = await import('../../../propagation/layers/band-layers.ts');
  it('is best − second where a second AP is usable and within the client hysteresis, no value elsewhere', () => {
    const layers = { best: Float32Array.of(-50, -60, -40, -70), second: Float32Array.of(-53, -80, -75, -74) };
    // Default client (second usable from −75 dBm, 5 dB hysteresis): 3 dB and 4 dB hand over; −80 dBm is not usable;
    // 35 dB apart, the client stays on the best AP.
    expect([...roamingMargin(layers)]).toEqual([3, -200, -200, 4]);
    // A client with a 40 dB hysteresis also counts the 35 dB cell; one that uses APs from −85 dBm with 20 dB, the 20 dB one.
    expect([...roamingMargin(layers, { candidateDbm: -75, hysteresisDb: 40 })]).toEqual([3, -200, 35, 4]);
    expect([...roamingMargin(layers, { candidateDbm: -85, hysteresisDb: 20 })]).toEqual([3, 20, -200, 4]);
    // A 2 dB hysteresis keeps only near-equal signals.
    expect([...roamingMargin(layers, { candidateDbm: -75, hysteresisDb: 2 })]).toEqual([-200, -200, -200, -200]);
    expect(layerValues({ ...layers } as never, 'roaming', { candidateDbm: -85, hysteresisDb: 20 })).toEqual(roamingMargin(layers, { candidateDbm: -85, hysteresisDb: 20 }));
  });
});

describe('pass/fail map of the zones’ requirements', async () => {
  const { requirementMap, REQUIREMENT_CODES } = await import('../../../propagation/layers/zone-statistics.ts');
  it('gives 0 where every criterion is met, else the first criterion failed, nothing outside the zones', () => {
    // Six cells: all good; weak primary; no second AP; low SNR; too many same-channel APs; low rate. Cell 6 is outside.
    const layers = {
      best: Float32Array.of(-60, -70, -60, -60, -60, -60, -60),
      second: Float32Array.of(-65, -65, -80, -65, -65, -65, -65),
      third: new Float32Array(7),
      serving: new Int16Array(7),
      snr: Float32Array.of(30, 30, 30, 20, 30, 30, 30),
      sinr: new Float32Array(7),
      heard: new Uint8Array(7),
      coChannel: Uint8Array.of(0, 0, 0, 0, 3, 0, 0),
      rateMbps: Float32Array.of(200, 200, 200, 200, 200, 50, 200),
      adjacentMw: new Float32Array(7),
    };
    const requirement = { minPrimaryRssiDbm: -67, minSecondaryRssiDbm: -70, minSnrDb: 25, maxCoChannelAps: 1, minPhyRateMbps: 100 };
    const mask = Uint8Array.of(1, 1, 1, 1, 1, 1, 0);
    const map = requirementMap(layers, [{ mask, requirement }]);
    expect([...map]).toEqual([0, 1, 2, 3, 4, 5, -200]);
    expect(REQUIREMENT_CODES[map[4]!]).toBe('coChannel');
    // A laxer profile on an overlapping zone listed second does not override the first zone's verdict.
    const lax = { minPrimaryRssiDbm: -90, minSecondaryRssiDbm: null, minSnrDb: 0, maxCoChannelAps: null, minPhyRateMbps: null };
    expect([...requirementMap(layers, [{ mask, requirement }, { mask: new Uint8Array(7).fill(1), requirement: lax }])]).toEqual([0, 1, 2, 3, 4, 5, 0]);
  });
});
