import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newAccessPoint } from '../../../src/editor/new-access-point.ts';
import { parseProjectJson } from '../../../src/model/parse-project.ts';

const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../../fixtures/project-format/v3-demo.json'), 'utf8'));
const levelId = demo.levels[0]!.id;

describe('a new AP', () => {
  it('takes the level’s usual powers when they are legal (14 dBm + 4 dBi on 2.4 GHz, 17 dBm + 5 dBi on 5 GHz)', () => {
    const ap = newAccessPoint(demo, levelId, { x: 1, y: 1 }, 'nouvelle');
    expect(ap.radios.map((radio) => [radio.band, radio.txPowerDbm])).toEqual([
      ['2.4', 14],
      ['5', 17],
    ]);
  });

  it('with a high-gain antenna, its power is lowered to the EIRP cap of its channel', () => {
    const sector = { ...demo.apModels[0]!, id: 'secteur', antennaGainDbi: { '2.4': 10, '5': 11, '6': 0 } };
    const document = { ...demo, apModels: [...demo.apModels, sector] };
    const ap = newAccessPoint(document, levelId, { x: 1, y: 1 }, 'secteur-1', 'secteur');
    const two = ap.radios.find((radio) => radio.band === '2.4')!;
    const five = ap.radios.find((radio) => radio.band === '5')!;
    // 2.4 GHz: 20 dBm EIRP − 10 dBi = 10 dBm. 5 GHz: the sixth AP of the level gets channel 36 (23 dBm) − 11 = 12 dBm,
    // or on 100–140, 30 − 11 = 19 dBm, above the usual 17 dBm, so 17.
    expect(two.txPowerDbm).toBe(10);
    expect(five.txPowerDbm).toBe(five.channel < 100 ? 12 : 17);
  });
});
