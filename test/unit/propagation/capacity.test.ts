import { describe, expect, it } from 'vitest';
import { bandCapacity } from '../../../propagation/planning/capacity.ts';

const layers = (serving: number[], rate: number[]) => ({ serving: Int16Array.from(serving), rateMbps: Float32Array.from(rate) });
const all = (n: number) => new Uint8Array(n).fill(1);

describe('capacity', () => {
  it('20 users × 5 Mb/s on one radio at 100 Mb/s PHY and 50 % MAC efficiency need 200 % airtime: 3 radios at a 70 % limit', () => {
    const result = bandCapacity(layers(Array(10).fill(0), Array(10).fill(100)), 1, [{ id: 'z', mask: all(10), users: 20, throughputPerUserMbps: 5, airtimeLimit: 0.7 }], { bandShare: 1, macEfficiency: 0.5 });
    expect(result.radios[0]!.airtime).toBeCloseTo(2, 12);
    expect(result.radios[0]!.clients).toBeCloseTo(20, 12);
    expect(result.radios[0]!.overLimit).toBe(true);
    expect(result.zones[0]).toMatchObject({ demandMbps: 100, radiosNeeded: 3, unservedUsers: 0 });
  });

  it('two radios sharing the zone half each; a voice zone sets the stricter 50 % limit', () => {
    const result = bandCapacity(layers([0, 0, 1, 1], [200, 200, 50, 50]), 2, [{ id: 'voix', mask: all(4), users: 8, throughputPerUserMbps: 1, airtimeLimit: 0.5 }], { bandShare: 0.75, macEfficiency: 1 });
    // 6 users on this band, 1.5 per cell, 1.5 Mb/s per cell: radio 0 takes 2 × 1.5 / 200, radio 1 takes 2 × 1.5 / 50.
    expect(result.radios[0]!.airtime).toBeCloseTo(0.015, 12);
    expect(result.radios[1]!.airtime).toBeCloseTo(0.06, 12);
    expect(result.radios.map((radio) => radio.airtimeLimit)).toEqual([0.5, 0.5]);
    expect(result.radios.every((radio) => !radio.overLimit)).toBe(true);
    expect(result.zones[0]!.radiosNeeded).toBe(1);
  });

  it('users in cells nobody serves are counted apart, not given airtime', () => {
    const result = bandCapacity(layers([0, -1, 0, 0], [100, 0, 0, 100]), 1, [{ id: 'z', mask: all(4), users: 4, throughputPerUserMbps: 10, airtimeLimit: 0.7 }], { bandShare: 1, macEfficiency: 1 });
    expect(result.zones[0]!.unservedUsers).toBe(2);
    expect(result.radios[0]!.clients).toBe(2);
    expect(result.radios[0]!.airtime).toBeCloseTo(0.2, 12);
  });
});
