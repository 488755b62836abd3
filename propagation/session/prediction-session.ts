/**
 * Holds a scene and a cache of AP fields, and combines them into band layers. Fields are cached per AP and band:
 * moving one AP recomputes only that AP's fields, and only in the band asked for (the band shown while dragging);
 * editing a wall recomputes only the APs whose reach includes it. The same class serves the CLI and benchmarks
 * (fields computed in-process) and the browser coordinator worker (fields computed by a pool).
 */
import { computeApFields, FieldWorkspace, type WallMethod } from '../field/ap-fields.ts';
import { BandAccumulator } from '../layers/band-accumulator.ts';
import { DEFAULT_LAYER_OPTIONS, type BandLayerOptions, type BandLayers } from '../layers/band-layers.ts';
import type { BandId } from '../radio/channels.ts';
import type { GridSpec, Scene, SceneRadio } from '../scene/types.ts';
import { buildingKey, gridKey, radioGroupKey, settingsKey, surroundingsKey, wallDigests } from './fingerprints.ts';

export interface FieldJob {
  /** Names the job (its cache keys joined). */
  key: string;
  /** One cache key per band the job computes, in the order the bands first appear in `radios`. */
  keys: string[];
  /** The radios of one AP, in one band or several; their fields come back in this order. */
  radios: SceneRadio[];
  targetLevelId: string;
  grid: GridSpec;
}

interface CachedFields {
  fields: Float32Array[];
  lastUsed: number;
}

export interface BandFields {
  radios: SceneRadio[];
  fields: Float32Array[];
}

/** Groups radios by AP (same id and geometry) in scene order. */
export function groupRadiosByAp(radios: readonly SceneRadio[]): SceneRadio[][] {
  const groups = new Map<string, SceneRadio[]>();
  for (const radio of radios) {
    const group = groups.get(radio.apId);
    if (group) group.push(radio);
    else groups.set(radio.apId, [radio]);
  }
  return [...groups.values()];
}

/** Positions of one AP kept in the cache (the current one, the one before, and one more for undo). */
const POSITIONS_KEPT = 3;
const MAX_SPARE_FIELDS = 8;

/** The radios of one AP in one band, with the fingerprint of everything their fields depend on. */
interface BandGroup {
  band: BandId;
  radios: SceneRadio[];
  key: string;
}

export class PredictionSession {
  private scene: Scene | null = null;
  /** Per AP (scene order), its radios split by band. */
  private groups: BandGroup[][] = [];
  private readonly cache = new Map<string, CachedFields>();
  private readonly accumulators = new Map<string, BandAccumulator>();
  private tick = 0;
  private readonly workspace = new FieldWorkspace();
  /** Fields computed since creation (one per AP and job), for tests and benchmarks. */
  computedGroups = 0;

  /** Recent cache keys of each radio group, band, level and grid (oldest first). */
  private readonly trails = new Map<string, string[]>();
  /** Field arrays no longer used, by length, for the next computations. */
  private readonly spare = new Map<number, Float32Array[]>();
  /** Last layers per level, band, grid and options, whose arrays the next call overwrites (see `reuseLayers`). */
  private readonly layerBuffers = new Map<string, BandLayers>();

  /**
   * `reuseLayers`: each bandLayers() call overwrites the arrays of the previous call with the same level, band,
   * grid and options instead of allocating new ones; for callers that copy what they keep (the engine worker).
   */
  constructor(
    private readonly wallMethod: WallMethod = 'spans',
    private readonly maxCachedCells = 200_000_000,
    private readonly reuseLayers = false,
  ) {}

  setScene(scene: Scene): void {
    this.scene = scene;
    const common = `${settingsKey(scene)}/${buildingKey(scene.levels)}`;
    const digests = wallDigests(scene.levels);
    this.groups = groupRadiosByAp(scene.radios).map((group) => {
      const bands = [...new Set(group.map((radio) => radio.band))];
      return bands.map((band) => {
        const radios = group.filter((radio) => radio.band === band);
        return { band, radios, key: `${common}/${radioGroupKey(radios)}/${surroundingsKey(scene, radios, digests)}` };
      });
    });
  }

  private fieldKey(group: BandGroup, targetLevelId: string, grid: GridSpec): string {
    return `${group.key}/${targetLevelId}/${gridKey(grid)}`;
  }

  /**
   * The jobs still missing to show `band` on a level: one per AP with radios in that band, for that band only.
   * With `band` null, every band: one job per AP for all its missing bands (their geometry is shared).
   */
  missingJobs(targetLevelId: string, band: BandId | null, grid: GridSpec): FieldJob[] {
    const jobs: FieldJob[] = [];
    for (const group of this.groups) {
      const missing = group.filter((entry) => (band === null || entry.band === band) && !this.cache.has(this.fieldKey(entry, targetLevelId, grid)));
      if (missing.length === 0) continue;
      const keys = missing.map((entry) => this.fieldKey(entry, targetLevelId, grid));
      jobs.push({ key: keys.join(' + '), keys, radios: missing.flatMap((entry) => entry.radios), targetLevelId, grid });
    }
    return jobs;
  }

