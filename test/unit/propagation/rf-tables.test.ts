import { describe, expect, it } from 'vitest';
import { freeSpaceLossDb } from '../../../propagation/models/free-space.ts';
import { distanceLaw, floorsLossDb, p1238DistanceCoefficient, p1238FloorLossDb, pathLossDb } from '../../../propagation/models/path-loss.ts';
import { channelBlock, isLegalChannel, CHANNELS_20MHZ } from '../../../propagation/radio/channels.ts';
import { minSensitivityDbm, phyRateMbps, rateFromLadder, rateLadder, rateLookup, rateFromLookup, requiredSnrDb } from '../../../propagation/radio/mcs.ts';
import { noiseFloorDbm } from '../../../propagation/radio/noise.ts';
import { channelCoupling } from '../../../propagation/radio/spectral-mask.ts';
import { dbmToMilliwatts } from '../../../propagation/util/db-to-milliwatts.ts';

const dB = (linear: number) => 10 * Math.log10(linear);

describe('free-space path loss (ITU-R P.525)', () => {
  it('is 40.1 dB at 1 m and 2412 MHz, 46.7 dB at 5180 MHz', () => {
    expect(freeSpaceLossDb(1, 2412)).toBeCloseTo(40.1, 1);
    expect(freeSpaceLossDb(1, 5180)).toBeCloseTo(46.7, 1);
    expect(freeSpaceLossDb(1, 5180)).toBeCloseTo(46.73, 2);
  });

  it('is 66.77 dB at 10 m and 5.2 GHz, and adds 6.02 dB per doubling of distance', () => {
    expect(freeSpaceLossDb(10, 5200)).toBeCloseTo(66.77, 2);
    expect(freeSpaceLossDb(20, 2437) - freeSpaceLossDb(10, 2437)).toBeCloseTo(6.02, 2);
  });

  it('the distance law of the free-space model gives the same numbers', () => {
    expect(pathLossDb(distanceLaw({ kind: 'free-space' }, 5200), 10)).toBeCloseTo(66.77, 2);
  });
});

describe('ITU-R P.1238', () => {
  it('eq. (2): office N = 31 at 5.2 GHz, 30 at 2.4 GHz; one-floor L_f = 16 dB at 5.2 GHz, 14 dB at 2.4 GHz', () => {
    expect(p1238DistanceCoefficient('bureau', 5200)).toBe(31);
    expect(p1238DistanceCoefficient('bureau', 2400)).toBe(30);
    expect(p1238FloorLossDb('bureau', 5200, 1)).toBe(16);
    expect(p1238FloorLossDb('bureau', 2400, 1)).toBe(14);
  });

  it('eq. (2) worked examples at 10 m: office 2.4 GHz 69.6 dB, 5.2 GHz 77.3 dB (rf_reference §1.3)', () => {
    expect(pathLossDb(distanceLaw({ kind: 'itu-p1238-n', environment: 'bureau' }, 2450), 10)).toBeCloseTo(69.8, 0);
    expect(pathLossDb(distanceLaw({ kind: 'itu-p1238-n', environment: 'bureau' }, 5200), 10)).toBeCloseTo(77.3, 1);
  });

  it('eq. (1) Table 2 worked examples at 10 m and 5.2 GHz: office LoS 63.8 dB, NLoS 71.2 dB; corridor LoS 60.5 dB', () => {
    expect(pathLossDb(distanceLaw({ kind: 'itu-p1238-abg', environment: 'bureau-vue-directe' }, 5200), 10)).toBeCloseTo(63.8, 1);
    expect(pathLossDb(distanceLaw({ kind: 'itu-p1238-abg', environment: 'bureau-sans-vue-directe' }, 5200), 10)).toBeCloseTo(71.2, 1);
    expect(pathLossDb(distanceLaw({ kind: 'itu-p1238-abg', environment: 'couloir-vue-directe' }, 5200), 10)).toBeCloseTo(60.5, 1);
  });
});

describe('COST 231 multi-wall floor term', () => {
  it('k^((k+2)/(k+1) − 0.46)·18.3 dB: 18.30, 33.52, 43.59, 51.05 dB for 1 to 4 floors', () => {
    const model = { kind: 'multi-wall', exponent: 2, floorExponentB: 0.46 } as const;
    expect(floorsLossDb(model, [18.3], 2400)).toBeCloseTo(18.3, 2);
    expect(floorsLossDb(model, [18.3, 18.3], 2400)).toBeCloseTo(33.52, 2);
    expect(floorsLossDb(model, [18.3, 18.3, 18.3], 2400)).toBeCloseTo(43.59, 2);
    expect(floorsLossDb(model, [18.3, 18.3, 18.3, 18.3], 2400)).toBeCloseTo(51.05, 2);
  });
});

describe('noise floor', () => {
  it('kTB is −95 dBm at 80 MHz and −101 dBm at 20 MHz; a 7 dB NF adds 7 dB', () => {
    expect(noiseFloorDbm(80, 0)).toBeCloseTo(-95, 0);
    expect(noiseFloorDbm(20, 0)).toBeCloseTo(-101, 0);
    expect(noiseFloorDbm(20, 7) - noiseFloorDbm(20, 0)).toBeCloseTo(7, 9);
  });
});

