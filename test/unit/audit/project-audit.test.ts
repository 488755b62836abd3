import { describe, expect, it } from 'vitest';
import { applyCalibration } from '../../../src/audit/audit-actions.ts';
import { auditObservations } from '../../../src/audit/survey-observations.ts';
import { createProject } from '../../../src/model/create-project.ts';
import { produce } from 'immer';

function project() {
  const document = createProject({ title: 'Audit', id: 'a', now: new Date('2026-11-28T00:00:00Z') });
  const levelId = document.levels[0]!.id;
  document.walls.push({ id: 'w', levelId, from: { xM: 10, yM: 0 }, to: { xM: 10, yM: 20 }, materialId: 'mat-placo', bottomM: null, topM: null });
  const ap = (id: string, name: string, x: number) => ({
    id,
    name,
    levelId,
    modelId: 'ap-wifi6-2x2',
    position: { xM: x, yM: 10 },
    mountingHeightM: 1,
    azimuthDeg: 0,
    tiltDeg: 0,
    locked: false,
    bssidPrefix: '',
    radios: [{ id: `${id}-5`, band: '5' as const, channel: 36, widthMHz: 20 as const, txPowerDbm: 17, enabled: true, ssidIds: [] }],
  });
  document.accessPoints.push(ap('a1', 'AP1', 5), ap('a2', 'AP2', 15));
  document.prediction.clientHeightM = 1; // same height as the APs: 2D distances
  document.surveys.push({
    id: 's',
    levelId,
    name: 'Relevé',
    source: 'test',
    deviceOffsetDb: 2,
    points: [
      {
        position: { xM: 5, yM: 14 },
        time: null,
        active: null,
        readings: [
          { bssid: 'ap1', ssid: 'X', band: '5', channel: 36, widthMHz: null, rssiDbm: -50, noiseDbm: null },
          { bssid: 'AP2', ssid: 'X', band: '5', channel: 36, widthMHz: null, rssiDbm: -70, noiseDbm: null },
          { bssid: 'de:ad:be:ef:00:01', ssid: 'Voisin', band: '5', channel: 44, widthMHz: null, rssiDbm: -80, noiseDbm: null },
        ],
      },
      { position: { xM: 16, yM: 10 }, time: null, active: null, readings: [{ bssid: '', ssid: '', band: '5', channel: null, widthMHz: null, rssiDbm: -45, noiseDbm: null }] },
    ],
  });
  return document;
}

describe('audit observations from the project', () => {
  it('matches readings to APs by name, counts crossed walls, applies the device offset, lists neighbours', () => {
    const document = project();
    const audit = auditObservations(document, document.levels[0]!.id, '5');
    expect(audit.observations).toHaveLength(3);
    const [fromAp1, fromAp2, best] = audit.observations;
    expect(fromAp1).toMatchObject({ ap: 0, distanceM: 4, crossings: [0], measuredDbm: -48 });
    // (5, 14) → AP2 at (15, 10): crosses the wall at x = 10; distance √(100 + 16).
    expect(fromAp2!.crossings).toEqual([1]);
    expect(fromAp2!.distanceM).toBeCloseTo(Math.sqrt(116), 12);
    // The best-of-band reading at (16, 10) is given to AP2, 1 m away and on the same side of the wall.
    expect(best).toMatchObject({ ap: 1, distanceM: 1, crossings: [0], measuredDbm: -43 });
    expect([...audit.unknown.keys()]).toEqual(['de:ad:be:ef:00:01']);
    // Prior level at 1 m: 17 dBm + 5 dBi (model) + 0 dBi (client) − FSPL(1 m) at the radio's own channel, 36 at
    // 20 MHz = 5180 MHz (as the engine computes it): 22 − 46.74 dB.
    expect(audit.prior.apLevelDbm[0]).toBeCloseTo(22 - (20 * Math.log10(5180) - 27.55), 1);
    expect(audit.prior.materialLossDb).toEqual([4]); // plaster board at 5 GHz
  });

  it('applies a calibration as one change: exponent, material loss on the band, AP power by the level change', () => {
    const document = project();
    const audit = auditObservations(document, document.levels[0]!.id, '5');
    const fitted = { apLevelDbm: [audit.prior.apLevelDbm[0]! - 3, audit.prior.apLevelDbm[1]! + 1.5], exponent: 2.37, materialLossDb: [6.44] };
    const action = applyCalibration('5', audit.aps.map((ap) => ap.id), audit.materialIds, audit.prior, fitted, 'Calibrer');
    const next = produce(document, action.recipe);
    expect(next.prediction.pathLossExponent).toBe(2.37);
    expect(next.materials.find((material) => material.id === 'mat-placo')!.lossDb).toEqual({ '2.4': 3, '5': 6.4, '6': 4 });
    expect(next.accessPoints.map((ap) => ap.radios[0]!.txPowerDbm)).toEqual([14, 18.5]);
  });
});

