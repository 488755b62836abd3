import { describe, expect, it } from 'vitest';
import { levelForecast, splitCellsByBand, type ForecastBandInput } from '../../../propagation/planning/level-forecast.ts';
import { beaconOverhead } from '../../../propagation/planning/beacon-overhead.ts';

// Ten 1 m² cells in a row. 5 GHz: radio a5 serves cells 0–2 and b5 cells 3–9; −60 dBm on 0–5 (100 Mb/s), −75 dBm on
// 6–9 (20 Mb/s). 2.4 GHz: one radio, −55 dBm and 50 Mb/s everywhere.
const five: ForecastBandInput = {
  band: '5',
  radioIds: ['a5', 'b5'],
  layers: {
    best: Float32Array.from([-60, -60, -60, -60, -60, -60, -75, -75, -75, -75]),
    serving: Int16Array.from([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]),
    rateMbps: Float32Array.from([100, 100, 100, 100, 100, 100, 20, 20, 20, 20]),
  },
};
const two: ForecastBandInput = { band: '2.4', radioIds: ['a24'], layers: { best: new Float32Array(10).fill(-55), serving: new Int16Array(10), rateMbps: new Float32Array(10).fill(50) } };
const zone = { id: 'z', mask: new Uint8Array(10).fill(1), users: 10, throughputPerUserMbps: 2, airtimeLimit: 0.25, minPrimaryRssiDbm: -67 };

describe('forecast per radio, band and zone', () => {
  it('band steering: users go to 5 GHz where it meets −67 dBm, else to 2.4 GHz', () => {
    const [masks] = splitCellsByBand([two, five], [zone]);
    expect([...masks!.get('5')!]).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect([...masks!.get('2.4')!]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    // Where no band meets the level, the loudest one takes the cell.
    const weak = { ...zone, minPrimaryRssiDbm: -50 };
    const [loudest] = splitCellsByBand([two, five], [weak]);
    expect([...loudest!.get('2.4')!]).toEqual(new Array(10).fill(1));
  });

  it('clients, airtime and flags per radio by hand', () => {
    const forecast = levelForecast([five, two], [zone], [-67, -72], 1);
    const byId = new Map(forecast.radios.map((row) => [row.radioId, row]));
    // 1 user per cell, 2 Mb/s each. 5 GHz cells at 100 × 0.6 = 60 Mb/s useful: 2/60 of airtime per cell.
    expect(byId.get('a5')!.clients).toBeCloseTo(3, 9);
    expect(byId.get('a5')!.airtime).toBeCloseTo(3 * (2 / 60), 9);
    expect(byId.get('b5')!.clients).toBeCloseTo(3, 9);
    // 2.4 GHz: 4 users at 50 × 0.6 = 30 Mb/s → 4 × 2 / 30 = 0.267, above the zone's 25 % airtime limit.
    expect(byId.get('a24')!.clients).toBeCloseTo(4, 9);
    expect(byId.get('a24')!.airtime).toBeCloseTo(8 / 30, 9);
    expect(byId.get('a24')!.overLimit).toBe(true);
    expect(byId.get('a5')!.overLimit).toBe(false);
    // Served area at −67 and −72 dBm: b5 serves 7 cells but only 3 at −60 dBm.
    expect(byId.get('b5')!.servedAreaM2).toEqual([3, 3]);
    expect(byId.get('a24')!.servedAreaM2).toEqual([10, 10]);
    // Edge rate = 10th percentile of the rates over its zone cells: b5 has [20 ×4, 100 ×3] → 20; a5 → 100.
    expect(byId.get('b5')!.edgeRateMbps).toBe(20);
    expect(byId.get('a5')!.edgeRateMbps).toBe(100);
    // Per zone and band: 60 % of users on 5 GHz, 0.2 of airtime → ⌈0.2 / 0.25⌉ = 1 radio; 2.4 GHz ⌈0.267 / 0.25⌉ = 2.
    const zone5 = forecast.zones.find((row) => row.band === '5')!;
    const zone24 = forecast.zones.find((row) => row.band === '2.4')!;
    expect(zone5.userShare).toBeCloseTo(0.6, 9);
    expect(zone5.radiosNeeded).toBe(1);
    expect(zone24.userShare).toBeCloseTo(0.4, 9);
    expect(zone24.radiosNeeded).toBe(2);
  });

  it('beacon overhead per SSID: 192 µs + 2400 µs at 1 Mb/s on 2.4 GHz, 20 µs + 400 µs at 6 Mb/s on 5 GHz, every 102.4 ms', () => {
    expect(beaconOverhead('2.4', 1)).toBeCloseTo(2592 / 102400, 9);
    expect(beaconOverhead('5', 4)).toBeCloseTo((4 * 420) / 102400, 9);
  });
});
