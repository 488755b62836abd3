import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
    const manifest = { kind: 'ondeplan-project', formatVersion: 3, exportedAt: '2026-01-01T00:00:00Z', assets: [{ sha256: sha, path: `assets/${sha}`, byteLength: 4, mimeType: 'image/svg+xml' }] };
    const bytes = zipSync({ 'project.json': strToU8(JSON.stringify(document)), 'manifest.json': strToU8(JSON.stringify(manifest)) });
    expect(await codeOf(unpackProject(bytes))).toBe('asset-missing');
  });

  it('refuses a document from a newer Ondeplan inside a valid archive', async () => {
    const bytes = zipSync({ 'project.json': strToU8(JSON.stringify({ formatVersion: 42 })) });
    expect(await codeOf(unpackProject(bytes))).toBe('newer-version');
  });
});

/** Replaces every occurrence of an ASCII name in the archive's bytes (local headers and directory alike). */
function renameInZip(bytes: Uint8Array, from: string, to: string): Uint8Array {
  expect(from.length).toBe(to.length);
  const out = bytes.slice();
  const needle = strToU8(from);
  for (let index = 0; index + needle.length <= out.length; index++) {
    if (needle.every((byte, offset) => out[index + offset] === byte)) out.set(strToU8(to), index);
  }
  return out;
}

/** Sets the uncompressed size an entry declares, in its local header and in the central directory. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const needle = strToU8(name);
  for (let index = 0; index + 4 <= out.length; index++) {
    const signature = view.getUint32(index, true);
    const nameAt = signature === 0x04034b50 ? index + 30 : signature === 0x02014b50 ? index + 46 : -1;
    if (nameAt < 0 || !needle.every((byte, offset) => out[nameAt + offset] === byte)) continue;
    view.setUint32(index + (signature === 0x04034b50 ? 22 : 24), size, true);
  }
  return out;
}

describe('.ondeplan package within limits (robustness campaign, finding 4 and 5)', () => {
  const at = new Date('2026-01-02T00:00:00Z');
  const planned = async () => {
    const document = createProject({ title: 'Avec plan', id: 'plan', now: at });
    const plan = strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>');
    const sha = await sha256Hex(plan);
    document.assets.push({ sha256: sha, name: 'plan.svg', mimeType: 'image/svg+xml', byteLength: plan.byteLength });
    return { document, plan, sha, bytes: packProject(document, new Map([[sha, plan]]), at) };
  };

  it('an entry declaring 4 GiB is refused from the directory, before inflating anything', async () => {
    const { bytes } = await planned();
    expect(await codeOf(unpackProject(declareSize(bytes, 'project.json', 0xffff_fff0)))).toBe('project-too-large');
  });

  it('an ignored entry of 4 GiB is not inflated at all and the study still imports', async () => {
    const document = createProject({ title: 'Bombe ignorée', id: 'b', now: at });
    const files = unzipSync(packProject(document, new Map(), at));
    const withJunk = zipSync({ ...files, 'zz-junk.bin': new Uint8Array(64) });
    const { document: read } = await unpackProject(declareSize(withJunk, 'zz-junk.bin', 0xffff_fff0));
    expect(read.id).toBe('b');
  });

  it('an asset that would inflate more than 1000 times is refused as a decompression bomb', async () => {
    const document = createProject({ title: 'Bombe', id: 'z', now: at });
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const sha = await sha256Hex(zeros);
    document.assets.push({ sha256: sha, name: 'plan.png', mimeType: 'image/png', byteLength: zeros.byteLength });
    const error = await unpackProject(packProject(document, new Map([[sha, zeros]]), at)).catch((caught: unknown) => caught);
    expect((error as ProjectLoadError).code).toBe('suspicious-ratio');
    expect((error as ProjectLoadError).message).toMatch(/bombe de décompression/);
  });

  it('two project.json entries are refused (no silent « last one wins »)', async () => {
    const first = createProject({ title: 'Premier', id: 'a', now: at });
    const files = unzipSync(packProject(first, new Map(), at));
    const twice = zipSync({ ...files, 'project.jsoX': strToU8(JSON.stringify({ ...first, id: 'second' })) });
    expect(await codeOf(unpackProject(renameInZip(twice, 'project.jsoX', 'project.json')))).toBe('duplicate-entry');
  });

  it.each([
    ['missing', (files: Record<string, Uint8Array>) => void delete files['manifest.json'], 'manifest-missing'],
    ['garbage', (files: Record<string, Uint8Array>) => void (files['manifest.json'] = strToU8('{pas du json')), 'manifest-invalid'],
    [
      'with a wrong hash',
      (files: Record<string, Uint8Array>) => {
        const manifest = JSON.parse(strFromU8(files['manifest.json']!));
        manifest.assets[0].sha256 = '0'.repeat(64);
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
      },
      'manifest-mismatch',
    ],
  ])('a manifest %s is refused', async (_name, tamper, code) => {
    const { bytes } = await planned();
    const files = unzipSync(bytes);
    tamper(files);
    expect(await codeOf(unpackProject(zipSync(files)))).toBe(code);
  });

  it('a project.json too long for one string gets a French message, not a TypeError', async () => {
    const error = await unpackProject(declareSize((await planned()).bytes, 'project.json', 600 * 1024 * 1024)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectLoadError);
    expect((error as Error).message).toMatch(/^Le projet fait 600 Mo une fois décompressé/);
  });
});
