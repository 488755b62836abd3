import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eirpViolations } from '../../src/model/eirp-check.ts';
import { parseProjectJson } from '../../src/model/parse-project.ts';

const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/project-format/v3-demo.json'), 'utf8'));

describe('regulatory EIRP check', () => {
  it('the demo study is within the French caps', () => {
    expect(eirpViolations(demo)).toEqual([]);
  });

  it('flags a radio whose power + antenna gain exceeds its channel’s cap, not the same power on a channel allowing it', () => {
    const model = demo.apModels.find((candidate) => candidate.id === demo.accessPoints[0]!.modelId)!;
    const gain = model.antennaGainDbi['5'];
    const loud = structuredClone(demo);
    const radio = loud.accessPoints[0]!.radios.find((candidate) => candidate.band === '5')!;
    radio.txPowerDbm = 26 - gain; // 26 dBm EIRP
    radio.channel = 36; // cap 23 dBm (5150–5250 MHz)
    radio.widthMHz = 20;
    expect(eirpViolations(loud)).toEqual([{ apId: loud.accessPoints[0]!.id, apName: loud.accessPoints[0]!.name, band: '5', channel: 36, eirpDbm: 26, maxDbm: 23 }]);
    radio.channel = 100; // cap 30 dBm (5470–5725 MHz, with TPC)
    expect(eirpViolations(loud)).toEqual([]);
    radio.enabled = false;
    radio.channel = 36;
    expect(eirpViolations(loud)).toEqual([]);
  });
});
