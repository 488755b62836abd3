/**
 * A vertical slice of the best signal of a band through every level, along a line drawn on one level: samples every
 * `stepM` along the line and every `zStepM` in height from the lowest floor to the top of the highest storey. A
 * sample at height z belongs to the storey that contains it and is the engine's value there for a client at that
 * height above that storey's floor (the same computation as the maps, one point at a time).
 */
import { levelToLevel } from '../scene/levels.ts';
import { pointGrid } from '../scene/point-grid.ts';
import { NO_SIGNAL_DBM, type Scene } from '../scene/types.ts';
import type { BandId } from '../radio/channels.ts';
import { computeApFields, FieldWorkspace } from './ap-fields.ts';

export interface SectionRequest {
  /** Level whose frame the line is drawn in. */
  levelId: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  band: BandId;
  stepM: number;
  zStepM: number;
}

export interface SectionResult {
  /** Best RSSI (dBm), row-major from the top row down, NO_SIGNAL_DBM where nothing is heard or outside storeys. */
  values: Float32Array;
  nAlong: number;
  nUp: number;
  lengthM: number;
  zBottomM: number;
  zTopM: number;
  /** Each storey's floor and height, for drawing the slabs. */
  storeys: { levelId: string; elevationM: number; heightM: number }[];
}

/** Largest slice computed: beyond it the steps are widened. */
export const MAX_SECTION_SAMPLES = 40_000;

export function verticalSection(scene: Scene, request: SectionRequest, onRow: (done: number, total: number) => void = () => {}): SectionResult {
  const storeys = [...scene.levels].sort((a, b) => a.elevationM - b.elevationM).map((level) => ({ levelId: level.id, elevationM: level.elevationM, heightM: level.heightM }));
  const lengthM = Math.hypot(request.to.x - request.from.x, request.to.y - request.from.y);
  const zBottomM = storeys[0]?.elevationM ?? 0;
  const zTopM = Math.max(...storeys.map((storey) => storey.elevationM + storey.heightM), zBottomM + 1);
  let stepM = Math.max(0.05, request.stepM);
  let zStepM = Math.max(0.05, request.zStepM);
  const samples = () => (Math.floor(lengthM / stepM) + 1) * Math.ceil((zTopM - zBottomM) / zStepM);
  while (samples() > MAX_SECTION_SAMPLES) {
    stepM *= 1.25;
    zStepM *= 1.25;
  }
  const nAlong = Math.floor(lengthM / stepM) + 1;
  const nUp = Math.ceil((zTopM - zBottomM) / zStepM);
  const values = new Float32Array(nAlong * nUp).fill(NO_SIGNAL_DBM);
  const radios = scene.radios.filter((radio) => radio.band === request.band);
  const source = scene.levels.find((level) => level.id === request.levelId);
  const workspace = new FieldWorkspace();
  if (!source || radios.length === 0 || lengthM === 0) return { values, nAlong, nUp, lengthM, zBottomM, zTopM, storeys };
  for (let row = 0; row < nUp; row++) {
    // Row 0 is the top: sample heights at the middle of each band.
    const z = zTopM - (row + 0.5) * zStepM;
    const storey = [...storeys].reverse().find((candidate) => z >= candidate.elevationM && z < candidate.elevationM + candidate.heightM);
    if (storey) {
      const target = scene.levels.find((level) => level.id === storey.levelId)!;
      const toTarget = levelToLevel(source.placement, target.placement);
      const atHeight: Scene = { ...scene, settings: { ...scene.settings, clientHeightM: z - storey.elevationM } };
      for (let column = 0; column < nAlong; column++) {
        const f = nAlong === 1 ? 0 : Math.min(1, (column * stepM) / lengthM);
        const [x, y] = toTarget(request.from.x + f * (request.to.x - request.from.x), request.from.y + f * (request.to.y - request.from.y));
        let best = NO_SIGNAL_DBM;
        for (const radio of radios) {
          const value = computeApFields(atHeight, [radio], target.id, pointGrid(x, y), 'brute-force', workspace)[0]![0]!;
          if (value > best) best = value;
        }
        values[row * nAlong + column] = best;
      }
    }
    onRow(row + 1, nUp);
  }
  return { values, nAlong, nUp, lengthM, zBottomM, zTopM, storeys };
}
