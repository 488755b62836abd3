import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseProjectJson } from '../model/parse-project.ts';
import { ProjectLoadError } from '../model/project-load-error.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { sha256Hex } from './sha256.ts';

/**
 * The `.ondeplan` file: a zip holding `project.json`, `manifest.json` and `assets/<sha256>` for every asset the
 * document lists. See docs/project-format.md.
 */
export const PACKAGE_EXTENSION = '.ondeplan';
export const PACKAGE_KIND = 'ondeplan-project';

export interface PackageManifest {
  kind: typeof PACKAGE_KIND;
  formatVersion: number;
  exportedAt: string;
  assets: { sha256: string; path: string; byteLength: number; mimeType: string }[];
}

export interface UnpackedProject {
  document: ProjectDocument;
  assets: Map<string, Uint8Array>;
}

export function packProject(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>, exportedAt = new Date()): Uint8Array {
  const manifest: PackageManifest = {
    kind: PACKAGE_KIND,
    formatVersion: document.formatVersion,
    exportedAt: exportedAt.toISOString(),
    assets: [],
  };
  const files: Record<string, Uint8Array> = {};
  for (const asset of document.assets) {
    const bytes = assets.get(asset.sha256);
    if (!bytes) throw new ProjectLoadError('asset-missing', [asset.sha256], { name: asset.name });
    const path = `assets/${asset.sha256}`;
    manifest.assets.push({ sha256: asset.sha256, path, byteLength: bytes.byteLength, mimeType: asset.mimeType });
    files[path] = bytes;
  }
  files['project.json'] = strToU8(JSON.stringify(document, null, 2));
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  // A fixed date keeps the archive byte-identical for the same content.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b;
  }
  return false;
}

/** Reads a `.ondeplan` zip or a bare `project.json`; checks every asset against its SHA-256. */
export async function unpackProject(bytes: Uint8Array): Promise<UnpackedProject> {
  if (looksLikeJson(bytes)) {
    const document = parseProjectJson(strFromU8(bytes));
    if (document.assets.length > 0) throw new ProjectLoadError('asset-missing', document.assets.map((asset) => asset.name), { name: document.assets[0]!.name });
    return { document, assets: new Map() };
  }
  if (!isZip(bytes)) throw new ProjectLoadError('not-a-zip');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ProjectLoadError('not-a-zip');
  }
  const projectJson = files['project.json'];
  if (!projectJson) throw new ProjectLoadError('missing-project-json');
  const document = parseProjectJson(strFromU8(projectJson));
  const assets = new Map<string, Uint8Array>();
  for (const asset of document.assets) {
    const data = files[`assets/${asset.sha256}`];
    if (!data) throw new ProjectLoadError('asset-missing', [asset.sha256], { name: asset.name });
    if ((await sha256Hex(data)) !== asset.sha256) throw new ProjectLoadError('asset-checksum', [asset.sha256], { name: asset.name });
    assets.set(asset.sha256, data);
  }
  return { document, assets };
}
