import * as Comlink from 'comlink';
import type { ProjectDocument } from '../model/schema.ts';
import type { ProjectDatabase } from '../storage/project-database.ts';
import type { DeliverableOptions } from './deliverables.ts';
import type { ReportWorkerApi } from './report.worker.ts';

export type ReportJobOptions = Omit<DeliverableOptions, 'onProgress' | 'shouldStop' | 'now'>;

/** The building plans of the chosen levels (picture and imported file), read from the browser's storage. */
export async function planAssets(db: Pick<ProjectDatabase, 'getAsset'>, document: ProjectDocument, levelIds: readonly string[]): Promise<Map<string, Uint8Array>> {
  const wanted = new Set(document.levels.filter((level) => levelIds.includes(level.id)).flatMap((level) => (level.plan ? [level.plan.assetSha256, level.plan.sourceSha256] : [])).filter((sha) => sha !== null));
  const assets = new Map<string, Uint8Array>();
  for (const sha of wanted) {
    const stored = await db.getAsset(sha);
    if (stored) assets.set(sha, new Uint8Array(stored.bytes));
  }
  return assets;
}

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
