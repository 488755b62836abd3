/// <reference lib="webworker" />
/** The vertical section (propagation/field/vertical-section.ts) off the main thread; cancelled by terminating it. */
import * as Comlink from 'comlink';
import { verticalSection, type SectionRequest, type SectionResult } from '../propagation/field/vertical-section.ts';
import type { Scene } from '../propagation/scene/types.ts';

const api = {
  compute(scene: Scene, request: SectionRequest, onRow: (done: number, total: number) => void): SectionResult {
    const result = verticalSection(scene, request, onRow);
    return Comlink.transfer(result, [result.values.buffer as ArrayBuffer]);
  },
};
export type SectionWorkerApi = typeof api;
Comlink.expose(api);
