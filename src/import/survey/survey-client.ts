/** The page's side of the survey worker: one worker per file, terminated to cancel or once the import is done. */
import * as Comlink from 'comlink';
import type { ColumnMapping, GenericOptions } from './generic-csv.ts';
import type { SurveyImportResult } from './survey-import.ts';
import type { SurveyWorkerApi, SurveyWorkerReading } from './survey.worker.ts';

export class SurveyImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SurveyImportCancelled';
  }
}

export interface SurveyFileSession {
  reading: Promise<SurveyWorkerReading>;
  applyMapping(mapping: ColumnMapping): Promise<SurveyImportResult | null>;
  close(): void;
}

export function openSurveyFile(file: File, options: GenericOptions, signal: AbortSignal): SurveyFileSession {
  const worker = new Worker(new URL('./survey.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-releves' });
  const api = Comlink.wrap<SurveyWorkerApi>(worker);
  const cancelled = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new SurveyImportCancelled()), { once: true }));
  cancelled.catch(() => undefined);
  const close = () => worker.terminate();
  signal.addEventListener('abort', close, { once: true });
  const reading = (async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return Promise.race([api.read(Comlink.transfer(bytes, [bytes.buffer]), file.name, options), cancelled]);
  })();
  return {
    reading,
    applyMapping: (mapping) => Promise.race([api.applyMapping(mapping, options), cancelled]),
    close,
  };
}