describe('stop-and-go readings', async () => {
  const { readPastedReadings } = await import('../../../src/audit/pasted-readings.ts');
  it('reads pasted lines without a header (bssid;ssid;canal;rssi) and with the documented header; counts what it cannot read', () => {
    const plain = readPastedReadings('aa:bb:cc:dd:ee:01;JUSTICE;36;-61\naa:bb:cc:dd:ee:02;JUSTICE;6;-70\nligne illisible');
    expect(plain.readings.map((reading) => [reading.bssid, reading.band, reading.channel, reading.rssiDbm])).toEqual([
      ['aa:bb:cc:dd:ee:01', '5', 36, -61],
      ['aa:bb:cc:dd:ee:02', '2.4', 6, -70],
    ]);
    expect(plain.rejected).toBe(1);
    const withHeader = readPastedReadings('bssid,rssi_dbm,bande\nAP1,-55,5');
    expect(withHeader.readings).toMatchObject([{ bssid: 'ap1', rssiDbm: -55, band: '5' }]);
    expect(readPastedReadings('  ').readings).toEqual([]);
  });
});

describe('BSSID rules', async () => {
  const { physicalApKey, auditObservations: observe } = await import('../../../src/audit/survey-observations.ts');
  it('groups BSSIDs that share their first five octets into one physical AP, and matches an AP by its BSSID prefix', () => {
    expect(physicalApKey('AA:BB:CC:DD:EE:01', 10)).toBe(physicalApKey('aa-bb-cc-dd-ee-07', 10));
    expect(physicalApKey('AA:BB:CC:DD:EE:01', 12)).not.toBe(physicalApKey('AA:BB:CC:DD:EE:07', 12));
    const document = project();
    document.accessPoints[1]!.bssidPrefix = 'de:ad:be:ef:00';
    const audit = observe(document, document.levels[0]!.id, '5');
    // The « neighbour » de:ad:be:ef:00:01 is now AP2's reading.
    expect(audit.unknown.size).toBe(0);
    expect(audit.observations.filter((observation) => observation.ap === 1)).toHaveLength(3);
  });
});

describe('requirement profiles', async () => {
  const { addProfile, deleteProfile, renameProfile, setProfileThreshold } = await import('../../../src/actions/study-actions.ts');
  it('adds, renames, edits the co-channel limit and minimum rate (empty = not required), and only deletes unused profiles', () => {
    let document = project();
    const used = document.requirementProfiles[0]!.id;
    document.coverageZones.push({ id: 'z', levelId: document.levels[0]!.id, name: 'Zone', polygon: [{ xM: 0, yM: 0 }, { xM: 1, yM: 0 }, { xM: 1, yM: 1 }], requirementProfileId: used, userCount: 0, userProfile: '', throughputPerUserMbps: 1 });
    const apply = (action: { recipe: (draft: typeof document) => void }) => (document = produce(document, action.recipe));
    apply(addProfile(used, 'nouveau', 'Profil 4', 'Ajouter'));
    apply(renameProfile('nouveau', '  Salle de visio  ', 'Renommer'));
    apply(setProfileThreshold('nouveau', 'maxCoChannelAps', 2.4, 'Modifier'));
    apply(setProfileThreshold('nouveau', 'minPhyRateMbps', 150, 'Modifier'));
    apply(setProfileThreshold('nouveau', 'coChannelThresholdDbm', -30, 'Modifier')); // out of range: ignored
    const created = document.requirementProfiles.find((profile) => profile.id === 'nouveau')!;
    expect(created).toMatchObject({ name: 'Salle de visio', maxCoChannelAps: 2, minPhyRateMbps: 150, source: '' });
    expect(created.coChannelThresholdDbm).toBe(document.requirementProfiles[0]!.coChannelThresholdDbm);
    apply(setProfileThreshold('nouveau', 'minPhyRateMbps', null, 'Modifier'));
    expect(document.requirementProfiles.find((profile) => profile.id === 'nouveau')!.minPhyRateMbps).toBeNull();
    apply(setProfileThreshold('nouveau', 'minSnrDb', null, 'Modifier')); // a required threshold cannot be emptied
    expect(document.requirementProfiles.find((profile) => profile.id === 'nouveau')!.minSnrDb).toBe(created.minSnrDb);
    const count = document.requirementProfiles.length;
    apply(deleteProfile(used, 'Supprimer'));
    expect(document.requirementProfiles).toHaveLength(count);
    apply(deleteProfile('nouveau', 'Supprimer'));
    expect(document.requirementProfiles).toHaveLength(count - 1);
  });
});
