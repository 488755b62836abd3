/**
 * Adjacent-channel coupling from the 802.11 OFDM transmit spectral mask (rf_reference.md §4.1; IEEE 802.11
 * clauses 17/19/21: 0 dBr to ±9 MHz, −20 dBr at ±11, −28 dBr at ±20, −40 dBr at ±30 MHz and beyond, for 20 MHz;
 * breakpoints scale with the width). Conservative: real transmitters usually beat the mask.
 *
 * κ = power of the interferer's mask falling inside the victim's receive band (an ideal filter over ±45 % of its
 * width, i.e. ±9 MHz at 20 MHz), relative to what the interferer delivers into a receiver of its own channel.
 * κ = 1 for co-channel; a 40 MHz interferer lands about half its power in a 20 MHz victim it overlaps.
 */
const MASK_POINTS_20: readonly [number, number][] = [
  [0, 0],
  [9, 0],
  [11, -20],
  [20, -28],
  [30, -40],
];

function maskDbr(offsetMHz: number, widthMHz: number): number {
  const scaled = Math.abs(offsetMHz) * (20 / widthMHz);
  for (let index = 1; index < MASK_POINTS_20.length; index++) {
    const [x1, y1] = MASK_POINTS_20[index]!;
    if (scaled <= x1) {
      const [x0, y0] = MASK_POINTS_20[index - 1]!;
      return y0 + ((y1 - y0) * (scaled - x0)) / (x1 - x0);
    }
  }
  return -40;
}

function receivedPower(centerOffsetMHz: number, interfererWidthMHz: number, victimWidthMHz: number): number {
  const half = 0.45 * victimWidthMHz;
  const steps = Math.ceil(2 * half * 20); // 0.05 MHz steps
  const step = (2 * half) / steps;
  let sum = 0;
  for (let index = 0; index < steps; index++) {
    const frequency = -half + (index + 0.5) * step;
    sum += 10 ** (maskDbr(frequency - centerOffsetMHz, interfererWidthMHz) / 10);
  }
  return sum * step;
}

const couplingCache = new Map<string, number>();

/** Linear coupling factor (0–1] of an interferer centred `centerOffsetMHz` away from the victim. */
export function channelCoupling(centerOffsetMHz: number, interfererWidthMHz: number, victimWidthMHz: number): number {
  const key = `${Math.abs(centerOffsetMHz)}/${interfererWidthMHz}/${victimWidthMHz}`;
  const cached = couplingCache.get(key);
  if (cached !== undefined) return cached;
  const ownChannel = receivedPower(0, interfererWidthMHz, interfererWidthMHz);
  // A narrow interferer inside a wide victim also delivers its skirts: capped at 1.
  const value = Math.min(1, receivedPower(centerOffsetMHz, interfererWidthMHz, victimWidthMHz) / ownChannel);
  couplingCache.set(key, value);
  return value;
}
