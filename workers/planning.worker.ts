/// <reference lib="webworker" />
/**
 * One automatic placement per worker: the search is a long synchronous computation, so it gets its own thread (the
 * live heatmap engine stays free) and is cancelled by terminating the worker. Progress goes out through a callback.
 */
import * as Comlink from 'comlink';
import { proposeLevelPlan, type ProposalInput } from '../propagation/planning/propose-plan.ts';
import type { PlanningPhase } from '../propagation/planning/placement.ts';
import type { Scene } from '../propagation/scene/types.ts';

const api = {
  propose(scene: Scene, input: ProposalInput, onProgress: (phase: PlanningPhase, done: number, total: number) => void) {
    return proposeLevelPlan(scene, input, { shouldStop: () => false, progress: (phase, done, total) => void onProgress(phase, done, total) });
  },
};

export type PlanningWorkerApi = typeof api;
Comlink.expose(api);
