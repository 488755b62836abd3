import * as Comlink from 'comlink';
import type { ProjectDocument } from '../model/schema.ts';
import type { DeliverableOptions } from './deliverables.ts';
import type { ReportWorkerApi } from './report.worker.ts';

export type ReportJobOptions = Omit<DeliverableOptions, 'onProgress' | 'shouldStop' | 'now'>;

/** Runs one deliverables job in a fresh worker; `cancel()` terminates it at once. */
export class ReportJob {
  private readonly worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-rapport' });
  private cancelled = false;

  run(document: ProjectDocument, options: ReportJobOptions, onProgress: (step: string, done: number, total: number) => void) {
    const api = Comlink.wrap<ReportWorkerApi>(this.worker);
    return api.generate(document, { ...options, nowIso: new Date().toISOString() }, Comlink.proxy(onProgress)).finally(() => this.worker.terminate());
  }

  forecast(document: ProjectDocument, onProgress: (done: number, total: number) => void) {
    const api = Comlink.wrap<ReportWorkerApi>(this.worker);
    return api.forecast(document, Comlink.proxy(onProgress)).finally(() => this.worker.terminate());
  }

  cancel(): void {
    this.cancelled = true;
    this.worker.terminate();
  }

  get wasCancelled(): boolean {
    return this.cancelled;
  }
}
