/// <reference lib="webworker" />
/** Inflating, hashing, validating and packing `.ondeplan` files off the main thread. */
import * as Comlink from 'comlink';
import { importEsxInput, importIfcInput, packVerified, toFailure, unpackInput, type CodecFailure } from './package-codec.ts';
import type { ConvertedImport } from '../exchange/converted-import.ts';
import type { EsxImport } from '../exchange/esx/esx-import.ts';
import { exportEsx } from '../exchange/esx/esx-export.ts';
import type { UnpackedProject } from './project-package.ts';
import type { ProjectDocument } from '../model/schema.ts';

const api = {
  async unpack(input: Uint8Array | Blob): Promise<UnpackedProject | CodecFailure> {
    try {
      const unpacked = await unpackInput(input);
      return Comlink.transfer(unpacked, [...new Set([...unpacked.assets.values()].map((asset) => asset.buffer as ArrayBuffer))]);
    } catch (error) {
      return toFailure(error);
    }
  },
  async importEsx(input: Uint8Array | Blob): Promise<EsxImport | CodecFailure> {
    try {
      const result = await importEsxInput(input);
      return Comlink.transfer(result, [...new Set([...result.assets.values()].map((asset) => asset.buffer as ArrayBuffer))]);
    } catch (error) {
      return toFailure(error);
    }
  },
  async importIfc(input: Uint8Array | Blob, fileName: string): Promise<ConvertedImport | CodecFailure> {
    try {
      // The single-threaded build: the page is not cross-origin isolated, and one file needs no thread pool.
      const { default: wasmUrl } = await import('web-ifc/web-ifc.wasm?url');
      const result = await importIfcInput(input, fileName, (ifc) => ifc.Init(() => new URL(wasmUrl, self.location.href).href, true));
      return Comlink.transfer(result, [...new Set([...result.assets.values()].map((asset) => asset.buffer as ArrayBuffer))]);
    } catch (error) {
      return toFailure(error);
    }
  },
  exportEsx(document: ProjectDocument, assets: Map<string, Uint8Array>) {
    const result = exportEsx(document, assets);
    return Comlink.transfer(result, [result.bytes.buffer as ArrayBuffer]);
  },
  async packVerified(document: ProjectDocument, assets: Map<string, Uint8Array>) {
    const result = await packVerified(document, assets);
    return Comlink.transfer(result, [result.bytes.buffer as ArrayBuffer]);
  },
};
export type PackageWorkerApi = typeof api;
Comlink.expose(api);
