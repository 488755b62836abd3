/// <reference lib="webworker" />
/** Parses a DXF off the main thread; the app terminates the worker to cancel. */
import * as Comlink from 'comlink';
import { readDxf } from './read-dxf.ts';

export interface DxfWorkerResult {
  ok: boolean;
  reason?: string;
  leftOut: [string, number][];
  layers: { name: string; segments: Float32Array; hidden: boolean }[];
  insUnits: number;
}

const api = {
  read(text: string): DxfWorkerResult {
    const result = readDxf(text);
    if (!result.ok) return { ok: false, reason: result.reason, leftOut: result.leftOut ?? [], layers: [], insUnits: 0 };
    const layers = [...result.flat.layers].map(([name, values]) => ({ name, segments: Float32Array.from(values), hidden: result.flat.hiddenLayers.has(name) }));
    return Comlink.transfer({ ok: true, leftOut: [...result.flat.leftOut], layers, insUnits: result.flat.insUnits }, layers.map((layer) => layer.segments.buffer as ArrayBuffer));
  },
};
export type DxfWorkerApi = typeof api;
Comlink.expose(api);
