/// <reference lib="webworker" />
/** Builds the 3D view's wall vertex arrays off the main thread (10,000 walls: a few hundred milliseconds). */
import * as Comlink from 'comlink';
import { levelWallArrays, wallArrayBuffers, type LevelWallArrays, type WallBox } from './wall-arrays.ts';

const api = {
  build(levels: { levelId: string; walls: WallBox[] }[]): LevelWallArrays[] {
    const arrays = levelWallArrays(levels);
    return Comlink.transfer(arrays, wallArrayBuffers(arrays));
  },
};

export type WallArraysWorkerApi = typeof api;
Comlink.expose(api);
