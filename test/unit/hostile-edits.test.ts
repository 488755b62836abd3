/**
 * Finding 1 of the robustness campaign: ordinary actions stored studies that their own export refused. Each case is
 * one of the campaign's inputs; each test failed before the change gate and the input checks.
 */
import { describe, expect, it } from 'vitest';
import { setStudyField, type Action } from '../../src/actions/study-actions.ts';
import { addWallPolyline, updateAccessPoint } from '../../src/actions/editor-actions.ts';
import { addSurveyPoint } from '../../src/audit/audit-actions.ts';
import { readPastedReadings } from '../../src/audit/pasted-readings.ts';
import { flattenDxf } from '../../src/import/plan/dxf/flatten-dxf.ts';
import { readIperf3 } from '../../src/import/survey/iperf3.ts';
import { createProject } from '../../src/model/create-project.ts';
import { parseProjectValue } from '../../src/model/parse-project.ts';
import { ProjectLoadError } from '../../src/model/project-load-error.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { ProjectDatabase } from '../../src/storage/project-database.ts';
import { ExportCheckError, ProjectRepository } from '../../src/storage/project-repository.ts';
import { createDocumentStore } from '../../src/store/document-store.ts';

function store() {
  const documents = createDocumentStore(() => new Date('2026-11-29T12:00:00Z'));
  const project = createProject({ title: 'Étude', id: 'p', now: new Date('2026-11-29T12:00:00Z') });
  project.accessPoints.push({
    id: 'ap',
    name: 'AP-1',
    levelId: project.levels[0]!.id,
    modelId: project.apModels[0]!.id,
    position: { xM: 5, yM: 5 },
    mountingHeightM: 2.7,
    azimuthDeg: 0,
    tiltDeg: 0,
    radios: [],
    locked: false,
    bssidPrefix: '',
  });
  documents.getState().open(project);
  const apply = (action: Action) => documents.getState().change(action.label, action.recipe);
  return { documents, apply, before: documents.getState().document! };
}

const reimports = (document: ProjectDocument) => JSON.stringify(parseProjectValue(JSON.parse(JSON.stringify(document)))).length > 0;

describe('the gate refuses what export would refuse, in French, and keeps the study as it was', () => {
  it.each([
    ['a 301-character title', setStudyField('title', 'T'.repeat(301), 'Titre'), /Étude \(title\).*300/],
    ['20,001 characters of notes', setStudyField('notes', 'n'.repeat(20_001), 'Notes'), /Étude \(notes\).*20000/],
    ['an AP at x = 1e300', updateAccessPoint('ap', { position: { xM: 1e300, yM: 0 } } as never, 'Déplacer'), /Borne « AP-1 » \(position\.xM\).*10000/],
    ['an AP azimuth of NaN', updateAccessPoint('ap', { azimuthDeg: Number.NaN }, 'Orienter'), /Borne « AP-1 » \(azimuthDeg\)/],
  ])('%s', (_name, action, message) => {
    const { documents, apply, before } = store();
    expect(apply(action)).toBe(false);
    expect(documents.getState().document).toBe(before);
    expect(documents.getState().canUndo).toBe(false);
    expect(documents.getState().refusal!.message).toMatch(/^Modification « .+ » refusée : /);
    expect(documents.getState().refusal!.message).toMatch(message);
  });

  it('a survey point with a NaN signal, channel 250 or a negative jitter is refused', () => {
    const { documents, apply, before } = store();
    const dataset = { id: 'd', levelId: before.levels[0]!.id, name: 'Saisie', source: 'saisie', deviceOffsetDb: 0 };
    const reading = { bssid: 'aa', ssid: 'S', band: '5' as const, channel: 36, widthMHz: null, rssiDbm: -60, noiseDbm: null };
    const point = (patch: object, active: object | null = null) => ({ position: { xM: 1, yM: 1 }, time: null, readings: [{ ...reading, ...patch }], active: active as never });
    expect(apply(addSurveyPoint(dataset, point({ rssiDbm: Number.NaN }), 'Point'))).toBe(false);
    expect(apply(addSurveyPoint(dataset, point({ channel: 250 }), 'Point'))).toBe(false);
    expect(apply(addSurveyPoint(dataset, point({}, { protocol: 'udp', downloadMbps: 1, uploadMbps: null, jitterMs: -1, lossPercent: 0 }), 'Point'))).toBe(false);
    expect(documents.getState().document).toBe(before);
    expect(apply(addSurveyPoint(dataset, point({}), 'Point'))).toBe(true);
    expect(reimports(documents.getState().document!)).toBe(true);
  });

  it('walls of zero length are dropped by the drawing tools, and a stored one is refused', () => {
    const { documents, apply } = store();
    const levelId = documents.getState().document!.levels[0]!.id;
    let id = 0;
    expect(apply(addWallPolyline(levelId, [{ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 4, y: 1 }], 'mat-placo', () => `w${++id}`, 'Murs'))).toBe(true);
    expect(documents.getState().document!.walls).toHaveLength(1);
    const stored = structuredClone(documents.getState().document!);
    stored.walls.push({ ...stored.walls[0]!, id: 'nul', to: { ...stored.walls[0]!.from } });
    expect(() => parseProjectValue(stored)).toThrow(ProjectLoadError);
  });
});

