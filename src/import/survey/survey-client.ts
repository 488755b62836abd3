/** The page's side of the survey worker: one worker per file, terminated to cancel or once the import is done. */
import * as Comlink from 'comlink';
import type { ColumnMapping, GenericOptions } from './generic-csv.ts';
import type { SurveyImportResult } from './survey-import.ts';
import type { SurveySummary, SurveyWorkerApi, SurveyWorkerReading } from './survey.worker.ts';

export class SurveyImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SurveyImportCancelled';
  }
}

export interface SurveyFileSession {
  reading: Promise<SurveyWorkerReading>;
  applyMapping(mapping: ColumnMapping): Promise<SurveySummary | null>;
  take(): Promise<SurveyImportResult | null>;
  close(): void;
}

export function openSurveyFile(file: File, options: GenericOptions, signal: AbortSignal): SurveyFileSession {
  const worker = new Worker(new URL('./survey.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-releves' });
  const api = Comlink.wrap<SurveyWorkerApi>(worker);
  const cancelled = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new SurveyImportCancelled()), { once: true }));
  cancelled.catch(() => undefined);
  const close = () => worker.terminate();
  signal.addEventListener('abort', close, { once: true });
  // The File itself crosses (a handle, not its bytes): the worker reads it, the page copies nothing.
  const reading = Promise.race([api.read(file, options), cancelled]);
  return {
    reading,
    applyMapping: (mapping) => Promise.race([api.applyMapping(mapping, options), cancelled]),
    take: () => Promise.race([api.take(), cancelled]),
    close,
  };
}
