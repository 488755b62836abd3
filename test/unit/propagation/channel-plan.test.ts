import { describe, expect, it } from 'vitest';
import { candidateChannels, planChannels, planCost, roundRobinChannels } from '../../../propagation/planning/channel-plan.ts';
import { mutualHearingMw } from '../../../propagation/planning/mutual-hearing.ts';
import { channelBlock, isLegalChannel } from '../../../propagation/radio/channels.ts';
import { seededRandom } from '../../../propagation/util/random.ts';
import { level, radio, scene } from './scene-builders.ts';

const mw = (dbm: number) => 10 ** (dbm / 10);

describe('channel candidates', () => {
  it('2.4 GHz at 20 MHz: 1, 6 and 11; 5 GHz without DFS: 36–48; with DFS at 80 MHz: four blocks', () => {
    expect(candidateChannels({ band: '2.4', widthMHz: 20, allowDfs: false })).toEqual([1, 6, 11]);
    expect(candidateChannels({ band: '5', widthMHz: 20, allowDfs: false })).toEqual([36, 40, 44, 48]);
    expect(candidateChannels({ band: '5', widthMHz: 80, allowDfs: true }).map((channel) => channelBlock('5', channel, 80)!.centerMHz)).toEqual([5210, 5290, 5530, 5610]);
    expect(candidateChannels({ band: '6', widthMHz: 80, allowDfs: false })).toHaveLength(6);
  });
});

describe('channel plan', () => {
  it('three 2.4 GHz APs in a row that all hear each other end on 1, 6 and 11', () => {
    const s = scene([level('n0', [])], [0, 10, 20].map((x, index) => radio(`ap${index}`, x, 0, { band: '2.4', channel: 1, centerMHz: 2412 })));
    const { heardMw } = mutualHearingMw(s, '2.4');
    expect(heardMw[0]![1]).toBeGreaterThan(heardMw[0]![2]!);
    const plan = planChannels(heardMw, { band: '2.4', widthMHz: 20, allowDfs: false, seed: 1, restarts: 4 });
    expect([...plan.channels].sort((a, b) => a - b)).toEqual([1, 6, 11]);
  });

  it('four APs on three channels: the two farthest apart share a channel', () => {
    // A—B—C—D along a line, 10 m apart: only A and D (30 m) should reuse a channel.
    const s = scene([level('n0', [])], [0, 10, 20, 30].map((x, index) => radio(`ap${index}`, x, 0, { band: '2.4', channel: 1, centerMHz: 2412 })));
    const plan = planChannels(mutualHearingMw(s, '2.4').heardMw, { band: '2.4', widthMHz: 20, allowDfs: false, seed: 3, restarts: 8 });
    expect(plan.channels[0]).toBe(plan.channels[3]);
    expect(new Set(plan.channels.slice(0, 3)).size).toBe(3);
  });

  it('keeps locked radios on their channel', () => {
    const heard = [[0, mw(-50), mw(-50)], [mw(-50), 0, mw(-50)], [mw(-50), mw(-50), 0]];
    const plan = planChannels(heard, { band: '2.4', widthMHz: 20, allowDfs: false, seed: 1, restarts: 2 }, [6, null, null]);
    expect(plan.channels[0]).toBe(6);
    expect([...plan.channels].sort((a, b) => a - b)).toEqual([1, 6, 11]);
  });

  it('property: always legal channels (no DFS unless allowed), never costlier than round-robin', () => {
    const random = seededRandom(77);
    for (let trial = 0; trial < 40; trial++) {
      const count = 2 + Math.floor(random() * 12);
      const heard = Array.from({ length: count }, (_, i) => Array.from({ length: count }, (_, j) => (i === j ? 0 : mw(-95 + random() * 55))));
      const band = random() < 0.5 ? ('2.4' as const) : ('5' as const);
      const widthMHz = band === '2.4' ? 20 : ([20, 40, 80] as const)[Math.floor(random() * 3)]!;
      const allowDfs = random() < 0.5;
      const options = { band, widthMHz, allowDfs, seed: trial, restarts: 3 };
      const plan = planChannels(heard, options);
      for (const channel of plan.channels) {
        expect(isLegalChannel(band, channel)).toBe(true);
        expect(channelBlock(band, channel, widthMHz)).not.toBeNull();
        if (band === '5' && !allowDfs) expect(channel).toBeLessThan(52);
      }
      expect(plan.cost).toBeCloseTo(planCost(heard, plan.channels, options), 12);
      expect(plan.cost).toBeLessThanOrEqual(planCost(heard, roundRobinChannels(count, options), options) * (1 + 1e-12));
    }
  });

  it('is deterministic for a seed', () => {
    const random = seededRandom(5);
    const heard = Array.from({ length: 9 }, (_, i) => Array.from({ length: 9 }, (_, j) => (i === j ? 0 : mw(-90 + random() * 40))));
    const options = { band: '5' as const, widthMHz: 40 as const, allowDfs: true, seed: 12, restarts: 5 };
    expect(planChannels(heard, options)).toEqual(planChannels(heard, options));
  });
});
