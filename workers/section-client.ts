/** One worker per vertical section: aborting terminates it, so a cancelled slice costs nothing more. */
import * as Comlink from 'comlink';
import type { SectionRequest, SectionResult } from '../propagation/field/vertical-section.ts';
import type { Scene } from '../propagation/scene/types.ts';
import { CancelledError } from './engine-protocol.ts';
import type { SectionWorkerApi } from './section.worker.ts';

export async function computeSection(scene: Scene, request: SectionRequest, onRow: (done: number, total: number) => void, signal: AbortSignal): Promise<SectionResult> {
  const worker = new Worker(new URL('./section.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-coupe' });
  const api = Comlink.wrap<SectionWorkerApi>(worker);
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new CancelledError()), { once: true }));
  try {
    return await Promise.race([api.compute(scene, request, Comlink.proxy(onRow)), aborted]);
  } finally {
    worker.terminate();
  }
}
