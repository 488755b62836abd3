import { describe, expect, it } from 'vitest';
import { packProject } from '../../src/io/project-package.ts';
import { sha256Hex } from '../../src/io/sha256.ts';
import { createProject } from '../../src/model/create-project.ts';
import { ProjectLoadError } from '../../src/model/project-load-error.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { ProjectDatabase } from '../../src/storage/project-database.ts';
import { ProjectRepository } from '../../src/storage/project-repository.ts';
import { StorageError, toStorageError } from '../../src/storage/storage-error.ts';

let dbCounter = 0;
async function freshRepository() {
  const db = await ProjectDatabase.open(`test-${++dbCounter}`);
  return { db, repository: new ProjectRepository(db) };
}

async function withPlan(document: ProjectDocument, bytes: Uint8Array) {
  const sha = await sha256Hex(bytes);
  document.assets.push({ sha256: sha, name: 'plan.png', mimeType: 'image/png', byteLength: bytes.byteLength });
  document.levels[0]!.plan = { format: 'image', sourceSha256: null, vectorsSha256: null, vectorLayers: [], assetSha256: sha, page: 1, widthUnits: 10, heightUnits: 10, crop: null, rotationDeg: 0 };
  return sha;
}

describe('project storage', () => {
  it('creates, lists newest first, renames, duplicates and reloads documents', async () => {
    const { db, repository } = await freshRepository();
    const first = await repository.create('Première', new Date('2026-01-01T00:00:00Z'));
    await repository.create('Seconde', new Date('2026-02-01T00:00:00Z'));
    expect((await db.listSummaries()).map((summary) => summary.title)).toEqual(['Seconde', 'Première']);
    await repository.rename(first.id, 'Première bis', new Date('2026-03-01T00:00:00Z'));
    const copy = await repository.duplicate(first.id, new Date('2026-04-01T00:00:00Z'));
    expect(copy.id).not.toBe(first.id);
    expect((await db.listSummaries()).map((summary) => summary.title)).toEqual(['Première bis (copie)', 'Première bis', 'Seconde']);
    expect((await db.loadDocument(first.id)).study.title).toBe('Première bis');
  });

  it('stores a plan once for two projects and deletes it with the last one', async () => {
    const { db } = await freshRepository();
    const plan = new Uint8Array([1, 2, 3, 4, 5]);
    const a = createProject({ title: 'A' });
    const sha = await withPlan(a, plan);
    const b = { ...structuredClone(a), id: 'b' };
    await db.saveDocumentWithAssets(a, new Map([[sha, plan]]));
    await db.saveDocumentWithAssets(b, new Map([[sha, plan]]));
    expect(await db.assetCount()).toBe(1);
    await db.deleteProject(a.id);
    expect(await db.assetCount()).toBe(1);
    expect(new Uint8Array((await db.getAsset(sha))!.bytes)).toEqual(plan);
    await db.deleteProject('b');
    expect(await db.assetCount()).toBe(0);
    expect(await db.listSummaries()).toEqual([]);
  });

  it('export then import gives the same document and the same plan bytes', async () => {
    const { db, repository } = await freshRepository();
    const document = createProject({ title: 'Aller-retour é&<>' });
    const plan = new Uint8Array(Array.from({ length: 300 }, (_, index) => index % 251));
    const sha = await withPlan(document, plan);
    await db.saveDocumentWithAssets(document, new Map([[sha, plan]]));
    const { bytes, fileName } = await repository.exportPackage(document.id);
    expect(fileName).toBe('aller-retour-e.ondeplan');
    await db.deleteProject(document.id);
    const { document: imported, renamed } = await repository.importPackage(bytes);
    expect(renamed).toBe(false);
    expect(imported).toEqual(document);
    expect(await db.loadDocument(document.id)).toEqual(document);
    expect(new Uint8Array((await db.getAsset(sha))!.bytes)).toEqual(plan);
  });

  it('importing a project whose id is already stored makes a copy and keeps the original', async () => {
    const { db, repository } = await freshRepository();
    const original = await repository.create('Original');
    const { bytes } = await repository.exportPackage(original.id);
    const { document, renamed } = await repository.importPackage(bytes);
    expect(renamed).toBe(true);
    expect(document.id).not.toBe(original.id);
    expect(document.study.title).toBe('Original (importée)');
    expect(await db.loadDocument(original.id)).toEqual(original);
  });

  it.each([
    ['truncated archive', (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 40), 'not-a-zip'],
    ['random bytes', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'not-a-zip'],
    ['empty file', () => new Uint8Array(), 'not-a-zip'],
  ])('a %s is refused and storage is untouched', async (_name, corrupt, code) => {
    const { db, repository } = await freshRepository();
    const kept = await repository.create('À garder');
    const { bytes } = await repository.exportPackage(kept.id);
    const before = await db.listSummaries();
    const error = await repository.importPackage(corrupt(bytes)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectLoadError);
    expect((error as ProjectLoadError).code).toBe(code);
    expect(await db.listSummaries()).toEqual(before);
    expect(await db.loadDocument(kept.id)).toEqual(kept);
  });

  it('a plan altered inside the archive is caught by its SHA-256', async () => {
    const { repository, db } = await freshRepository();
    const document = createProject({ title: 'Plan altéré' });
    const plan = new Uint8Array([9, 9, 9]);
    const sha = await withPlan(document, plan);
    const bytes = packProject(document, new Map([[sha, new Uint8Array([9, 9, 8])]]));
    const error = await repository.importPackage(bytes).catch((caught: unknown) => caught);
    expect((error as ProjectLoadError).code).toBe('asset-checksum');
    expect(await db.listSummaries()).toEqual([]);
  });

  it('maps a full disk to the quota message in French', () => {
    const error = toStorageError(Object.assign(new Error('x'), { name: 'QuotaExceededError' }));
    expect(error).toBeInstanceOf(StorageError);
    expect(error.code).toBe('quota');
    expect(error.message).toContain('espace de stockage du navigateur est plein');
  });

  it('reports a save that fails on a full disk instead of swallowing it', async () => {
    const { db } = await freshRepository();
    const document = createProject({ title: 'Trop gros' });
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    try {
      const error = await db.saveDocument(document).catch((caught: unknown) => caught);
      expect((error as StorageError).code).toBe('quota');
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await db.listSummaries()).toEqual([]);
  });
});
