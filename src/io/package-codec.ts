import { ProjectLoadError, type ProjectLoadErrorCode } from '../model/project-load-error.ts';
import { firstDifference } from '../model/same-document.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { packProject, unpackProject, type UnpackedProject } from './project-package.ts';

/** Reading and writing `.ondeplan` files: in a worker in the browser, in-line in Node and tests. */
export interface PackageCodec {
  /** A File or Blob is read where the codec runs (in the worker in the browser), so the page copies no bytes. */
  unpack(input: Uint8Array | Blob): Promise<UnpackedProject>;
  /** The package, read back: `difference` says where it would not re-import as the same study. */
  packVerified(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>): Promise<{ bytes: Uint8Array; difference: string | null }>;
}

/** What crosses the worker boundary for a refused file (a thrown error would lose its code and details). */
export type CodecFailure = { failed: true; code: ProjectLoadErrorCode; details: string[]; message: string };

export function toFailure(error: unknown): CodecFailure {
  if (error instanceof ProjectLoadError) return { failed: true, code: error.code, details: error.details, message: error.message };
  throw error;
}

export function fromFailure(failure: CodecFailure): ProjectLoadError {
  const error = new ProjectLoadError(failure.code, failure.details);
  error.message = failure.message;
  return error;
}

export async function packVerified(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>): Promise<{ bytes: Uint8Array; difference: string | null }> {
  const bytes = packProject(document, assets);
  let reread: ProjectDocument;
  try {
    reread = (await unpackProject(bytes)).document;
  } catch (error) {
    return { bytes, difference: error instanceof ProjectLoadError ? [error.message, ...error.details].join(' ; ') : String(error) };
  }
  return { bytes, difference: firstDifference(reread, document) };
}

export async function unpackInput(input: Uint8Array | Blob): Promise<UnpackedProject> {
  return unpackProject(input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer()));
}

export const inlinePackageCodec: PackageCodec = { unpack: unpackInput, packVerified };
