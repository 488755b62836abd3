import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApModelFile } from '../../src/import/catalogue/ap-model-file.ts';
import { parsePatternText, relativeGainDb } from '../../propagation/antenna/pattern.ts';
import { readMsiPattern } from '../../src/import/catalogue/msi-pattern.ts';
import { antennaFileModel } from '../../src/import/catalogue/antenna-file.ts';
import { readNsmaPattern } from '../../src/import/catalogue/nsma-pattern.ts';
import { POE_CLASSES } from '../../src/model/poe.ts';
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
    const result = readApModelFile(antennaFileModel(msi, 'patch.msi').source, ids);
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

describe('NSMA antenna files (TIA-804-B)', () => {
  const nsma = readFileSync(resolve(import.meta.dirname, '../../fixtures/catalogue/secteur-2g4-exemple.nsm'), 'utf8');

  it('reads the records, keeps the first frequency’s co-polar cuts, and turns NSMA elevation (up positive) into Ondeplan’s (down positive)', () => {
    const pattern = readNsmaPattern(nsma);
    expect([pattern.name, pattern.make, pattern.frequencyMHz]).toEqual(['Secteur 2.4 GHz 90 degres (exemple)', 'Ondeplan', 2442]);
    // MDGAIN 5 dBd = 7.15 dBi.
    expect(pattern.gainDbi).toBeCloseTo(7.15, 9);
    expect(pattern.notes.join(' ')).toMatch(/seule la première \(2442 MHz\)/);
    expect(pattern.notes.join(' ')).toMatch(/2 coupes verticales : la coupe V\/V est reprise/);
    const shape = parsePatternText(pattern.lines);
    // Horizontal: 0.15 dB per degree either side.
    expect(relativeGainDb(shape, 90, 0)).toBeCloseTo(-13.5, 9);
    expect(relativeGainDb(shape, -120, 0)).toBeCloseTo(-18, 9);
    expect(relativeGainDb(shape, 15, 0)).toBeCloseTo(-2.25, 9);
    // Above the horizon 0.3 dB per degree, below 0.2: 10° up → −3 dB, 20° down → −4 dB (not the −40 dB cross-polar cut).
    expect(relativeGainDb(shape, 0, -10)).toBeCloseTo(-3, 9);
    expect(relativeGainDb(shape, 0, 20)).toBeCloseTo(-4, 9);
  });

  it('makes a catalogue model from an NSMA file alone (2.4 GHz from its frequency), and names a bad data line', () => {
    const { source, notes } = antennaFileModel(nsma, 'secteur.nsm');
    expect(notes).toHaveLength(2);
    const result = readApModelFile(source, ids);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect([result.models[0]!.bands, result.models[0]!.antennaGainDbi['2.4']]).toEqual([['2.4'], 7.15]);
    expect(relativeGainDb(result.patterns[0]!, 90, 0)).toBeCloseTo(-13.5, 9);
    expect(() => readNsmaPattern('ANTMAN:,x\r\nPATCUT:,H\r\n0,abc,\r\n')).toThrow(/ligne 3 illisible/);
    expect(() => readNsmaPattern('ANTMAN:,x\r\nPATCUT:,H\r\n0,0,\r\n10,-1,\r\n')).toThrow(/coupe horizontale et une coupe verticale/);
  });
});

describe('starter catalogue (fixtures/catalogue/catalogue-generique.json)', () => {
  const starter = readFileSync(resolve(import.meta.dirname, '../../fixtures/catalogue/catalogue-generique.json'), 'utf8');

  it('imports every model, each number with its source, PoE figures as IEEE 802.3 gives them', () => {
    const result = readApModelFile(starter, ids);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const raw = JSON.parse(starter) as { sources: Record<string, string>; poeClass: number }[];
    expect(result.models).toHaveLength(raw.length);
    result.models.forEach((model, index) => {
      for (const field of ['maxTxPowerDbm', 'antennaGainDbi', 'spatialStreams', 'poeClass', 'mounting']) expect(raw[index]!.sources[field], `${model.model} : ${field}`).toBeTruthy();
      expect(model.source.split('\n').map((line) => line.split(' : ')[0])).toEqual(['Puissance', 'Gain', 'Flux', 'PoE', 'Pose']);
      // The PoE line quotes the class's port and device powers as published.
      const poe = POE_CLASSES[model.poeClass!]!;
      expect(model.source).toContain(`classe ${poe.poeClass} : ${String(poe.pseW).replace('.', ',')} W réservés au port, ${String(poe.pdW).replace('.', ',')} W à la borne`);
      expect(model.mounting.length).toBeGreaterThan(0);
      // No radio where the model has no band.
      for (const band of ['2.4', '5', '6'] as const) if (!model.bands.includes(band)) expect([model.maxTxPowerDbm[band], model.antennaGainDbi[band]]).toEqual([0, 0]);
    });
    // The patch model's pattern: −3 dB at 30° off boresight (60° half-power beamwidth), −12 dB at 60°.
    const patch = result.models.find((model) => model.model.includes('patch'))!;
    const pattern = result.patterns.find((candidate) => candidate.id === patch.antennaPatternId)!;
    expect(relativeGainDb(pattern, 30, 0)).toBeCloseTo(-3, 1);
    expect(relativeGainDb(pattern, 60, 0)).toBeCloseTo(-12, 9);
  });
});
