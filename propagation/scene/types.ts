/**
 * Input of the RF core: plain data, metres, dBm, dB, MHz. Built from a project document by
 * src/engine/scene-from-project.ts, or generated directly (benchmarks, tests).
 */
import type { BandId, ChannelWidthMHz } from '../radio/channels.ts';
import type { PathLossModelSpec } from '../models/path-loss.ts';
import type { DominantPathSettings } from '../field/dominant-path.ts';

/** Index of a band in per-band arrays: 0 = 2.4 GHz, 1 = 5 GHz, 2 = 6 GHz. */
export const BAND_INDEX: Readonly<Record<BandId, number>> = { '2.4': 0, '5': 1, '6': 2 };
export type PerBand = readonly [number, number, number];

export interface SceneWall {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Loss of one crossing per band (dB). */
  lossDb: PerBand;
  /** Heights above the level floor (m) between which the wall exists. */
  bottomM: number;
  topM: number;
  /** What the wall piece comes from (the caller's wall or opening id), carried through to loss breakdowns. */
  tag?: string;
}

export interface SceneArea {
  /** Closed polygon as x0, y0, x1, y1, … (m). */
  polygon: readonly number[];
  lossDbPerM: PerBand;
  /** The caller's id for the area, carried through to loss breakdowns. */
  tag?: string;
}

/** Rigid placement of a level's frame in the building frame: building = R(rotation)·level + (tx, ty). */
export interface LevelPlacement {
  rotationRad: number;
  txM: number;
  tyM: number;
}

export interface SceneLevel {
  id: string;
  elevationM: number;
  heightM: number;
  /** Loss of the slab under this level, per band (dB). */
  slabLossDb: PerBand;
  placement: LevelPlacement;
  walls: readonly SceneWall[];
  areas: readonly SceneArea[];
  /** Where the slab under this level is absent (atria, stairwells): closed polygons x0, y0, x1, y1, … (m). */
  slabOpenings?: readonly (readonly number[])[];
}

export interface AntennaPatternCuts {
  /** dB relative to boresight, evenly spaced over 360° from 0°, clockwise. */
  azimuthCutDb: readonly number[];
  /** dB relative to boresight, evenly spaced from −90° (up) to +90° (down). */
  elevationCutDb: readonly number[];
}

export interface SceneRadio {
  id: string;
  apId: string;
  levelId: string;
  /** Position in the AP level's frame (m). */
  x: number;
  y: number;
  mountingHeightM: number;
  azimuthDeg: number;
  tiltDeg: number;
  band: BandId;
  channel: number;
  centerMHz: number;
  widthMHz: ChannelWidthMHz;
  txPowerDbm: number;
  antennaGainDbi: number;
  pattern: AntennaPatternCuts | null;
  spatialStreams: number;
}

export interface SceneSettings {
  model: PathLossModelSpec;
  clientHeightM: number;
  clientGainDbi: number;
  noiseFigureDb: number;
  /** Cells where even the loss-free bound is below this level are not computed (dBm). */
  reachFloorDbm: number;
  /** Oblique incidence: a wall crossed at angle θ from its normal costs loss / cos θ, θ capped. */
  obliqueIncidence: boolean;
  obliqueCapDeg: number;
  /** Bent paths round heavy walls (field/dominant-path.ts); absent or null: the straight path only. */
  dominantPath?: DominantPathSettings | null;
}

export interface Scene {
  levels: readonly SceneLevel[];
  radios: readonly SceneRadio[];
  settings: SceneSettings;
}

/** Cell (i, j) has its centre at (originX + (i + ½)·resolution, originY + (j + ½)·resolution). */
export interface GridSpec {
  originX: number;
  originY: number;
  resolutionM: number;
  nx: number;
  ny: number;
}

/** Value of a cell no radio reaches above the reach floor. Finite, so every output stays free of NaN and ∞. */
export const NO_SIGNAL_DBM = -200;
