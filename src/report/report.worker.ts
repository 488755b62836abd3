/// <reference lib="webworker" />
/**
 * Report worker: builds the deliverables off the main thread with the same code as the CLI. It lives beside the
 * report code rather than in workers/ (which only wraps the RF core). Cancelling terminates the worker.
 */
import * as Comlink from 'comlink';
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import resvgWasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import type { ProjectDocument } from '../model/schema.ts';
import { generateDeliverables, type DeliverableOptions } from './deliverables.ts';
import { computeReportPredictions } from './report-predictions.ts';
import { createSvgRasteriser } from './render/svg-rasteriser.ts';
import { studyForecast } from './study-forecast.ts';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const api = {
  /** Forecast tables per radio, SSID and zone (Résultats), from the same predictions as the reports. */
  forecast(document: ProjectDocument, onProgress: (done: number, total: number) => void) {
    const predictions = computeReportPredictions(document, onProgress);
    return { forecast: studyForecast(document, predictions), error: predictions.error };
  },
  async generate(document: ProjectDocument, options: Omit<DeliverableOptions, 'onProgress' | 'shouldStop' | 'now'> & { nowIso: string }, onProgress: (step: string, done: number, total: number) => void) {
    const fonts = { regular: await fetchBytes(regularFontUrl), bold: await fetchBytes(boldFontUrl) };
    const rasterise = await createSvgRasteriser(await fetchBytes(resvgWasmUrl), fonts);
    const result = await generateDeliverables(document, { fonts, rasterise }, { ...options, now: new Date(options.nowIso), onProgress });
    const buffers = [...result.files.map((file) => file.bytes.buffer), result.package.zip.buffer, result.package.md5File.buffer] as ArrayBuffer[];
    return Comlink.transfer(result, [...new Set(buffers)]);
  },
};

export type ReportWorkerApi = typeof api;
Comlink.expose(api);
