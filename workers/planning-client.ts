/**
 * Main-thread handle on automatic placement: each run starts a planning worker and cancel() terminates it, so a
 * cancelled run stops at once, wherever the search is, and rejects with CancelledError.
 */
import * as Comlink from 'comlink';
import type { PlanningPhase } from '../propagation/planning/placement.ts';
import type { Proposal, ProposalInput } from '../propagation/planning/propose-plan.ts';
import type { Scene } from '../propagation/scene/types.ts';
import { CancelledError } from './engine-protocol.ts';
import type { PlanningWorkerApi } from './planning.worker.ts';

export type PlanningProgress = { phase: PlanningPhase; done: number; total: number };

export class PlanningRun {
  private readonly worker = new Worker(new URL('./planning.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-placement' });
  private rejectRun: ((error: Error) => void) | null = null;
  readonly result: Promise<Proposal>;

  constructor(scene: Scene, input: ProposalInput, onProgress: (progress: PlanningProgress) => void) {
    const api = Comlink.wrap<PlanningWorkerApi>(this.worker);
    this.result = new Promise<Proposal>((resolve, reject) => {
      this.rejectRun = reject;
      this.worker.addEventListener('error', (event) => reject(new Error(event.message || 'placement')));
      api
        .propose(scene, input, Comlink.proxy((phase: PlanningPhase, done: number, total: number) => onProgress({ phase, done, total })))
        .then(resolve, reject)
        .finally(() => this.worker.terminate());
    });
  }

  cancel(): void {
    this.worker.terminate();
    this.rejectRun?.(new CancelledError());
  }
}
