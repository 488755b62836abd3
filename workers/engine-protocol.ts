/** Messages between the app and the engine workers (structured-clone friendly). */
import type { LayerName, RoamingClient } from '../propagation/layers/band-layers.ts';
import type { Requirement, ZoneStatistics } from '../propagation/layers/zone-statistics.ts';
import type { BandId } from '../propagation/radio/channels.ts';
import type { NonWifiSource } from '../propagation/planning/source-impact.ts';
import type { GridSpec, Scene } from '../propagation/scene/types.ts';

export interface ZoneRequest {
  id: string;
  /** x0, y0, x1, y1, … in metres, in the level's frame. */
  polygon: number[];
  requirement: Requirement;
}

export interface LayerRequest {
  levelId: string;
  band: BandId;
  layer: LayerName;
  grid: GridSpec;
  /** Send a result on a grid this many times coarser first (1 = no coarse pass). */
  coarseFactor: number;
  zones: ZoneRequest[];
  /** Client of the roaming layer (default: DEFAULT_ROAMING_CLIENT). */
  roaming?: RoamingClient;
  /** Non-Wi-Fi sources, counted as interference in the SINR (and so the rate and zone statistics). */
  sources?: NonWifiSource[];
}

export interface LayerResult {
  levelId: string;
  band: BandId;
  layer: LayerName;
  grid: GridSpec;
  values: Float32Array;
  /** Index in `radioIds` of the radio serving each cell (−1 where nothing is heard), for the hover readout. */
  serving: Float32Array;
  /** Radio id of each serving index used by the `serving` layer. */
  radioIds: string[];
  zones: { id: string; statistics: ZoneStatistics }[];
  coarse: boolean;
  /** Fields computed for this result (0 when everything came from the cache). */
  computedFields: number;
}

export interface Progress {
  done: number;
  total: number;
}

export interface FieldJobMessage {
  key: string;
  radioIds: string[];
  targetLevelId: string;
  grid: GridSpec;
}

/** What a helper worker does: compute AP fields for the coordinator. */
export interface FieldHelperApi {
  setScene(scene: Scene): void;
  run(jobs: FieldJobMessage[]): Float32Array[][];
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
