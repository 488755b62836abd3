/**
 * What the engine computes but the user must know about, per AP: radios on a channel not allowed in France (the
 * prediction uses the channel's own frequency, never another one), and APs lying on or within 5 cm of a wall line
 * (the wall then counts for every path leaving the AP: docs/propagation.md « Conventions »).
 */
import { channelCentreMHz, isLegalChannel } from '../../propagation/radio/channels.ts';
import type { AccessPoint, ProjectDocument, Wall } from './schema.ts';

export const NEAR_WALL_M = 0.05;

export interface ChannelFinding {
  apId: string;
  apName: string;
  band: AccessPoint['radios'][number]['band'];
  channel: number;
  /** The channel's centre frequency, or null for a number the band does not have. */
  centreMHz: number | null;
}

export function channelFindings(document: Pick<ProjectDocument, 'accessPoints'>): ChannelFinding[] {
  return document.accessPoints.flatMap((ap) =>
    ap.radios.filter((radio) => !isLegalChannel(radio.band, radio.channel)).map((radio) => ({ apId: ap.id, apName: ap.name, band: radio.band, channel: radio.channel, centreMHz: channelCentreMHz(radio.band, radio.channel) })),
  );
}

export interface WallProximity {
  wall: Wall;
  distanceM: number;
  /** Where the AP goes when moved 10 cm off the wall line, on each side. */
  sides: [{ xM: number; yM: number }, { xM: number; yM: number }];
}

/** The nearest wall of the AP's level within 5 cm of the AP (distance to the wall segment), or null. */
export function wallTooClose(document: Pick<ProjectDocument, 'walls'>, ap: Pick<AccessPoint, 'levelId' | 'position'>): WallProximity | null {
  let best: WallProximity | null = null;
  for (const wall of document.walls) {
    if (wall.levelId !== ap.levelId) continue;
    const wx = wall.to.xM - wall.from.xM;
    const wy = wall.to.yM - wall.from.yM;
    const squared = wx * wx + wy * wy;
    if (squared === 0) continue;
    const t = Math.max(0, Math.min(1, ((ap.position.xM - wall.from.xM) * wx + (ap.position.yM - wall.from.yM) * wy) / squared));
    const distanceM = Math.hypot(ap.position.xM - wall.from.xM - t * wx, ap.position.yM - wall.from.yM - t * wy);
    if (distanceM > NEAR_WALL_M || (best && best.distanceM <= distanceM)) continue;
    const length = Math.sqrt(squared);
    const nx = -wy / length;
    const ny = wx / length;
    const foot = { x: wall.from.xM + t * wx, y: wall.from.yM + t * wy };
    const side = (sign: number) => ({ xM: Math.round((foot.x + sign * 0.1 * nx) * 1000) / 1000, yM: Math.round((foot.y + sign * 0.1 * ny) * 1000) / 1000 });
    best = { wall, distanceM, sides: [side(1), side(-1)] };
  }
  return best;
}

/** Every AP of the study lying on or within 5 cm of a wall line of its level. */
export function apsOnWalls(document: Pick<ProjectDocument, 'walls' | 'accessPoints'>): { apName: string; distanceM: number }[] {
  return document.accessPoints.flatMap((ap) => {
    const near = wallTooClose(document, ap);
    return near ? [{ apName: ap.name, distanceM: near.distanceM }] : [];
  });
}