  /** Stores fields computed elsewhere (a worker) for a job: one cache entry per band of the job. */
  store(job: FieldJob, fields: Float32Array[]): void {
    const keys = job.keys;
    const bands = [...new Set(job.radios.map((radio) => radio.band))];
    bands.forEach((band, index) => {
      const key = keys[index]!;
      const bandFields = fields.filter((_field, radioIndex) => job.radios[radioIndex]!.band === band);
      this.cache.set(key, { fields: bandFields, lastUsed: ++this.tick });
      const radios = job.radios.filter((radio) => radio.band === band);
      this.forgetOldPositions(`${radios.map((radio) => radio.id).join(',')}/${job.targetLevelId}/${gridKey(job.grid)}`, key);
    });
    this.evict();
  }

  runJob(job: Pick<FieldJob, 'radios' | 'targetLevelId' | 'grid'>): Float32Array[] {
    if (!this.scene) throw new Error('no scene');
    this.computedGroups++;
    return computeApFields(this.scene, job.radios, job.targetLevelId, job.grid, this.wallMethod, this.workspace, this.spare.get(job.grid.nx * job.grid.ny) ?? []);
  }

  /**
   * An AP being dragged leaves a trail of positions: only the last few are kept for each AP, band, level and grid,
   * and the fields of older ones are recycled for the next computation (unless a band's layers still hold them).
   */
  private forgetOldPositions(trailKey: string, key: string): void {
    const trail = (this.trails.get(trailKey) ?? []).filter((entry) => entry !== key && this.cache.has(entry));
    trail.push(key);
    while (trail.length > POSITIONS_KEPT) {
      const old = trail.shift()!;
      const entry = this.cache.get(old)!;
      this.cache.delete(old);
      for (const field of entry.fields) if (!this.heldByLayers(field)) this.recycle(field);
    }
    this.trails.set(trailKey, trail);
  }

  private heldByLayers(field: Float32Array): boolean {
    for (const accumulator of this.accumulators.values()) if (accumulator.holds(field)) return true;
    return false;
  }

  private recycle(field: Float32Array): void {
    const pool = this.spare.get(field.length) ?? [];
    if (pool.length < MAX_SPARE_FIELDS) pool.push(field);
    this.spare.set(field.length, pool);
  }

  /** Computes in this thread whatever is missing. */
  ensure(targetLevelId: string, band: BandId | null, grid: GridSpec): void {
    for (const job of this.missingJobs(targetLevelId, band, grid)) this.store(job, this.runJob(job));
  }

  bandFields(targetLevelId: string, band: BandId, grid: GridSpec): BandFields {
    this.ensure(targetLevelId, band, grid);
    const result: BandFields = { radios: [], fields: [] };
    for (const group of this.groups) {
      const entry = group.find((candidate) => candidate.band === band);
      if (!entry) continue;
      const cached = this.cache.get(this.fieldKey(entry, targetLevelId, grid));
      if (!cached) continue;
      cached.lastUsed = ++this.tick;
      result.radios.push(...entry.radios);
      result.fields.push(...cached.fields);
    }
    return result;
  }

  /**
   * Layers of one band on one level, updated incrementally from the previous call with the same level, band,
   * grid and options. `radios[k]` is the radio that `layers.serving == k` designates.
   */
  bandLayers(targetLevelId: string, band: BandId, grid: GridSpec, options: BandLayerOptions = DEFAULT_LAYER_OPTIONS, withInterference = true, externalMw: Float32Array | null = null): { radios: SceneRadio[]; layers: BandLayers } {
    const fields = this.bandFields(targetLevelId, band, grid);
    const effective = { ...options, noiseFigureDb: this.scene?.settings.noiseFigureDb ?? options.noiseFigureDb };
    const key = `${targetLevelId}/${band}/${gridKey(grid)}/${JSON.stringify(effective)}`;
    let accumulator = this.accumulators.get(key);
    if (!accumulator) {
      accumulator = new BandAccumulator(grid.nx * grid.ny, effective);
      this.accumulators.set(key, accumulator);
    }
    accumulator.sync(fields.radios.map((radio, index) => ({ id: radio.id, radio, field: fields.fields[index]! })));
    const byId = new Map(fields.radios.map((radio) => [radio.id, radio]));
    const layers = accumulator.layers(withInterference, externalMw, this.reuseLayers ? (this.layerBuffers.get(key) ?? null) : null, this.reuseLayers);
    if (this.reuseLayers) this.layerBuffers.set(key, layers);
    return { radios: accumulator.radios.map((radio) => byId.get(radio.id)!), layers };
  }

  private evict(): void {
    let cells = 0;
    for (const entry of this.cache.values()) cells += entry.fields.length * (entry.fields[0]?.length ?? 0);
    if (cells <= this.maxCachedCells) return;
    const entries = [...this.cache.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of entries) {
      if (cells <= this.maxCachedCells * 0.8) break;
      cells -= entry.fields.length * (entry.fields[0]?.length ?? 0);
      this.cache.delete(key);
    }
  }

  get cacheSize(): number {
    return this.cache.size;
  }
}
