import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../src/model/create-project.ts';
import { MIGRATIONS, migrateToCurrent, type Migration } from '../../src/model/migrations.ts';
import { parseProjectJson, parseProjectValue } from '../../src/model/parse-project.ts';
import { ProjectLoadError } from '../../src/model/project-load-error.ts';
import { CURRENT_FORMAT_VERSION, projectDocumentSchema } from '../../src/model/schema.ts';

const fixturesDir = resolve(import.meta.dirname, '../../fixtures/project-format');

function expectLoadError(run: () => unknown, code: string): ProjectLoadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProjectLoadError);
    expect((error as ProjectLoadError).code).toBe(code);
    return error as ProjectLoadError;
  }
  throw new Error(`expected ProjectLoadError ${code}`);
}

describe('frozen fixtures', () => {
  const files = readdirSync(fixturesDir).filter((name) => name.endsWith('.json'));

  it('has one frozen fixture for every format version up to the current one', () => {
    const versions = new Set(files.map((name) => Number(/^v(\d+)-/.exec(name)?.[1])));
    for (let version = 1; version <= CURRENT_FORMAT_VERSION; version++) expect(versions.has(version)).toBe(true);
  });

  it.each(files)('%s loads through every migration into a valid current document', (name) => {
    const raw = JSON.parse(readFileSync(resolve(fixturesDir, name), 'utf8'));
    const document = parseProjectValue(raw);
    expect(document.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    expect(projectDocumentSchema.safeParse(document).success).toBe(true);
  });

  it('the v1 demo fixture keeps its content: 94 walls, 5 APs, 4 coverage zones on one level', () => {
    const document = parseProjectJson(readFileSync(resolve(fixturesDir, 'v1-demo.json'), 'utf8'));
    expect(document.walls).toHaveLength(94);
    expect(document.accessPoints.map((ap) => ap.name)).toEqual(['AP-N1-01', 'AP-N1-02', 'AP-N1-03', 'AP-N1-04', 'AP-N1-05']);
    expect(document.coverageZones).toHaveLength(4);
    expect(document.levels).toHaveLength(1);
    expect(document.levels[0]!.metersPerUnit).toBeCloseTo(0.02, 12);
  });

  it('the registry has a migration from every older version', () => {
    for (let version = 1; version < CURRENT_FORMAT_VERSION; version++) expect(MIGRATIONS.some((migration) => migration.from === version)).toBe(true);
  });
});

describe('migration 1 → 2', () => {
  it('gives v1 plans a format and empty vector fields, and v1 surveys their new fields, keeping every value', () => {
    const v1 = JSON.parse(readFileSync(resolve(fixturesDir, 'v1-demo.json'), 'utf8'));
    v1.surveys = [{ id: 's', levelId: v1.levels[0].id, name: 'Relevé', deviceOffsetDb: 2, points: [{ position: { xM: 1, yM: 2 }, time: null, readings: [{ bssid: 'aa', ssid: 'X', band: '5', channel: 36, rssiDbm: -60, noiseDbm: null }] }] }];
    const document = parseProjectValue(v1);
    expect(document.levels[0]!.plan).toMatchObject({ format: 'image', sourceSha256: null, vectorsSha256: null, vectorLayers: [], assetSha256: v1.levels[0].plan.assetSha256 });
    expect(document.surveys[0]).toMatchObject({ source: '', deviceOffsetDb: 2, points: [{ active: null, readings: [{ channel: 36, widthMHz: null, rssiDbm: -60 }] }] });
  });
});

describe('migration 2 → 3', () => {
  it('gives v2 profiles the airtime limit of the old rule (50 % where a second AP is asked, else 70 %) and no mounting areas', () => {
    const v2 = JSON.parse(readFileSync(resolve(fixturesDir, 'v2-demo.json'), 'utf8'));
    const document = parseProjectValue(v2);
    for (const profile of document.requirementProfiles) {
      const before = v2.requirementProfiles.find((candidate: { id: string }) => candidate.id === profile.id);
      expect(profile.maxAirtimeShare).toBe(before.minSecondaryRssiDbm === null ? 0.7 : 0.5);
      expect({ ...profile, maxAirtimeShare: undefined }).toEqual({ ...before, maxAirtimeShare: undefined });
    }
    expect(document.mountingAreas).toEqual([]);
  });
});

describe('migration 5 → 6', () => {
  it('gives v5 AP models an unknown PoE class, draw and mounting and an empty source, keeping every value', () => {
    const v5 = JSON.parse(readFileSync(resolve(fixturesDir, 'v5-demo.json'), 'utf8'));
    const document = parseProjectValue(v5);
    expect(document.apModels).toHaveLength(v5.apModels.length);
    document.apModels.forEach((model, index) => {
      expect(model).toEqual({ ...v5.apModels[index], poeClass: null, maxPowerDrawW: null, mounting: [], source: '' });
    });
  });
});

describe('migration runner', () => {
  // A made-up history: v1 had `site` as a string, v2 split it, v3 renamed `notes` to `remarks`.
  const migrations: Migration[] = [
    { from: 1, migrate: (document) => ({ ...document, site: { name: document.site } }) },
    { from: 2, migrate: ({ notes, ...rest }) => ({ ...rest, remarks: notes }) },
  ];

  it('chains every step from the document version to the target', () => {
    const migrated = migrateToCurrent({ formatVersion: 1, site: 'TJ Lyon', notes: 'x' }, migrations, 3);
    expect(migrated).toEqual({ formatVersion: 3, site: { name: 'TJ Lyon' }, remarks: 'x' });
  });

  it('starts from the middle when the document is already at v2', () => {
    expect(migrateToCurrent({ formatVersion: 2, site: { name: 'A' }, notes: 'n' }, migrations, 3)).toEqual({ formatVersion: 3, site: { name: 'A' }, remarks: 'n' });
  });

  it('does not mutate its input', () => {
    const input = { formatVersion: 1, site: 'S', notes: 'n' };
    migrateToCurrent(input, migrations, 3);
    expect(input).toEqual({ formatVersion: 1, site: 'S', notes: 'n' });
  });

  it('refuses a newer version with a French message naming both versions', () => {
    const error = expectLoadError(() => migrateToCurrent({ formatVersion: 7 }, migrations, 3), 'newer-version');
    expect(error.message).toContain('format 7');
    expect(error.message).toContain('jusqu’au format 3');
  });

  it('refuses a gap in the registry', () => {
    expectLoadError(() => migrateToCurrent({ formatVersion: 1 }, [migrations[0]!], 3), 'unknown-version');
  });

  it.each([[null], [[]], ['texte'], [{}], [{ formatVersion: '1' }], [{ formatVersion: 0 }], [{ formatVersion: 1.5 }]])('refuses %j as not a project', (raw) => {
    expectLoadError(() => migrateToCurrent(raw, migrations, 3), 'not-a-project');
  });
});

describe('validation', () => {
  const valid = () => createProject({ title: 'Étude', id: 'p1', now: new Date('2026-01-01T00:00:00Z') });

  it('accepts a new project', () => {
    expect(parseProjectValue(valid()).id).toBe('p1');
  });

  it('rejects text that is not JSON', () => {
    expect(expectLoadError(() => parseProjectJson('{"formatVersion": 1,'), 'not-json').message).toMatch(/JSON invalide/);
  });

  it('rejects a wrong unit type and names the field', () => {
    const document = valid() as unknown as { prediction: { gridResolutionM: unknown } };
    document.prediction.gridResolutionM = '0,5 m';
    const error = expectLoadError(() => parseProjectValue(document), 'invalid');
    expect(error.details.join('\n')).toContain('prediction.gridResolutionM');
  });

  it('rejects NaN-like and out-of-range values', () => {
    const document = valid();
    document.levels[0]!.floorToFloorHeightM = -3;
    expectLoadError(() => parseProjectValue(document), 'invalid');
  });

  it('rejects a wall on a level that does not exist', () => {
    const document = valid();
    document.walls.push({ id: 'w1', levelId: 'nowhere', from: { xM: 0, yM: 0 }, to: { xM: 1, yM: 0 }, materialId: 'mat-placo', bottomM: null, topM: null });
    const error = expectLoadError(() => parseProjectValue(document), 'broken-references');
    expect(error.details).toEqual(['walls[w1].levelId → « nowhere » introuvable']);
  });

  it('rejects duplicated identifiers', () => {
    const document = valid();
    document.materials.push({ ...document.materials[0]! });
    const error = expectLoadError(() => parseProjectValue(document), 'broken-references');
    expect(error.details[0]).toContain('identifiant en double');
  });

  it('rejects a plan that points to an asset the document does not list', () => {
    const document = valid();
    document.levels[0]!.plan = { format: 'image', sourceSha256: null, vectorsSha256: null, vectorLayers: [], assetSha256: 'a'.repeat(64), page: 1, widthUnits: 100, heightUnits: 100, crop: null, rotationDeg: 0 };
    expectLoadError(() => parseProjectValue(document), 'broken-references');
  });
});
