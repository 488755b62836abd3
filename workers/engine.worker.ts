/// <reference lib="webworker" />
/** Coordinator worker: the engine the app talks to. Helper workers arrive as MessagePorts through connect(). */
import * as Comlink from 'comlink';
import type { Scene } from '../propagation/scene/types.ts';
import { EngineCoordinator, type RemoteHelper } from './engine-coordinator.ts';
import type { FieldHelperApi, LayerRequest, LayerResult, Progress } from './engine-protocol.ts';
import { interpolateGrid, leaveOneOutRmse, mergeCoincident, type InterpolationOptions } from '../propagation/survey/interpolate.ts';
import { crossValidate, type FitOptions, type ModelParameters, type Observation } from '../propagation/calibration/fit-model.ts';
import type { GridSpec } from '../propagation/scene/types.ts';
import { walkProfile, type WalkOptions } from '../propagation/planning/client-walk.ts';
import { sourceImpact, type NonWifiSource } from '../propagation/planning/source-impact.ts';
import type { BandId } from '../propagation/radio/channels.ts';

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
  /** Measured map of survey values on a grid (NaN outside the surveyed area), with both methods' leave-one-out error. */
  measuredMap(xs: Float64Array, ys: Float64Array, values: Float64Array, grid: GridSpec, options: InterpolationOptions) {
    const samples = mergeCoincident(xs, ys, values);
    const map = interpolateGrid(samples, grid, options);
    const idwRmseDb = leaveOneOutRmse(samples, { ...options, method: 'idw' });
    const krigingRmseDb = leaveOneOutRmse(samples, { ...options, method: 'krigeage' });
    return Comlink.transfer({ map, samples: samples.values.length, idwRmseDb, krigingRmseDb }, [map.buffer]);
  },
  sourceImpact(scene: Scene, sources: NonWifiSource[], levelId: string, band: BandId, grid: GridSpec) {
    const values = sourceImpact(scene, sources, levelId, band, grid);
    return Comlink.transfer(values, [values.buffer]);
  },
  walk(scene: Scene, levelId: string, band: BandId, path: { x: number; y: number }[], options: WalkOptions) {
    return walkProfile(scene, levelId, band, path, options);
  },
  calibrate(observations: Observation[], prior: ModelParameters, options: FitOptions, folds: number) {
    return crossValidate(observations, prior, options, folds);
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
