/** The browser's package codec: one worker per operation, so a refused or huge file leaves nothing running. */
import * as Comlink from 'comlink';
import { fromFailure, type PackageCodec } from './package-codec.ts';
import type { PackageWorkerApi } from './package.worker.ts';

async function withWorker<T>(work: (api: Comlink.Remote<PackageWorkerApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-fichier' });
  try {
    return await work(Comlink.wrap<PackageWorkerApi>(worker));
  } finally {
    worker.terminate();
  }
}

export const workerPackageCodec: PackageCodec = {
  unpack: (input) =>
    withWorker(async (api) => {
      const result = await api.unpack(input instanceof Uint8Array ? Comlink.transfer(input, [input.buffer as ArrayBuffer]) : input);
      if ('failed' in result) throw fromFailure(result);
      return result;
    }),
  packVerified: (document, assets) => withWorker((api) => api.packVerified(document, new Map(assets))),
  exportEsx: (document, assets) => withWorker((api) => api.exportEsx(document, new Map(assets))),
  importIfc: (input, fileName) =>
    withWorker(async (api) => {
      const result = await api.importIfc(input instanceof Uint8Array ? Comlink.transfer(input, [input.buffer as ArrayBuffer]) : input, fileName);
      if ('failed' in result) throw fromFailure(result);
      return result;
    }),
  importEsx: (input) =>
    withWorker(async (api) => {
      const result = await api.importEsx(input instanceof Uint8Array ? Comlink.transfer(input, [input.buffer as ArrayBuffer]) : input);
      if ('failed' in result) throw fromFailure(result);
      return result;
    }),
};
