/**
 * Turns a project document into the RF core's scene: walls with their materials' losses (doors and windows cut
 * out of their walls and given their own material and heights), attenuation areas, stacked levels, and one radio
 * per enabled AP radio with its channel's centre frequency and the model's gain and pattern.
 */
import { anyChannelBlock, channelCentreMHz } from '../../propagation/radio/channels.ts';
import type { PathLossModelSpec } from '../../propagation/models/path-loss.ts';
import type { Scene, SceneLevel, SceneRadio, SceneSettings, SceneWall } from '../../propagation/scene/types.ts';
import type { Material, Opening, PredictionSettings, ProjectDocument, Wall } from '../model/schema.ts';

const perBand = (material: Material | undefined): [number, number, number] => (material ? [material.lossDb['2.4'], material.lossDb['5'], material.lossDb['6']] : [0, 0, 0]);

export function modelSpec(settings: PredictionSettings): PathLossModelSpec {
  switch (settings.model) {
    case 'multi-murs':
      return { kind: 'multi-wall', exponent: settings.pathLossExponent, floorExponentB: 0.46 };
    case 'espace-libre':
      return { kind: 'free-space' };
    case 'log-distance':
      return { kind: 'log-distance', exponent: settings.pathLossExponent };
    case 'itu-p1238':
      return { kind: 'itu-p1238-n', environment: 'bureau' };
  }
}

export function sceneSettings(settings: PredictionSettings): SceneSettings {
  return {
    model: modelSpec(settings),
    clientHeightM: settings.clientHeightM,
    clientGainDbi: settings.clientAntennaGainDbi,
    noiseFigureDb: settings.clientNoiseFigureDb,
    reachFloorDbm: -100,
    obliqueIncidence: false,
    obliqueCapDeg: 75,
    dominantPath: settings.dominantPath.enabled && settings.model === 'multi-murs' ? { turnLossDbAt90: settings.dominantPath.turnLossDbAt90, heavyWallDb: settings.dominantPath.heavyWallDb } : null,
  };
}

/** A wall with its openings: pieces of wall material, and for each opening its own material in its height band. */
export function wallPieces(wall: Wall, openings: readonly Opening[], materials: ReadonlyMap<string, Material>): SceneWall[] {
  const dx = wall.to.xM - wall.from.xM;
  const dy = wall.to.yM - wall.from.yM;
  const length = Math.hypot(dx, dy);
  const wallLoss = perBand(materials.get(wall.materialId));
  const bottom = wall.bottomM ?? 0;
  const top = wall.topM ?? Infinity;
  const at = (distance: number) => [wall.from.xM + (dx * distance) / length, wall.from.yM + (dy * distance) / length] as const;
  const piece = (from: number, to: number, lossDb: [number, number, number], bottomM: number, topM: number, tag = wall.id): SceneWall => {
    const [ax, ay] = at(from);
    const [bx, by] = at(to);
    return { ax, ay, bx, by, lossDb, bottomM, topM, tag };
  };
  if (!(length > 0) || openings.length === 0) return [{ ax: wall.from.xM, ay: wall.from.yM, bx: wall.to.xM, by: wall.to.yM, lossDb: wallLoss, bottomM: bottom, topM: top, tag: wall.id }];
  const spans = openings
    .map((opening) => ({ opening, from: Math.max(0, opening.offsetM - opening.widthM / 2), to: Math.min(length, opening.offsetM + opening.widthM / 2) }))
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from);
  const pieces: SceneWall[] = [];
  let cursor = 0;
  for (const { opening, from, to } of spans) {
    const start = Math.max(from, cursor);
    if (start > cursor) pieces.push(piece(cursor, start, wallLoss, bottom, top));
    if (to <= start) continue;
    pieces.push(piece(start, to, perBand(materials.get(opening.materialId)), Math.max(bottom, opening.bottomM), Math.min(top, opening.topM), opening.id));
    if (opening.bottomM > bottom) pieces.push(piece(start, to, wallLoss, bottom, opening.bottomM));
    if (opening.topM < top) pieces.push(piece(start, to, wallLoss, opening.topM, top));
    cursor = to;
  }
  if (cursor < length) pieces.push(piece(cursor, length, wallLoss, bottom, top));
  return pieces;
}

