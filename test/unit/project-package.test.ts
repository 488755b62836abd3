import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packProject, unpackProject } from '../../src/io/project-package.ts';
import { sha256Hex } from '../../src/io/sha256.ts';
import { createProject } from '../../src/model/create-project.ts';
import { ProjectLoadError } from '../../src/model/project-load-error.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProjectLoadError);
  return (error as ProjectLoadError).code;
}

describe('.ondeplan package', () => {
  it('SHA-256 matches the published test vector for "abc"', async () => {
    expect(await sha256Hex(strToU8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('packs the same content to the same bytes', () => {
    const document = createProject({ title: 'Stable', id: 's', now: new Date('2026-01-01T00:00:00Z') });
    const at = new Date('2026-01-02T00:00:00Z');
    expect(packProject(document, new Map(), at)).toEqual(packProject(document, new Map(), at));
  });

  it('accepts a bare project.json without assets', async () => {
    const document = createProject({ title: 'Nu' });
    const { document: read, assets } = await unpackProject(strToU8(`\n  ${JSON.stringify(document)}`));
    expect(read).toEqual(document);
    expect(assets.size).toBe(0);
  });

  it('refuses a zip without project.json', async () => {
    expect(await codeOf(unpackProject(zipSync({ 'autre.txt': strToU8('x') })))).toBe('missing-project-json');
  });

  it('refuses an archive that lacks a listed plan', async () => {
    const document = createProject({ title: 'Sans plan' });
    const sha = await sha256Hex(strToU8('plan'));
    document.assets.push({ sha256: sha, name: 'plan.svg', mimeType: 'image/svg+xml', byteLength: 4 });
    const bytes = zipSync({ 'project.json': strToU8(JSON.stringify(document)) });
    expect(await codeOf(unpackProject(bytes))).toBe('asset-missing');
  });

  it('refuses a document from a newer Ondeplan inside a valid archive', async () => {
    const bytes = zipSync({ 'project.json': strToU8(JSON.stringify({ formatVersion: 42 })) });
    expect(await codeOf(unpackProject(bytes))).toBe('newer-version');
  });
});
