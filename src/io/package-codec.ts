import { documentProblems } from '../model/document-gate.ts';
import { ProjectLoadError, type ProjectLoadErrorCode } from '../model/project-load-error.ts';
import { firstDifference } from '../model/same-document.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { packProject, unpackProject, type UnpackedProject } from './project-package.ts';
import { importEsx, type EsxImport } from '../exchange/esx/esx-import.ts';
import { exportEsx, type EsxExport } from '../exchange/esx/esx-export.ts';
import type { ConvertedImport } from '../exchange/converted-import.ts';
import type { IfcInit } from '../exchange/ifc/ifc-read.ts';

/** Reading and writing `.ondeplan` files: in a worker in the browser, in-line in Node and tests. */
export interface PackageCodec {
  /** A File or Blob is read where the codec runs (in the worker in the browser), so the page copies no bytes. */
  unpack(input: Uint8Array | Blob): Promise<UnpackedProject>;
  /** The package, read back: `problems` says what the gate refuses or where it would not re-import as the same study. */
  packVerified(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>): Promise<VerifiedPackage>;
  /** An Ekahau `.esx` project read and converted (its SVG plans still to be sanitised where a DOM exists). */
  importEsx(input: Uint8Array | Blob): Promise<EsxImport>;
  exportEsx(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>): Promise<EsxExport>;
  /** An IFC building model read with web-ifc and converted (its drawn SVG plans still to be sanitised). */
  importIfc(input: Uint8Array | Blob, fileName: string): Promise<ConvertedImport>;
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

export interface VerifiedPackage {
  bytes: Uint8Array;
  /** Empty when the package re-imports as the same study; else what to fix, as French lines. */
  problems: string[];
}

/**
 * Packs a study once it passes the gate (whose lines name what to fix, for a study stored before the gate existed),
 * then reads the package back and compares it with the study.
 */
export async function packVerified(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>): Promise<VerifiedPackage> {
  const refused = documentProblems(document);
  if (refused.length > 0) return { bytes: new Uint8Array(0), problems: refused };
  const bytes = packProject(document, assets);
  try {
    const difference = firstDifference((await unpackProject(bytes)).document, document);
    return { bytes, problems: difference ? [difference] : [] };
  } catch (error) {
    return { bytes, problems: error instanceof ProjectLoadError ? [error.message, ...error.details] : [String(error)] };
  }
}

export async function unpackInput(input: Uint8Array | Blob): Promise<UnpackedProject> {
  return unpackProject(input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer()));
}

export async function importEsxInput(input: Uint8Array | Blob): Promise<EsxImport> {
  return importEsx(input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer()));
}

/** web-ifc and the IFC mapping are loaded only when an IFC file comes (several megabytes). */
export async function importIfcInput(input: Uint8Array | Blob, fileName: string, init?: IfcInit): Promise<ConvertedImport> {
  const [{ readIfc }, { importIfcDigest }] = await Promise.all([import('../exchange/ifc/ifc-read.ts'), import('../exchange/ifc/ifc-import.ts')]);
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  return importIfcDigest(await readIfc(bytes, init), { fileName });
}

export const inlinePackageCodec: PackageCodec = {
  unpack: unpackInput,
  packVerified,
  importEsx: importEsxInput,
  exportEsx: async (document, assets) => exportEsx(document, assets),
  importIfc: (input, fileName) => importIfcInput(input, fileName),
};
