import { DEFAULT_SCENE_SETTINGS } from '../../../propagation/scenarios/office-floor.ts';
import type { Scene, SceneLevel, SceneRadio, SceneSettings, SceneWall } from '../../../propagation/scene/types.ts';

export function wall(ax: number, ay: number, bx: number, by: number, loss: number | [number, number, number], bottomM = 0, topM = Infinity): SceneWall {
  const lossDb: [number, number, number] = typeof loss === 'number' ? [loss, loss, loss] : loss;
  return { ax, ay, bx, by, lossDb, bottomM, topM };
}

export function level(id: string, walls: SceneWall[], elevationM = 0, extra: Partial<SceneLevel> = {}): SceneLevel {
  return { id, elevationM, heightM: 3, slabLossDb: [15, 16, 18], placement: { rotationRad: 0, txM: 0, tyM: 0 }, walls, areas: [], ...extra };
}

export function radio(id: string, x: number, y: number, extra: Partial<SceneRadio> = {}): SceneRadio {
  return {
    id,
    apId: extra.apId ?? id,
    levelId: 'n0',
    x,
    y,
    mountingHeightM: 1,
    azimuthDeg: 0,
    tiltDeg: 0,
    band: '5',
    channel: 36,
    centerMHz: 5180,
    widthMHz: 20,
    txPowerDbm: 20,
    antennaGainDbi: 0,
    pattern: null,
    spatialStreams: 2,
    ...extra,
  };
}

export function scene(levels: SceneLevel[], radios: SceneRadio[], settings: Partial<SceneSettings> = {}): Scene {
  return { levels, radios, settings: { ...DEFAULT_SCENE_SETTINGS, reachFloorDbm: -150, ...settings } };
}

/** A grid whose cell (0, 0) is centred on (x, y). */
export function gridAt(x: number, y: number, nx = 1, ny = 1, resolutionM = 0.1) {
  return { originX: x - resolutionM / 2, originY: y - resolutionM / 2, resolutionM, nx, ny };
}
