/// <reference lib="webworker" />
/** Coordinator worker: the engine the app talks to. Helper workers arrive as MessagePorts through connect(). */
import * as Comlink from 'comlink';
import type { Scene } from '../propagation/scene/types.ts';
import { EngineCoordinator, type RemoteHelper } from './engine-coordinator.ts';
import type { FieldHelperApi, LayerRequest, LayerResult, Progress } from './engine-protocol.ts';
import type { ProposalInput } from '../propagation/planning/propose-plan.ts';

let coordinator = new EngineCoordinator();

const api = {
  connect(ports: MessagePort[]): void {
    coordinator = new EngineCoordinator(ports.map((port) => Comlink.wrap<FieldHelperApi>(port) as unknown as RemoteHelper));
  },
  setScene(scene: Scene): Promise<void> {
    return coordinator.setScene(scene);
  },
  cancel(): void {
    coordinator.cancel();
  },
  propose(scene: Scene, input: ProposalInput) {
    return coordinator.propose(scene, input);
  },
  compute(request: LayerRequest, onResult: (result: LayerResult) => Promise<void> | void, onProgress: (progress: Progress) => Promise<void> | void): Promise<void> {
    return coordinator.compute(
      request,
      (result) => onResult(Comlink.transfer(result, [result.values.buffer])),
      onProgress,
    );
  },
};

export type EngineWorkerApi = typeof api;
Comlink.expose(api);