describe('the inputs say what they leave out', () => {
  it('a pasted netsh scan with « Signal : n/a » gives no reading and counts one rejected', () => {
    const scan = ['SSID 1 : Bureau', '   BSSID 1                 : aa:bb:cc:dd:ee:01', '        Signal             : n/a', '        Band               : 5 GHz', '        Channel            : 36'].join('\n');
    const result = readPastedReadings(scan);
    expect(result.osScan).toBe('netsh');
    expect(result.readings).toEqual([]);
    expect(result.rejected).toBe(1);
  });

  it('a scan entry on channel 250 is rejected, not stored', () => {
    const scan = ' :AA\\:BB\\:CC\\:DD\\:EE\\:01:Réseau:Infra:250:130 Mbit/s:80:▂▄▆█:WPA2\n :AA\\:BB\\:CC\\:DD\\:EE\\:02:Réseau:Infra:6:130 Mbit/s:80:▂▄▆█:WPA2';
    const result = readPastedReadings(scan);
    expect(result.osScan).toBe('nmcli');
    expect(result.readings.map((reading) => reading.channel)).toEqual([6]);
    expect(result.rejected).toBe(1);
  });

  it('netsh in French (« Canal », « Bande : 2,4 GHz ») is read', () => {
    const scan = [
      'Nom de l’interface : Wi-Fi',
      'SSID 1 : JUSTICE',
      '    Type de réseau          : Infrastructure',
      '    BSSID 1                 : aa:bb:cc:dd:ee:01',
      '         Signal             : 80%',
      '         Type de radio      : 802.11ax',
      '         Bande              : 2,4 GHz',
      '         Canal              : 6',
      '    BSSID 2                 : aa:bb:cc:dd:ee:02',
      '         Signal             : 50%',
      '         Bande              : 5 GHz',
      '         Canal              : 36',
    ].join('\n');
    const result = readPastedReadings(scan);
    // 80 % → −60 dBm and 50 % → −75 dBm with the 0 % = −100 / 100 % = −50 dBm mapping.
    expect(result.readings.map(({ band, channel, rssiDbm }) => [band, channel, rssiDbm])).toEqual([
      ['2.4', 6, -60],
      ['5', 36, -75],
    ]);
  });

  it('an iperf3 result with a negative jitter keeps its rate and leaves the jitter empty', () => {
    const result = readIperf3(JSON.stringify({ start: { test_start: { protocol: 'UDP', reverse: 1 } }, end: { sum: { bits_per_second: 50e6, jitter_ms: -0.5, lost_percent: 2 } } }));
    expect(result).toEqual({ protocol: 'udp', downloadMbps: 50, uploadMbps: null, jitterMs: null, lossPercent: 2 });
  });

  it('a DXF line at 1e308 is left out and counted, the rest of the drawing kept', () => {
    const flat = flattenDxf({
      entities: [
        { type: 'LINE', layer: 'MURS', vertices: [{ x: 0, y: 0 }, { x: 1000, y: 0 }] },
        { type: 'LINE', layer: 'MURS', vertices: [{ x: 0, y: 0 }, { x: 1e308, y: 0 }] },
      ],
    } as never);
    expect(flat.segmentCount).toBe(1);
    expect([...flat.leftOut.values()]).toEqual([1]);
  });

  it('copies and imports of a 300-character title stay within the limit and re-import', async () => {
    const db = await ProjectDatabase.open('hostile-titles');
    const repository = new ProjectRepository(db);
    const long = await repository.create('É'.repeat(300));
    const copy = await repository.duplicate(long.id);
    expect(copy.study.title.length).toBeLessThanOrEqual(300);
    expect(copy.study.title.endsWith('… (copie)')).toBe(true);
    const exported = await repository.exportPackage(long.id);
    const { document } = await repository.importPackage(exported.bytes);
    expect(document.study.title.length).toBeLessThanOrEqual(300);
    expect(document.study.title.endsWith('… (importée)')).toBe(true);
    expect(reimports(document)).toBe(true);
  });
});

describe('export reads itself back', () => {
  it('a study stored before the gate, with a zero-length wall, is not exported and the message names the wall', async () => {
    const db = await ProjectDatabase.open('export-check');
    const repository = new ProjectRepository(db);
    const legacy = createProject({ title: 'Ancienne', id: 'ancienne' });
    legacy.walls.push({ id: 'w', levelId: legacy.levels[0]!.id, from: { xM: 1, yM: 1 }, to: { xM: 1, yM: 1 }, materialId: legacy.materials[0]!.id, bottomM: null, topM: null });
    await db.saveDocument(legacy);
    const error = await repository.exportPackage('ancienne').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportCheckError);
    expect((error as ExportCheckError).message).toMatch(/^Export interrompu/);
    expect((error as ExportCheckError).details).toEqual(['Mur « w » (to) : mur de longueur nulle']);
  });
});
