/**
 * Main-thread handle on the engine: one coordinator worker plus hardwareConcurrency − 2 helpers (a pool of
 * hardwareConcurrency − 1 computing threads, at least one). A new request cancels the one in progress; results
 * arrive through callbacks, coarse first when asked, with their buffers transferred.
 */
import * as Comlink from 'comlink';
import type { Scene } from '../propagation/scene/types.ts';
import type { EngineWorkerApi } from './engine.worker.ts';
import { CancelledError, type LayerRequest, type LayerResult, type Progress } from './engine-protocol.ts';

export { CancelledError };
export type { LayerRequest, LayerResult, Progress };

export function poolSize(hardwareConcurrency = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, hardwareConcurrency - 1);
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly helpers: Worker[] = [];
  private readonly api: Comlink.Remote<EngineWorkerApi>;
  private ready: Promise<void>;

  constructor(threads = poolSize()) {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-moteur' });
    this.api = Comlink.wrap<EngineWorkerApi>(this.worker);
    const ports: MessagePort[] = [];
    for (let index = 1; index < threads; index++) {
      const helper = new Worker(new URL('./field-helper.worker.ts', import.meta.url), { type: 'module', name: `ondeplan-calcul-${index}` });
      const channel = new MessageChannel();
      helper.postMessage({ port: channel.port1 }, [channel.port1]);
      ports.push(channel.port2);
      this.helpers.push(helper);
    }
    this.ready = this.api.connect(Comlink.transfer(ports, ports));
  }

  get threads(): number {
    return this.helpers.length + 1;
  }

  async setScene(scene: Scene): Promise<void> {
    await this.ready;
    this.ready = this.api.setScene(scene);
    await this.ready;
  }

  /** Resolves when the full-resolution result has been delivered; rejects with CancelledError when superseded. */
  async compute(request: LayerRequest, onResult: (result: LayerResult) => void, onProgress: (progress: Progress) => void = () => {}): Promise<void> {
    await this.ready;
    try {
      await this.api.compute(request, Comlink.proxy(onResult), Comlink.proxy(onProgress));
    } catch (error) {
      if (error instanceof Error && (error.name === 'CancelledError' || error.message === 'cancelled')) throw new CancelledError();
      throw error;
    }
  }

  cancel(): void {
    void this.api.cancel();
  }

  measuredMap(...args: Parameters<EngineWorkerApi['measuredMap']>) {
    return this.api.measuredMap(...args);
  }

  sourceImpact(...args: Parameters<EngineWorkerApi['sourceImpact']>) {
    return this.api.sourceImpact(...args);
  }

  walk(...args: Parameters<EngineWorkerApi['walk']>) {
    return this.api.walk(...args);
  }

  calibrate(...args: Parameters<EngineWorkerApi['calibrate']>) {
    return this.api.calibrate(...args);
  }

  dispose(): void {
    this.worker.terminate();
    for (const helper of this.helpers) helper.terminate();
  }
}
