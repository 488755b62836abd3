import { describe, expect, it } from 'vitest';
import { radioForecast } from '../../src/engine/ap-forecast.ts';
import { beaconOverhead } from '../../propagation/planning/beacon-overhead.ts';
import { createProject } from '../../src/model/create-project.ts';
import { newAccessPoint } from '../../src/editor/new-access-point.ts';

describe('AP forecast', () => {
  it('beacon overhead: 300-byte beacons every 102.4 ms, 1 Mb/s DSSS on 2.4 GHz, 6 Mb/s OFDM on 5 GHz', () => {
    // 2.4 GHz: 192 µs + 2400 µs = 2592 µs per SSID → 2.53 %; 5 GHz: 20 µs + 400 µs = 420 µs → 0.41 %.
    expect(beaconOverhead('2.4', 1)).toBeCloseTo(2592 / 102400, 9);
    expect(beaconOverhead('5', 3)).toBeCloseTo((3 * 420) / 102400, 9);
  });

  it('serves the cells where it is the serving AP above the zone requirement, and takes its share of the zone users', () => {
    const document = createProject({ title: 'Prévision', id: 'f', now: new Date('2026-11-28T00:00:00Z') });
    const levelId = document.levels[0]!.id;
    const ap = newAccessPoint(document, levelId, { x: 0, y: 0 }, 'ap1');
    document.accessPoints.push(ap);
    const radio = ap.radios.find((candidate) => candidate.band === '5')!;
    // Zone: the whole 4 × 1 m strip, « Données » (−72 dBm), 10 users × 2 Mb/s.
    document.coverageZones.push({ id: 'z', levelId, name: 'Bande', polygon: [{ xM: 0, yM: 0 }, { xM: 4, yM: 0 }, { xM: 4, yM: 1 }, { xM: 0, yM: 1 }], requirementProfileId: 'profil-donnees', userCount: 10, userProfile: '', throughputPerUserMbps: 2 });
    const map = { band: '5' as const, grid: { originX: 0, originY: 0, resolutionM: 1, nx: 4, ny: 1 }, values: Float32Array.of(-50, -60, -70, -80), serving: Float32Array.of(0, 0, 1, 1), radioIds: [radio.id, 'other'] };
    const forecast = radioForecast(document, 'ap1', map)!;
    expect(forecast.servedAreaM2).toBe(2);
    expect(forecast.expectedUsers).toBe(5);
    // Edge −60 dBm on the AP's width (40 MHz by default: MCS 7 needs −61, MCS 8 −56): 2 × 172.1 Mb/s.
    expect(forecast.edgeRateMbps).toBeCloseTo(2 * 172.1, 0);
    expect(forecast.ssidCount).toBe(radio.ssidIds.length);
    // Airtime at the zone's edge (−72 dBm, SNR 20 dB on 40 MHz: MCS 2, 2 × 51.6 = 103.2 Mb/s × 0.6): 5 × 2 / 61.9.
    expect(forecast.airtime).toBeCloseTo(10 / (103.2 * 0.6), 3);
  });
});
