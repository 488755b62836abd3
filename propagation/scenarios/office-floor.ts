/**
 * Deterministic generated office floors for benchmarks and property tests: rooms on a jittered grid with door
 * gaps, corridors, mixed materials, APs on a grid. Not a real building, but the same kind of wall density.
 */
import { channelBlock, type BandId, type ChannelWidthMHz } from '../radio/channels.ts';
import type { Scene, SceneLevel, SceneRadio, SceneSettings, SceneWall } from '../scene/types.ts';
import { seededRandom } from '../util/random.ts';

const MATERIALS: readonly { lossDb: [number, number, number]; weight: number }[] = [
  { lossDb: [3, 4, 4], weight: 0.55 },
  { lossDb: [6, 9, 10], weight: 0.2 },
  { lossDb: [15, 26, 29], weight: 0.1 },
  { lossDb: [1, 7, 8], weight: 0.1 },
  { lossDb: [2, 4, 4], weight: 0.05 },
];

export interface OfficeFloorOptions {
  widthM: number;
  heightM: number;
  targetWalls: number;
  seed: number;
}

export function officeWalls({ widthM, heightM, targetWalls, seed }: OfficeFloorOptions): SceneWall[] {
  const random = seededRandom(seed);
  const material = () => {
    let pick = random();
    for (const entry of MATERIALS) {
      pick -= entry.weight;
      if (pick <= 0) return entry.lossDb;
    }
    return MATERIALS[0]!.lossDb;
  };
  const walls: SceneWall[] = [];
  const add = (ax: number, ay: number, bx: number, by: number, lossDb: [number, number, number]) => walls.push({ ax, ay, bx, by, lossDb, bottomM: 0, topM: Infinity });
  const concrete: [number, number, number] = [15, 26, 29];
  add(0, 0, widthM, 0, concrete);
  add(widthM, 0, widthM, heightM, concrete);
  add(widthM, heightM, 0, heightM, concrete);
  add(0, heightM, 0, 0, concrete);
  // About three walls per room (top piece with a door gap split in two, plus a left wall).
  const rooms = Math.max(1, (targetWalls - 4) / 3);
  const cell = Math.sqrt((widthM * heightM) / rooms);
  const columns = Math.max(1, Math.round(widthM / cell));
  const rowsCount = Math.max(1, Math.round(heightM / cell));
  const xs = Array.from({ length: columns + 1 }, (_, index) => (index * widthM) / columns);
  const ys = Array.from({ length: rowsCount + 1 }, (_, index) => (index * heightM) / rowsCount);
  for (let row = 0; row < rowsCount; row++) {
    for (let column = 0; column < columns; column++) {
      const x0 = xs[column]!;
      const x1 = xs[column + 1]!;
      const y0 = ys[row]!;
      const y1 = ys[row + 1]!;
      const jitter = (random() - 0.5) * 0.2 * (y1 - y0);
      if (row > 0) {
        const door = x0 + 0.3 + random() * Math.max(0.1, x1 - x0 - 1.5);
        const lossDb = material();
        add(x0, y0 + jitter * 0, door, y0, lossDb);
        add(door + 0.9, y0, x1, y0, lossDb);
      }
      if (column > 0) add(x0, y0, x0, y1, material());
    }
  }
  return walls;
}

export interface OfficeBuildingOptions {
  widthM: number;
  heightM: number;
  wallsPerLevel: number;
  levels: number;
  apsPerLevel: number;
  bands: readonly BandId[];
  seed: number;
  settings?: Partial<SceneSettings>;
}

const CHANNELS: Record<BandId, { channels: number[]; width: ChannelWidthMHz; txPowerDbm: number; gainDbi: number }> = {
  '2.4': { channels: [1, 6, 11], width: 20, txPowerDbm: 14, gainDbi: 4 },
  '5': { channels: [36, 52, 100, 116, 132, 44, 60, 108, 124], width: 20, txPowerDbm: 17, gainDbi: 5 },
  '6': { channels: [5, 37, 69, 21, 53, 85], width: 80, txPowerDbm: 17, gainDbi: 5 },
};

export const DEFAULT_SCENE_SETTINGS: SceneSettings = {
  model: { kind: 'multi-wall', exponent: 2, floorExponentB: 0.46 },
  clientHeightM: 1,
  clientGainDbi: 0,
  noiseFigureDb: 7,
  reachFloorDbm: -100,
  obliqueIncidence: false,
  obliqueCapDeg: 75,
};

export function officeBuilding(options: OfficeBuildingOptions): Scene {
  const random = seededRandom(options.seed * 7919 + 1);
  const levels: SceneLevel[] = [];
  const radios: SceneRadio[] = [];
  for (let levelIndex = 0; levelIndex < options.levels; levelIndex++) {
    const id = `niveau-${levelIndex}`;
    levels.push({
      id,
      elevationM: levelIndex * 3.5,
      heightM: 3.5,
      slabLossDb: [15, 16, 18],
      placement: { rotationRad: 0, txM: 0, tyM: 0 },
      walls: officeWalls({ widthM: options.widthM, heightM: options.heightM, targetWalls: options.wallsPerLevel, seed: options.seed + levelIndex * 101 }),
      areas: [],
    });
    const columns = Math.max(1, Math.round(Math.sqrt((options.apsPerLevel * options.widthM) / options.heightM)));
    const rowsCount = Math.ceil(options.apsPerLevel / columns);
    for (let ap = 0; ap < options.apsPerLevel; ap++) {
      const column = ap % columns;
      const row = Math.floor(ap / columns);
      const x = ((column + 0.5 + (random() - 0.5) * 0.4) * options.widthM) / columns;
      const y = ((row + 0.5 + (random() - 0.5) * 0.4) * options.heightM) / rowsCount;
      options.bands.forEach((band) => {
        const plan = CHANNELS[band];
        const channel = plan.channels[(ap + levelIndex) % plan.channels.length]!;
        radios.push({
          id: `${id}-ap${ap}-${band}`,
          apId: `${id}-ap${ap}`,
          levelId: id,
          x,
          y,
          mountingHeightM: 2.8,
          azimuthDeg: 0,
          tiltDeg: 0,
          band,
          channel,
          centerMHz: channelBlock(band, channel, plan.width)!.centerMHz,
          widthMHz: plan.width,
          txPowerDbm: plan.txPowerDbm,
          antennaGainDbi: plan.gainDbi,
          pattern: null,
          spatialStreams: 2,
        });
      });
    }
  }
  return { levels, radios, settings: { ...DEFAULT_SCENE_SETTINGS, ...options.settings } };
}

export function levelGrid(widthM: number, heightM: number, resolutionM: number) {
  return { originX: 0, originY: 0, resolutionM, nx: Math.round(widthM / resolutionM), ny: Math.round(heightM / resolutionM) };
}
