/** DXF plans: parsed in a worker (cancel = terminate), layers and units confirmed by the user, drawn as an SVG. */
import * as Comlink from 'comlink';
import { DXF_UNIT_M } from '../../model/plan-scale.ts';
import type { DxfWorkerApi } from './dxf/dxf.worker.ts';
import { placeDxf } from './dxf/dxf-picture.ts';
import type { ImportedPlan } from './imported-plan.ts';
import { PlanImportCancelled, PlanImportError } from './plan-import-error.ts';
import { MAX_PLAN_FILE_BYTES } from './plan-limits.ts';

export interface DxfLayerChoice {
  name: string;
  count: number;
  /** Hidden or frozen in the file: offered unticked. */
  hidden: boolean;
}

export interface DxfImportOptions {
  signal: AbortSignal;
  onProgress: (stage: 'lecture' | 'vecteurs' | 'rendu', fraction: number) => void;
  /**
   * Asks which layers to keep and, when `$INSUNITS` does not say it, the drawing unit. Resolves to the kept layers
   * and metres per drawing unit.
   */
  chooseLayers: (layers: DxfLayerChoice[], knownMetersPerUnit: number | null, leftOut: [string, number][]) => Promise<{ layers: string[]; metersPerUnit: number }>;
}

export async function importDxfPlan(file: File, options: DxfImportOptions): Promise<ImportedPlan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanImportError('tooHeavy', { size: Math.round(file.size / 1024 / 1024), max: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  options.onProgress('lecture', 0.1);
  const worker = new Worker(new URL('./dxf/dxf.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-dxf' });
  const abort = () => worker.terminate();
  options.signal.addEventListener('abort', abort);
  try {
    const api = Comlink.wrap<DxfWorkerApi>(worker);
    const cancelled = new Promise<never>((_, reject) => options.signal.addEventListener('abort', () => reject(new PlanImportCancelled())));
    // Latin-1 keeps every byte of old (pre-2007, code page) files readable; entity data is ASCII either way.
    const text = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'latin1').decode(bytes);
    // dxf-parser can loop forever on a malformed file that passes the structure check: the worker gets a time limit
    // (a second per 100 KB, at least 30 s), then is terminated and the file refused.
    const limitMs = Math.max(30_000, (bytes.byteLength / 100_000) * 1000);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        worker.terminate();
        reject(new PlanImportError('dxf.timeout', { name: file.name, seconds: Math.round(limitMs / 1000) }));
      }, limitMs);
    });
    const result = await Promise.race([api.read(text), cancelled, timedOut]).finally(() => clearTimeout(timer));
    if (!result.ok) {
      const leftOut = result.leftOut.map(([type, count]) => `${type} (${count})`).join(', ');
      throw new PlanImportError(`dxf.${result.reason}`, { name: file.name, leftOut: leftOut || '—' });
    }
    options.onProgress('vecteurs', 0.5);
    const known = DXF_UNIT_M[result.insUnits] ?? null;
    const choice = await Promise.race([
      options.chooseLayers(result.layers.map((layer) => ({ name: layer.name, count: layer.segments.length / 4, hidden: layer.hidden })), known, result.leftOut),
      cancelled,
    ]);
    const kept = result.layers.filter((layer) => choice.layers.includes(layer.name));
    if (kept.length === 0) throw new PlanImportError('dxf.noLayer', { name: file.name });
    options.onProgress('rendu', 0.8);
    const placed = placeDxf(kept);
    return {
      format: 'dxf',
      picture: { bytes: new TextEncoder().encode(placed.svg), mimeType: 'image/svg+xml', name: `${file.name}.svg` },
      source: { bytes, mimeType: 'image/vnd.dxf', name: file.name },
      vectors: placed.vectors,
      vectorLayers: placed.vectorLayers,
      page: 1,
      pageCount: 1,
      widthUnits: placed.widthUnits,
      heightUnits: placed.heightUnits,
      metersPerUnit: choice.metersPerUnit,
    };
  } finally {
    options.signal.removeEventListener('abort', abort);
    worker.terminate();
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
