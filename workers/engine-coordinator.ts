/**
 * Runs in the coordinator worker (and in tests, in-process): holds the scene and the prediction session, hands
 * field jobs to helper workers and to itself, then combines layers. A newer request, or cancel(), makes the
 * request in progress stop at its next job boundary and reject with CancelledError.
 */
import { layerValues } from '../propagation/layers/band-layers.ts';
import { sourceInterferenceMw } from '../propagation/planning/source-impact.ts';
import { zoneMask, zoneStatistics } from '../propagation/layers/zone-statistics.ts';
import type { GridSpec, Scene } from '../propagation/scene/types.ts';
import { PredictionSession, type FieldJob } from '../propagation/session/prediction-session.ts';
import { CancelledError, type FieldHelperApi, type FieldJobMessage, type LayerRequest, type LayerResult, type Progress } from './engine-protocol.ts';

type Awaitable<T> = T | Promise<T>;
export type RemoteHelper = { [K in keyof FieldHelperApi]: (...args: Parameters<FieldHelperApi[K]>) => Awaitable<ReturnType<FieldHelperApi[K]>> };

export class EngineCoordinator {
  // Results copy the one layer they send, so the layers' arrays can be overwritten by the next request.
  private readonly session = new PredictionSession('spans', undefined, true);
  private scene: Scene | null = null;
  private generation = 0;
  private readonly sourceCache = new Map<string, Float32Array | null>();

  constructor(
    private readonly helpers: RemoteHelper[] = [],
    private readonly yieldNow: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  async setScene(scene: Scene): Promise<void> {
    this.sourceCache.clear();
    this.generation++; // whatever was being computed is for the old scene
    this.scene = scene;
    this.session.setScene(scene);
    await Promise.all(this.helpers.map((helper) => helper.setScene(scene)));
  }

  /** Makes the request in progress (if any) stop at its next job boundary. */
  cancel(): void {
    this.generation++;
  }

  /**
   * Callbacks are awaited: across a worker boundary they travel on their own message channels, and awaiting them
   * keeps "done" from overtaking the last result or progress report.
   */
  async compute(request: LayerRequest, onResult: (result: LayerResult) => Awaitable<void>, onProgress: (progress: Progress) => Awaitable<void> = () => {}): Promise<void> {
    const generation = ++this.generation;
    if (!this.scene) throw new Error('no scene');
    const grids: { grid: GridSpec; coarse: boolean }[] = [];
    if (request.coarseFactor > 1) grids.push({ grid: coarsen(request.grid, request.coarseFactor), coarse: true });
    grids.push({ grid: request.grid, coarse: false });
    const jobs = grids.map(({ grid }) => this.session.missingJobs(request.levelId, request.band, grid));
    const total = jobs.reduce((sum, list) => sum + list.length, 0);
    let done = 0;
    await onProgress({ done, total });
    for (let pass = 0; pass < grids.length; pass++) {
      const { grid, coarse } = grids[pass]!;
      const passStart = done;
      done = await this.runJobs(jobs[pass]!, generation, (count) => onProgress({ done: passStart + count, total }), done);
      const withInterference = needsInterference(request.layer) || request.zones.length > 0;
      const external = withInterference ? this.sourcePower(request, grid) : null;
      const { radios, layers } = this.session.bandLayers(request.levelId, request.band, grid, undefined, withInterference, external);
      const zoneMasks = request.zones.map((zone) => ({ mask: zoneMask(zone.polygon, grid), requirement: zone.requirement }));
      await onResult({
        levelId: request.levelId,
        band: request.band,
        layer: request.layer,
        grid,
        values: layerValues(layers, request.layer, request.roaming, zoneMasks).slice(),
        serving: layerValues(layers, 'serving').slice(),
        radioIds: radios.map((radio) => radio.id),
        zones: request.zones.map((zone, index) => ({ id: zone.id, statistics: zoneStatistics(layers, zoneMasks[index]!.mask, grid.resolutionM, zone.requirement) })),
        coarse,
        computedFields: jobs[pass]!.length,
      });
      this.checkCurrent(generation);
    }
  }

  /** Non-Wi-Fi sources' power on the request's band (mW per cell), kept for the last few level / band / grid asks. */
  private sourcePower(request: LayerRequest, grid: GridSpec): Float32Array | null {
    if (!this.scene || !request.sources?.length) return null;
    const key = JSON.stringify([request.sources, request.levelId, request.band, grid]);
    if (!this.sourceCache.has(key)) {
      if (this.sourceCache.size >= 4) this.sourceCache.delete(this.sourceCache.keys().next().value!);
      this.sourceCache.set(key, sourceInterferenceMw(this.scene, request.sources, request.levelId, request.band, grid));
    }
    return this.sourceCache.get(key)!;
  }

  private checkCurrent(generation: number): void {
    if (generation !== this.generation) throw new CancelledError();
  }

  /** Runs jobs in rounds: one per helper and one here, yielding between rounds so that cancel() can arrive. */
  private async runJobs(jobs: FieldJob[], generation: number, onDone: (count: number) => Awaitable<void>, offset: number): Promise<number> {
    let next = 0;
    while (next < jobs.length) {
      await this.yieldNow();
      this.checkCurrent(generation);
      const round = jobs.slice(next, next + this.helpers.length + 1);
      next += round.length;
      const local = round[0]!;
      const remote = round.slice(1);
      const remoteResults = Promise.all(remote.map(async (job, index) => (await this.helpers[index]!.run([toMessage(job)]))[0]!));
      const localFields = this.session.runJob(local);
      const fields = await remoteResults;
      this.checkCurrent(generation);
      this.session.store(local, localFields);
      remote.forEach((job, index) => this.session.store(job, fields[index]!));
      await onDone(next);
    }
    return offset + jobs.length;
  }
}

function needsInterference(layer: LayerRequest['layer']): boolean {
  return layer === 'sinr' || layer === 'rate' || layer === 'channel-overlap' || layer === 'requirement';
}

export function coarsen(grid: GridSpec, factor: number): GridSpec {
  const resolutionM = grid.resolutionM * factor;
  return { originX: grid.originX, originY: grid.originY, resolutionM, nx: Math.max(1, Math.ceil(grid.nx / factor)), ny: Math.max(1, Math.ceil(grid.ny / factor)) };
}

function toMessage(job: FieldJob): FieldJobMessage {
  return { key: job.key, radioIds: job.radios.map((radio) => radio.id), targetLevelId: job.targetLevelId, grid: job.grid };
}

/** The helper side: computes fields for jobs by radio ids on its copy of the scene. */
export class FieldHelper implements FieldHelperApi {
  private readonly session = new PredictionSession();
  private scene: Scene | null = null;

  setScene(scene: Scene): void {
    this.scene = scene;
    this.session.setScene(scene);
  }

  run(jobs: FieldJobMessage[]): Float32Array[][] {
    const scene = this.scene;
    if (!scene) throw new Error('no scene');
    return jobs.map((job) => {
      const radios = job.radioIds.map((id) => scene.radios.find((radio) => radio.id === id)!);
      return this.session.runJob({ radios, targetLevelId: job.targetLevelId, grid: job.grid });
    });
  }
}