describe('802.11 PHY rates and sensitivities', () => {
  it('HE MCS 11, 80 MHz, 1 stream, 0.8 µs GI = 600.5 Mb/s', () => {
    expect(phyRateMbps('he', 11, 80, 1, 0.8)).toBeCloseTo(600.5, 1);
  });

  it('VHT MCS 9, 80 MHz, short GI, 1 stream = 433.3 Mb/s; MCS 9 at 20 MHz does not exist for 1 stream', () => {
    expect(phyRateMbps('vht', 9, 80, 1, 0.4)).toBeCloseTo(433.3, 1);
    expect(phyRateMbps('vht', 9, 20, 1, 0.4)).toBe(0);
    expect(phyRateMbps('vht', 9, 20, 3, 0.8)).toBeCloseTo(260, 1);
  });

  it('published table values: HT20 MCS7 LGI 65, VHT40 MCS0 LGI 13.5, HE160 MCS0 72.1, HE 2 streams double', () => {
    expect(phyRateMbps('ht', 7, 20, 1, 0.8)).toBeCloseTo(65, 1);
    expect(phyRateMbps('vht', 0, 40, 1, 0.8)).toBeCloseTo(13.5, 1);
    expect(phyRateMbps('he', 0, 160, 1, 0.8)).toBeCloseTo(72.1, 1);
    expect(phyRateMbps('he', 7, 80, 2, 0.8)).toBeCloseTo(2 * 360.3, 0);
  });

  it('minimum sensitivity −82 dBm for MCS 0 at 20 MHz, +3 dB per width doubling; SNR needed 4 dB (MCS 0) to 34 dB (MCS 11)', () => {
    expect(minSensitivityDbm(0, 20)).toBe(-82);
    expect(minSensitivityDbm(11, 160)).toBe(-43);
    expect(requiredSnrDb(0)).toBe(4);
    expect(requiredSnrDb(11)).toBe(34);
  });

  it('picks the highest MCS both signal and SINR allow, and the lookup table agrees with the ladder at every tenth of a dB', () => {
    const ladder = rateLadder({ standard: 'he', spatialStreams: 2, maxWidthMHz: 80, guardIntervalUs: 0.8 }, 2, 80);
    expect(rateFromLadder(ladder, -40, 40)).toBeCloseTo(1201, 0);
    expect(rateFromLadder(ladder, -40, 21.5)).toBeCloseTo(2 * 324.3, 0); // MCS 6 needs 21 dB, MCS 7 22 dB → MCS 6
    expect(rateFromLadder(ladder, -59, 40)).toBeCloseTo(2 * 324.3, 0); // −59 dBm meets MCS 6 at 80 MHz (−59), not MCS 7 (−58)
    expect(rateFromLadder(ladder, -90, 40)).toBe(0);
    const lookup = rateLookup(ladder);
    for (let rssi = -100; rssi <= -20; rssi += 0.1) {
      for (const sinr of [-5, 3.95, 4, 12.3, 21, 33.99, 34, 50]) expect(rateFromLookup(lookup, rssi, sinr)).toBe(rateFromLadder(ladder, rssi, sinr));
    }
  });
});

describe('EU / France channel plan', () => {
  it('2.4 GHz has channels 1–13, 5 GHz 36–64 and 100–140 (19), 6 GHz LPI 24 channels', () => {
    expect(CHANNELS_20MHZ['2.4'].map((info) => info.channel)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(CHANNELS_20MHZ['5']).toHaveLength(19);
    expect(CHANNELS_20MHZ['6']).toHaveLength(24);
    expect(isLegalChannel('5', 144)).toBe(false);
    expect(CHANNELS_20MHZ['5'].find((info) => info.channel === 52)!.dfs).toBe(true);
    expect(CHANNELS_20MHZ['5'].find((info) => info.channel === 36)!.dfs).toBe(false);
  });

  it('bonded channels: 36@80 → centre 42 (5210 MHz), 100@160 → 114, 6 GHz 1@160 → 15 (6025 MHz), 140@40 illegal', () => {
    expect(channelBlock('5', 36, 80)).toEqual({ centerMHz: 5210, widthMHz: 80, channels: [36, 40, 44, 48] });
    expect(channelBlock('5', 116, 160)!.centerMHz).toBe(5570);
    expect(channelBlock('6', 1, 160)!.centerMHz).toBe(6025);
    expect(channelBlock('6', 33, 80)!.centerMHz).toBe(5950 + 5 * 39);
    expect(channelBlock('5', 140, 40)).toBeNull();
    expect(channelBlock('5', 132, 80)).toBeNull();
    expect(channelBlock('2.4', 1, 40)).toEqual({ centerMHz: 2422, widthMHz: 40, channels: [1, 5] });
    expect(channelBlock('2.4', 11, 40)).toEqual({ centerMHz: 2452, widthMHz: 40, channels: [7, 11] });
  });
});

describe('adjacent-channel coupling (OFDM mask, rf_reference §4.1)', () => {
  it('matches the published leakage table for 2.4 GHz channel offsets within 0.1 dB', () => {
    const table: [number, number][] = [[5, -1.3], [10, -3.3], [15, -7.1], [20, -25.9], [25, -30.6], [30, -35.7]];
    for (const [offset, expected] of table) expect(dB(channelCoupling(offset, 20, 20))).toBeCloseTo(expected, 1);
    expect(channelCoupling(0, 20, 20)).toBe(1);
  });

  it('channels 1 and 6 couple far below channels 1 and 2', () => {
    const oneSix = channelCoupling(2437 - 2412, 20, 20);
    const oneTwo = channelCoupling(2417 - 2412, 20, 20);
    expect(oneSix).toBeLessThan(0.001);
    expect(oneTwo).toBeGreaterThan(0.7);
    expect(oneTwo / oneSix).toBeGreaterThan(500);
  });
});

describe('dBm to mW table', () => {
  it('is within 1e-6 relative of 10^(x/10) from −199 to +59 dBm', () => {
    for (let dbm = -199; dbm < 59; dbm += 0.0137) {
      const exact = 10 ** (dbm / 10);
      expect(Math.abs(dbmToMilliwatts(dbm) - exact) / exact).toBeLessThan(1e-6);
    }
    expect(dbmToMilliwatts(-200)).toBe(0);
  });
});
