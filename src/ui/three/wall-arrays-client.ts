/** The 3D view's handle on its wall-array worker: one worker per open view, ended with it. */
import * as Comlink from 'comlink';
import type { LevelWallArrays, WallBox } from './wall-arrays.ts';
import type { WallArraysWorkerApi } from './wall-arrays.worker.ts';

export class WallArraysClient {
  private readonly worker = new Worker(new URL('./wall-arrays.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-vue-3d' });
  private readonly api = Comlink.wrap<WallArraysWorkerApi>(this.worker);

  build(levels: { levelId: string; walls: WallBox[] }[]): Promise<LevelWallArrays[]> {
    return this.api.build(levels);
  }

  dispose(): void {
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