/** Levels of each building placed in one frame: each alignment is relative to the level below. */
function levelPlacements(document: ProjectDocument): Map<string, SceneLevel['placement']> {
  const placements = new Map<string, SceneLevel['placement']>();
  for (const building of document.buildings) {
    const levels = document.levels.filter((level) => level.buildingId === building.id).sort((a, b) => a.elevationM - b.elevationM);
    let current = { rotationRad: 0, txM: 0, tyM: 0 };
    for (const level of levels) {
      if (level.alignment) {
        const rotation = (level.alignment.rotationDeg * Math.PI) / 180;
        const cos = Math.cos(current.rotationRad);
        const sin = Math.sin(current.rotationRad);
        current = {
          rotationRad: current.rotationRad + rotation,
          txM: current.txM + cos * level.alignment.offsetXM - sin * level.alignment.offsetYM,
          tyM: current.tyM + sin * level.alignment.offsetXM + cos * level.alignment.offsetYM,
        };
      }
      placements.set(level.id, current);
    }
  }
  return placements;
}

/** Middle of each band, for channel numbers the band does not have (flagged by channelFindings). */
const BAND_MIDDLE_MHZ = { '2.4': 2442, '5': 5490, '6': 6525 } as const;

export function sceneFromProject(document: ProjectDocument): Scene {
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const placements = levelPlacements(document);
  const openingsByWall = new Map<string, Opening[]>();
  for (const opening of document.openings) openingsByWall.set(opening.wallId, [...(openingsByWall.get(opening.wallId) ?? []), opening]);
  const levels: SceneLevel[] = document.levels.map((level) => ({
    id: level.id,
    elevationM: level.elevationM,
    heightM: level.floorToFloorHeightM,
    slabLossDb: perBand(materials.get(level.slabMaterialId)),
    placement: placements.get(level.id) ?? { rotationRad: 0, txM: 0, tyM: 0 },
    walls: document.walls.filter((wall) => wall.levelId === level.id).flatMap((wall) => wallPieces(wall, openingsByWall.get(wall.id) ?? [], materials)),
    areas: document.attenuationAreas
      .filter((area) => area.levelId === level.id)
      .map((area) => ({ polygon: area.polygon.flatMap((point) => [point.xM, point.yM]), lossDbPerM: [area.lossDbPerM['2.4'], area.lossDbPerM['5'], area.lossDbPerM['6']] as [number, number, number], tag: area.id })),
    slabOpenings: document.slabOpenings.filter((opening) => opening.levelId === level.id).map((opening) => opening.polygon.flatMap((point) => [point.xM, point.yM])),
  }));
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const patterns = new Map(document.antennaPatterns.map((pattern) => [pattern.id, pattern]));
  const radios: SceneRadio[] = [];
  for (const ap of document.accessPoints) {
    const model = models.get(ap.modelId);
    for (const radio of ap.radios) {
      if (!radio.enabled) continue;
      // Every channel at its own frequency, allowed in France or not (those are flagged, never moved).
      const block = anyChannelBlock(radio.band, radio.channel, radio.widthMHz);
      // A band's own pattern first (vendors give one per band), else the model's.
      const patternId = model?.bandPatternIds?.[radio.band] ?? model?.antennaPatternId;
      const pattern = patternId ? patterns.get(patternId) : undefined;
      radios.push({
        id: radio.id,
        apId: ap.id,
        levelId: ap.levelId,
        x: ap.position.xM,
        y: ap.position.yM,
        mountingHeightM: ap.mountingHeightM,
        azimuthDeg: ap.azimuthDeg,
        tiltDeg: ap.tiltDeg,
        band: radio.band,
        channel: radio.channel,
        // A number outside the band's numbering (5 GHz « 7 ») has no frequency: the band's middle, flagged too.
        centerMHz: block?.centerMHz ?? channelCentreMHz(radio.band, radio.channel) ?? BAND_MIDDLE_MHZ[radio.band],
        widthMHz: radio.widthMHz,
        txPowerDbm: radio.txPowerDbm,
        antennaGainDbi: model?.antennaGainDbi[radio.band] ?? 0,
        pattern: pattern ? { azimuthCutDb: pattern.azimuthCutDb, elevationCutDb: pattern.elevationCutDb } : null,
        spatialStreams: model?.spatialStreams ?? 2,
      });
    }
  }
  return { levels, radios, settings: sceneSettings(document.prediction) };
}
