import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApModelFile } from '../../src/import/catalogue/ap-model-file.ts';
import { parsePatternText, relativeGainDb } from '../../propagation/antenna/pattern.ts';
import { msiModelFile, readMsiPattern } from '../../src/import/catalogue/msi-pattern.ts';
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

describe('MSI Planet antenna files', () => {
  const msi = readFileSync(resolve(import.meta.dirname, '../../fixtures/catalogue/patch-5ghz-exemple.msi'), 'utf8');

  it('reads the header and turns attenuations into gains: horizontal clockwise, vertical front half (90° down, 270° up)', () => {
    const pattern = readMsiPattern(msi);
    expect([pattern.name, pattern.make, pattern.frequencyMHz]).toEqual(['Patch 5 GHz 60 degres (exemple)', 'Ondeplan', 5500]);
    // 6 dBd = 8.15 dBi.
    expect(pattern.gainDbi).toBeCloseTo(8.15, 9);
    const cuts = parsePatternText(pattern.lines);
    const shape = { azimuthCutDb: [...cuts.azimuthCutDb], elevationCutDb: [...cuts.elevationCutDb] };
    // The file's attenuation is 0.1 dB per degree off boresight, every 10°.
    expect(relativeGainDb(shape, 90, 0)).toBeCloseTo(-9, 9);
    expect(relativeGainDb(shape, -135, 0)).toBeCloseTo(-13.5, 9);
    expect(relativeGainDb(shape, 15, 0)).toBeCloseTo(-1.5, 9);
    // 10° down: 3 dB; 10° up (350° in the file): 2 dB; 15° down: halfway between 3 and 10 dB.
    expect(relativeGainDb(shape, 0, 10)).toBeCloseTo(-3, 9);
    expect(relativeGainDb(shape, 0, -10)).toBeCloseTo(-2, 9);
    expect(relativeGainDb(shape, 0, 15)).toBeCloseTo(-6.5, 9);
  });

  it('gives a catalogue model its pattern from `antennaPatternMsi`, and refuses a file without its sections', () => {
    const model = { vendor: 'Générique', model: 'Patch 5 GHz', bands: ['5'], maxTxPowerDbm: { '2.4': 0, '5': 23, '6': 0 }, antennaGainDbi: { '2.4': 0, '5': 8.15, '6': 0 }, spatialStreams: 2 };
    const result = readApModelFile(JSON.stringify({ ...model, antennaPatternMsi: msi }), ids);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.patterns[0]!.name).toBe('Patch 5 GHz 60 degres (exemple)');
    expect(relativeGainDb(result.patterns[0]!, 90, 0)).toBeCloseTo(-9, 9);
    const broken = readApModelFile(JSON.stringify({ ...model, antennaPatternMsi: 'NAME x\nHORIZONTAL 2\n0 0\n' }), ids);
    expect(broken).toMatchObject({ ok: false, error: { kind: 'pattern' } });
    expect(() => readMsiPattern('NAME x\nHORIZONTAL 2\n0 0\n')).toThrow(/ligne 2 illisible/);
  });

  it('makes a catalogue model from an MSI file alone: band from its frequency, its gain in dBi, its pattern', () => {
    const result = readApModelFile(msiModelFile(msi, 'patch.msi'), ids);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const model = result.models[0]!;
    expect([model.vendor, model.model, model.bands]).toEqual(['Ondeplan', 'Patch 5 GHz 60 degres (exemple)', ['5']]);
    expect(model.antennaGainDbi).toEqual({ '2.4': 0, '5': 8.15, '6': 0 });
    expect(model.antennaPatternId).toBe(result.patterns[0]!.id);
  });

  it('gives each band its own pattern (`antennaPatternMsiByBand`), and the engine computes each radio with its band’s', async () => {
    // The 5 GHz file is twice as directive: 0.2 dB per degree off boresight.
    const steeper = msi.replace(/^(\d+) ([\d.]+)$/gm, (line, angle: string, attenuation: string, offset: number) => (offset < msi.indexOf('VERTICAL') ? `${angle} ${(2 * Number(attenuation)).toFixed(1)}` : line));
    const entry = { vendor: 'Générique', model: 'Secteur bi-bande', bands: ['2.4', '5'], maxTxPowerDbm: { '2.4': 20, '5': 23, '6': 0 }, antennaGainDbi: { '2.4': 0, '5': 0, '6': 0 }, spatialStreams: 2, antennaPatternMsiByBand: { '2.4': msi, '5': steeper } };
    const result = readApModelFile(JSON.stringify(entry), ids);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const model = result.models[0]!;
    expect(model.antennaPatternId).toBe(model.bandPatternIds!['5']);
    const document = createProject({ title: 'Bi-bande', id: 'bb' });
    document.apModels.push(model);
    document.antennaPatterns.push(...result.patterns);
    document.accessPoints.push({ id: 'ap', name: 'AP', levelId: document.levels[0]!.id, modelId: model.id, position: { xM: 10, yM: 10 }, mountingHeightM: 1, azimuthDeg: 0, tiltDeg: 0, locked: false, bssidPrefix: '', radios: [
      { id: 'r24', band: '2.4', channel: 1, widthMHz: 20, txPowerDbm: 20, enabled: true, ssidIds: [] },
      { id: 'r5', band: '5', channel: 36, widthMHz: 20, txPowerDbm: 20, enabled: true, ssidIds: [] },
    ] });
    parseProjectValue(JSON.parse(JSON.stringify(document)));
    const { sceneFromProject } = await import('../../src/engine/scene-from-project.ts');
    const { computeApFields } = await import('../../propagation/field/ap-fields.ts');
    const scene = sceneFromProject(document);
    const at = (x: number, y: number) => computeApFields(scene, scene.radios, document.levels[0]!.id, { originX: x - 0.05, originY: y - 0.05, resolutionM: 0.1, nx: 1, ny: 1 }).map((field) => field[0]!);
    // Same distance (5 m), on boresight and 90° clockwise (towards +y): 9 dB apart at 2.4 GHz, 18 dB at 5 GHz.
    const [onAxis24, onAxis5] = at(15, 10);
    const [side24, side5] = at(10, 15);
    expect(onAxis24! - side24!).toBeCloseTo(9, 6);
    expect(onAxis5! - side5!).toBeCloseTo(18, 6);
  });
});

