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

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b;
  }
  return false;
}

/**
 * What reading a package may cost, checked against the zip's own directory before anything is inflated; an entry
 * whose declared size is a lie inflates to its declared size and no further (then fails its checksum).
 */
export const PACKAGE_LIMITS = {
  entries: 10_000,
  /** JSON text longer than this cannot become one JavaScript string on every browser. */
  projectJsonBytes: 256 * 1024 * 1024,
  totalInflatedBytes: 1024 * 1024 * 1024,
  /** Inflated/compressed ratio allowed above 1 MiB: plans and JSON stay far below, zip bombs far above. */
  ratio: 1000,
} as const;

const MIB = 1024 * 1024;

/**
 * Inflates the entries `wanted` keeps, after checking the zip's directory against PACKAGE_LIMITS (entry count, total
 * size, compression ratio, duplicate names); `skipped` hears the names left out. Shared by every zip Ondeplan reads.
 */
export function readZipWithinLimits(bytes: Uint8Array, wanted: (name: string, originalSize: number) => boolean | ProjectLoadError, skipped: (name: string) => void = () => {}): Record<string, Uint8Array> {
  const names = new Set<string>();
  let count = 0;
  let total = 0;
  let refusal: ProjectLoadError | null = null;
  const refuse = (error: ProjectLoadError) => {
    refusal ??= error;
    return false;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (++count > PACKAGE_LIMITS.entries) return refuse(new ProjectLoadError('too-many-entries', [], { max: PACKAGE_LIMITS.entries }));
        if (names.has(file.name)) return refuse(new ProjectLoadError('duplicate-entry', [file.name], { name: file.name }));
        names.add(file.name);
        const verdict = wanted(file.name, file.originalSize);
        if (verdict instanceof ProjectLoadError) return refuse(verdict);
        if (!verdict) {
          skipped(file.name);
          return false;
        }
        if (file.originalSize > MIB && file.originalSize > PACKAGE_LIMITS.ratio * Math.max(1, file.size))
          return refuse(new ProjectLoadError('suspicious-ratio', [file.name], { name: file.name, ratio: Math.round(file.originalSize / Math.max(1, file.size)) }));
        total += file.originalSize;
        if (total > PACKAGE_LIMITS.totalInflatedBytes) return refuse(new ProjectLoadError('too-large', [], { max: PACKAGE_LIMITS.totalInflatedBytes / MIB }));
        return refusal === null;
      },
    });
  } catch {
    throw new ProjectLoadError('not-a-zip');
  }
  if (refusal) throw refusal;
  return files;
}

/** Inflates only the entries the format needs. */
function readEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  return readZipWithinLimits(bytes, (name, originalSize) => {
    const wanted = name === 'project.json' || name === 'manifest.json' || /^assets\/[0-9a-f]{64}$/.test(name);
    if (wanted && name === 'project.json' && originalSize > PACKAGE_LIMITS.projectJsonBytes) return new ProjectLoadError('project-too-large', [], { size: Math.round(originalSize / MIB), max: PACKAGE_LIMITS.projectJsonBytes / MIB });
    return wanted;
  });
}

/** The manifest must list exactly the document's assets, with their checksums and sizes. */
function checkManifest(text: Uint8Array | undefined, document: ProjectDocument): void {
  if (!text) throw new ProjectLoadError('manifest-missing');
  let manifest: Partial<PackageManifest>;
  try {
    manifest = JSON.parse(strFromU8(text)) as Partial<PackageManifest>;
  } catch {
    throw new ProjectLoadError('manifest-invalid');
  }
  if (manifest?.kind !== PACKAGE_KIND || !Array.isArray(manifest.assets)) throw new ProjectLoadError('manifest-invalid');
  const listed = new Map(manifest.assets.map((asset) => [asset?.sha256, asset]));
  const problems: string[] = [];
  for (const asset of document.assets) {
    const entry = listed.get(asset.sha256);
    if (!entry) problems.push(asset.name);
    else if (entry.path !== `assets/${asset.sha256}` || entry.byteLength !== asset.byteLength) problems.push(asset.name);
    listed.delete(asset.sha256);
  }
  for (const extra of listed.keys()) problems.push(String(extra));
  if (problems.length > 0) throw new ProjectLoadError('manifest-mismatch', problems, { count: problems.length });
}

function decodeJson(bytes: Uint8Array): string {
  if (bytes.byteLength > PACKAGE_LIMITS.projectJsonBytes) throw new ProjectLoadError('project-too-large', [], { size: Math.round(bytes.byteLength / MIB), max: PACKAGE_LIMITS.projectJsonBytes / MIB });
  try {
    return strFromU8(bytes);
  } catch {
    throw new ProjectLoadError('not-json');
  }
}

/**
 * Reads a `.ondeplan` zip or a bare `project.json`, within PACKAGE_LIMITS: only `project.json`, `manifest.json` and
 * the assets are inflated, the manifest must agree with the document, and every asset with its SHA-256.
 */
export async function unpackProject(bytes: Uint8Array): Promise<UnpackedProject> {
  if (looksLikeJson(bytes)) {
    const document = parseProjectJson(decodeJson(bytes));
    if (document.assets.length > 0) throw new ProjectLoadError('asset-missing', document.assets.map((asset) => asset.name), { name: document.assets[0]!.name });
    return { document, assets: new Map() };
  }
  if (!isZip(bytes)) throw new ProjectLoadError('not-a-zip');
  const files = readEntries(bytes);
  const projectJson = files['project.json'];
  if (!projectJson) throw new ProjectLoadError('missing-project-json');
  const document = parseProjectJson(decodeJson(projectJson));
  checkManifest(files['manifest.json'], document);
  const assets = new Map<string, Uint8Array>();
  for (const asset of document.assets) {
    const data = files[`assets/${asset.sha256}`];
    if (!data) throw new ProjectLoadError('asset-missing', [asset.sha256], { name: asset.name });
    if ((await sha256Hex(data)) !== asset.sha256) throw new ProjectLoadError('asset-checksum', [asset.sha256], { name: asset.name });
    assets.set(asset.sha256, data);
  }
  return { document, assets };
}
