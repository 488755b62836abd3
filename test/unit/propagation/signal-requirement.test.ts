import { describe, expect, it } from 'vitest';
import { noiseFloorDbm } from '../../../propagation/radio/noise.ts';
import { requiredSignal, signalForRateDbm } from '../../../propagation/planning/signal-requirement.ts';

// Wi-Fi 6 (HE) 2×2 client, 0.8 µs guard interval, on a 40 MHz channel: 468 data subcarriers, 13.6 µs symbols.
// Rates by hand: MCS 2 = 468 × 2 × 3/4 × 2 / 13.6 = 103.2 Mb/s, MCS 4 = 468 × 4 × 3/4 × 2 / 13.6 = 206.5 Mb/s.
// 802.11 minimum sensitivities (20 MHz) MCS 2 −77, MCS 4 −70 dBm, +3 dB at 40 MHz; required SNR = sensitivity + 86.
const client = { standard: 'he' as const, spatialStreams: 2, maxWidthMHz: 80 as const, guardIntervalUs: 0.8 };
// Noise floor at 40 MHz with a 7 dB noise figure: −174 + 10·log10(40·10⁶) + 7 = −90.98 dBm.
const noise40 = -174 + 76.0206 + 7;

describe('signal a zone needs for its whole requirement', () => {
  it('uses the same noise floor as the layers', () => {
    expect(noiseFloorDbm(40, 7)).toBeCloseTo(noise40, 3);
  });

  it('the SNR criterion drives when noise + SNR is above the primary level', () => {
    // Données: −72 dBm and 20 dB SNR → −90.98 + 20 = −70.98 dBm.
    const result = requiredSignal({ minPrimaryRssiDbm: -72, minSnrDb: 20, minPhyRateMbps: null }, noise40, client, 2, 40);
    expect(result.driver).toBe('snr');
    expect(result.signalDbm).toBeCloseTo(-70.98, 2);
    // On 20 MHz the floor is 3 dB lower (−93.99 dBm): −73.99 dBm, below −72, so the signal criterion drives.
    const narrow = requiredSignal({ minPrimaryRssiDbm: -72, minSnrDb: 20, minPhyRateMbps: null }, noiseFloorDbm(20, 7), client, 2, 20);
    expect(narrow).toEqual({ signalDbm: -72, driver: 'signal' });
  });

  it('the rate criterion is the cheapest MCS fast enough', () => {
    // 100 Mb/s → MCS 2 (103.2 Mb/s): max(−77 + 3, −90.98 + 9) = −74 dBm.
    expect(signalForRateDbm(100, noise40, client, 2, 40)).toBeCloseTo(-74, 6);
    // 200 Mb/s → MCS 4 (206.5 Mb/s): max(−70 + 3, −90.98 + 16) = −67 dBm.
    expect(signalForRateDbm(200, noise40, client, 2, 40)).toBeCloseTo(-67, 6);
    const result = requiredSignal({ minPrimaryRssiDbm: -72, minSnrDb: 0, minPhyRateMbps: 200 }, noise40, client, 2, 40);
    expect(result).toEqual({ signalDbm: -67, driver: 'debit' });
    // Haute densité (−67 dBm, 25 dB, 100 Mb/s): the SNR (−65.98 dBm) is the strictest.
    expect(requiredSignal({ minPrimaryRssiDbm: -67, minSnrDb: 25, minPhyRateMbps: 100 }, noise40, client, 2, 40).driver).toBe('snr');
  });

  it('a rate no MCS reaches is impossible', () => {
    // 2×2 HE at 40 MHz tops out at MCS 11: 468 × 10 × 5/6 × 2 / 13.6 = 573.5 Mb/s.
    expect(signalForRateDbm(600, noise40, client, 2, 40)).toBe(Number.POSITIVE_INFINITY);
    expect(signalForRateDbm(573, noise40, client, 2, 40)).toBeCloseTo(-52 + 3, 6);
  });
});
