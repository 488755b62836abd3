/**
 * Channel plan for one band: choose a channel (and its bonded block) for each radio so that radios that hear each
 * other loudly share as little spectrum as possible. Cost of a plan = Σ over ordered pairs of
 * P(j heard at i, mW) · κ(block_j → block_i), κ from the 802.11 spectral mask (radio/spectral-mask.ts).
 * Deterministic for a seed: greedy assignment, loudest radios first, then rounds of single-radio moves that lower
 * the cost, then random restarts of that descent, keeping the best plan.
 */
import { channelBlock, CHANNELS_20MHZ, type BandId, type ChannelWidthMHz } from '../radio/channels.ts';
import { channelCoupling } from '../radio/spectral-mask.ts';
import { seededRandom } from '../util/random.ts';

export interface ChannelPlanOptions {
  band: BandId;
  widthMHz: ChannelWidthMHz;
  /** 5 GHz: allow DFS channels (52–64, 100–140). */
  allowDfs: boolean;
  seed: number;
  restarts: number;
  /** 2.4 GHz at 20 MHz: restrict to the non-overlapping 1 / 6 / 11 (default true). */
  nonOverlapping24?: boolean;
}

export interface ChannelPlan {
  channels: number[];
  cost: number;
}

/** Primary channels whose block at this width is legal; one primary per block (the lowest). */
export function candidateChannels(options: Pick<ChannelPlanOptions, 'band' | 'widthMHz' | 'allowDfs' | 'nonOverlapping24'>): number[] {
  const { band, widthMHz } = options;
  if (band === '2.4' && widthMHz === 20 && options.nonOverlapping24 !== false) return [1, 6, 11];
  const seen = new Set<number>();
  const result: number[] = [];
  for (const info of CHANNELS_20MHZ[band]) {
    if (band === '5' && info.dfs && !options.allowDfs) continue;
    const block = channelBlock(band, info.channel, widthMHz);
    if (!block || seen.has(block.centerMHz)) continue;
    if (band === '5' && !options.allowDfs && block.channels.some((channel) => CHANNELS_20MHZ['5'].find((entry) => entry.channel === channel)?.dfs)) continue;
    seen.add(block.centerMHz);
    result.push(info.channel);
  }
  return result;
}

/**
 * `heardMw[i][j]`: power of radio j received at radio i (mW). Returns channels in radio order.
 * `fixed[i]`, when set, keeps radio i on that channel (locked APs).
 */
export function planChannels(heardMw: readonly (readonly number[])[], options: ChannelPlanOptions, fixed: readonly (number | null)[] = []): ChannelPlan {
  const count = heardMw.length;
  const candidates = candidateChannels(options);
  if (count === 0 || candidates.length === 0) return { channels: [], cost: 0 };
  const centres = candidates.map((channel) => channelBlock(options.band, channel, options.widthMHz)!.centerMHz);
  const coupling = centres.map((victim) => centres.map((source) => channelCoupling(source - victim, options.widthMHz, options.widthMHz)));
  const weight = (i: number, j: number) => (i === j ? 0 : heardMw[i]![j]! + heardMw[j]![i]!);
  const fixedIndex = Array.from({ length: count }, (_, i) => (fixed[i] == null ? -1 : candidates.indexOf(fixed[i]!)));

  const radioCost = (plan: number[], i: number, candidate: number) => {
    let cost = 0;
    for (let j = 0; j < count; j++) if (j !== i && plan[j]! >= 0) cost += weight(i, j) * coupling[candidate]![plan[j]!]!;
    return cost;
  };
  const totalCost = (plan: number[]) => {
    let cost = 0;
    for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) cost += weight(i, j) * coupling[plan[i]!]![plan[j]!]!;
    return cost;
  };
  const descend = (plan: number[]) => {
    for (let round = 0; round < 50; round++) {
      let improved = false;
      for (let i = 0; i < count; i++) {
        if (fixedIndex[i]! >= 0) continue;
        let best = plan[i]!;
        let bestCost = radioCost(plan, i, best);
        for (let candidate = 0; candidate < candidates.length; candidate++) {
          const cost = radioCost(plan, i, candidate);
          if (cost < bestCost - 1e-18) {
            best = candidate;
            bestCost = cost;
          }
        }
        if (best !== plan[i]) {
          plan[i] = best;
          improved = true;
        }
      }
      if (!improved) break;
    }
    return plan;
  };

  // Greedy: loudest radios first (most total coupling), each on its cheapest channel given those placed.
  const loudness = Array.from({ length: count }, (_, i) => Array.from({ length: count }, (_, j) => weight(i, j)).reduce((sum, value) => sum + value, 0));
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => loudness[b]! - loudness[a]! || a - b);
  const greedy = fixedIndex.map((index) => index);
  for (const i of order) {
    if (greedy[i]! >= 0) continue;
    let best = 0;
    let bestCost = Infinity;
    for (let candidate = 0; candidate < candidates.length; candidate++) {
      const cost = radioCost(greedy, i, candidate);
      if (cost < bestCost - 1e-18) {
        best = candidate;
        bestCost = cost;
      }
    }
    greedy[i] = best;
  }
  let bestPlan = descend(greedy);
  let bestCost = totalCost(bestPlan);
  // The round-robin plan is one more starting point, so the result never costs more than the naive baseline.
  const roundRobin = descend(fixedIndex.map((index, i) => (index >= 0 ? index : i % candidates.length)));
  if (totalCost(roundRobin) < bestCost - 1e-18) {
    bestPlan = roundRobin;
    bestCost = totalCost(roundRobin);
  }
  const random = seededRandom(options.seed);
  for (let restart = 0; restart < options.restarts; restart++) {
    const start = fixedIndex.map((index) => (index >= 0 ? index : Math.floor(random() * candidates.length)));
    const plan = descend(start);
    const cost = totalCost(plan);
    if (cost < bestCost - 1e-18) {
      bestPlan = plan;
      bestCost = cost;
    }
  }
  return { channels: bestPlan.map((index) => candidates[index]!), cost: bestCost };
}

/** Plan cost as planChannels counts it, for any assignment (used to compare with the baseline). */
export function planCost(heardMw: readonly (readonly number[])[], channels: readonly number[], options: Pick<ChannelPlanOptions, 'band' | 'widthMHz'>): number {
  let cost = 0;
  const centre = (channel: number) => channelBlock(options.band, channel, options.widthMHz)?.centerMHz ?? 0;
  for (let i = 0; i < channels.length; i++) {
    for (let j = i + 1; j < channels.length; j++) cost += (heardMw[i]![j]! + heardMw[j]![i]!) * channelCoupling(centre(channels[j]!) - centre(channels[i]!), options.widthMHz, options.widthMHz);
  }
  return cost;
}

/** The naive baseline: channels handed out in turn, in radio order. */
export function roundRobinChannels(count: number, options: Pick<ChannelPlanOptions, 'band' | 'widthMHz' | 'allowDfs' | 'nonOverlapping24'>): number[] {
  const candidates = candidateChannels(options);
  return Array.from({ length: count }, (_, index) => candidates[index % candidates.length]!);
}
