import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApModelFile } from '../../src/import/catalogue/ap-model-file.ts';
import { relativeGainDb } from '../../propagation/antenna/pattern.ts';
import { parseProjectValue } from '../../src/model/parse-project.ts';
import { createProject } from '../../src/model/create-project.ts';

const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/catalogue/borne-secteur-exemple.json'), 'utf8');
let counter = 0;
const ids = () => `imp-${++counter}`;

describe('AP model files', () => {
  it('reads a model with its pattern from CSV lines; the gains at the given angles are the file’s', () => {
    const result = readApModelFile(text, ids);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.models).toHaveLength(1);
    const [model] = result.models;
    expect(model!.model).toBe('Borne Wi-Fi 6 secteur 90°');
    expect(model!.antennaPatternId).toBe(result.patterns[0]!.id);
    const pattern = result.patterns[0]!;
    expect(relativeGainDb(pattern, 0, 0)).toBeCloseTo(0, 9);
    expect(relativeGainDb(pattern, 45, 0)).toBeCloseTo(-3, 9);
    expect(relativeGainDb(pattern, 180, 0)).toBeCloseTo(-25, 9);
    expect(relativeGainDb(pattern, -45, 0)).toBeCloseTo(-3, 9);
    expect(relativeGainDb(pattern, 0, 30)).toBeCloseTo(-6, 9);
    // 67.5° sits halfway between −3 dB (45°) and −12 dB (90°).
    expect(relativeGainDb(pattern, 67.5, 0)).toBeCloseTo(-7.5, 9);
  });

  it('adds to a project that stays valid', () => {
    const result = readApModelFile(text, ids);
    if (!result.ok) throw new Error('unreadable');
    const document = createProject({ title: 'Catalogue', id: 'cat', now: new Date('2026-11-28T00:00:00Z') });
    document.antennaPatterns.push(...result.patterns);
    document.apModels.push(...result.models);
    expect(parseProjectValue(JSON.parse(JSON.stringify(document))).apModels.at(-1)!.antennaPatternId).toBe(result.patterns[0]!.id);
  });

  it('refuses what is not JSON, a model without bands and an unreadable pattern, naming what is wrong', () => {
    expect(readApModelFile('<xml/>', ids)).toEqual({ ok: false, error: { kind: 'json' } });
    const noBands = { ...JSON.parse(text), bands: [] };
    const schema = readApModelFile(JSON.stringify(noBands), ids);
    expect(schema.ok).toBe(false);
    if (!schema.ok && schema.error.kind === 'schema') expect(schema.error.details[0]).toContain('bands');
    const badPattern = { ...JSON.parse(text), antennaPatternCsv: 'az;0;0\n' };
    const pattern = readApModelFile(JSON.stringify(badPattern), ids);
    expect(pattern).toMatchObject({ ok: false, error: { kind: 'pattern', model: 'Borne Wi-Fi 6 secteur 90°' } });
  });
});
