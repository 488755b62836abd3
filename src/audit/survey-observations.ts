/**
 * Survey readings of a level and band turned into calibration observations: each reading whose BSSID field names a
 * project AP (by name or id, case-insensitive), or starts with an AP's BSSID prefix — or, for a best-of-band reading without BSSID, the AP the project
 * predicts strongest at that point — becomes (AP, 3D distance, walls crossed per material, measured
 * level + the dataset's device offset). Readings of unknown APs are the neighbours the audit lists separately.
 * APs of every level count: their paths cross the storeys' walls on their part of the path and the slabs between,
 * by floor type, minus the slabs whose opening (atrium, stairwell) the path goes through (no oblique incidence:
 * said in docs/audit.md).
 */
import { freeSpaceLossDb } from '../../propagation/models/free-space.ts';
import { DEFAULT_FIT_OPTIONS, floorWeights, predict, type FitOptions, type ModelParameters, type Observation } from '../../propagation/calibration/fit-model.ts';
import { heightWindow } from '../../propagation/field/path-context.ts';
import { levelToLevel } from '../../propagation/scene/levels.ts';
import { sceneFromProject } from '../engine/scene-from-project.ts';
import { pointInPolygon } from '../editor/geometry.ts';
import { pathCountsWall } from '../../propagation/field/wall-crossing.ts';
import { slabOpenAt } from '../../propagation/field/slab-openings.ts';
import { anyChannelBlock } from '../../propagation/radio/channels.ts';
import type { AccessPoint, Band, ProjectDocument } from '../model/schema.ts';

const BAND_CENTRE_MHZ: Record<Band, number> = { '2.4': 2437, '5': 5500, '6': 6500 };

export interface AuditObservations {
  observations: Observation[];
  /** APs in observation order (index = Observation.ap). */
  aps: AccessPoint[];
  /** Materials in observation order (index in crossings). */
  materialIds: string[];
  /** Slab materials in observation order (index in floors). */
  slabMaterialIds: string[];
  /** The project's model expressed in the calibration's parameters (AP level at 1 m, exponent, losses). */
  prior: ModelParameters;
  /** Readings whose BSSID names no project AP, by BSSID. */
  unknown: Map<string, { ssid: string; count: number; bestDbm: number; channel: number | null }>;
  /** Zone of each observation's point (or null), for the per-zone table. */
  zoneOf: (string | null)[];
  /** Readings of the band with a BSSID, those naming no AP, and those without BSSID (for the mismatch warnings). */
  readings: { withBssid: number; unknownBssid: number; withoutBssid: number };
}

export function auditObservations(document: ProjectDocument, levelId: string, band: Band): AuditObservations {
  // APs of every level: a reading of an AP one floor up teaches the slab between (its path crosses it).
  const aps = document.accessPoints.filter((ap) => ap.radios.some((radio) => radio.enabled && radio.band === band));
  const byKey = new Map<string, number>();
  aps.forEach((ap, index) => {
    byKey.set(ap.name.toLowerCase(), index);
    byKey.set(ap.id.toLowerCase(), index);
  });
  const prefixes = aps.map((ap, index) => ({ prefix: hexOf(ap.bssidPrefix), index })).filter((entry) => entry.prefix.length > 0);
  const apOfBssid = (bssid: string) => byKey.get(bssid.toLowerCase()) ?? prefixes.find((entry) => hexOf(bssid).startsWith(entry.prefix))?.index;
  const scene = sceneFromProject(document);
  const sceneLevel = new Map(scene.levels.map((level) => [level.id, level]));
  const target = sceneLevel.get(levelId);
  const levelsById = new Map(document.levels.map((level) => [level.id, level]));
  const materialIds = [...new Set(document.walls.map((wall) => wall.materialId))];
  const materialIndex = new Map(materialIds.map((id, index) => [id, index]));
  const slabMaterialIds = [...new Set(document.levels.map((level) => level.slabMaterialId))];
  const slabIndex = new Map(slabMaterialIds.map((id, index) => [id, index]));
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const clientHeightM = document.prediction.clientHeightM;
  const lossOf = (id: string) => document.materials.find((material) => material.id === id)?.lossDb[band] ?? 0;
  const prior: ModelParameters = {
    apLevelDbm: aps.map((ap) => {
      const radio = ap.radios.find((candidate) => candidate.enabled && candidate.band === band)!;
      const gain = models.get(ap.modelId)?.antennaGainDbi[band] ?? 0;
      // At the radio's own channel frequency, as the engine computes it.
      const centreMHz = anyChannelBlock(band, radio.channel, radio.widthMHz)?.centerMHz ?? BAND_CENTRE_MHZ[band];
      return radio.txPowerDbm + gain + document.prediction.clientAntennaGainDbi - freeSpaceLossDb(1, centreMHz);
    }),
    exponent: document.prediction.pathLossExponent,
    materialLossDb: materialIds.map(lossOf),
    slabLossDb: slabMaterialIds.map(lossOf),
  };
  const zones = document.coverageZones.filter((zone) => zone.levelId === levelId);
  const observations: Observation[] = [];
  const zoneOf: (string | null)[] = [];
  const unknown: AuditObservations['unknown'] = new Map();
  const clientZ = (levelsById.get(levelId)?.elevationM ?? 0) + clientHeightM;
  // Each level's walls in this level's frame, once (observations may be thousands).
  const placedWalls = new Map(
    document.levels.map((level) => {
      const placement = sceneLevel.get(level.id);
      const toTarget = placement && target ? levelToLevel(placement.placement, target.placement) : (u: number, v: number): [number, number] => [u, v];
      const walls = document.walls.flatMap((wall) => {
        const index = materialIndex.get(wall.materialId);
        if (wall.levelId !== level.id || index === undefined) return [];
        const [ax, ay] = toTarget(wall.from.xM, wall.from.yM);
        const [bx, by] = toTarget(wall.to.xM, wall.to.yM);
        return [{ ax, ay, bx, by, index }];
      });
      return [level.id, walls] as const;
    }),
  );
  // Each level's slab openings in this level's frame, once.
  const placedOpenings = new Map(
    scene.levels.map((level) => {
      const toTarget = target ? levelToLevel(level.placement, target.placement) : (u: number, v: number): [number, number] => [u, v];
      const polygons = (level.slabOpenings ?? []).map((polygon) => {
        const placed = new Float64Array(polygon.length);
        for (let index = 0; index + 1 < polygon.length; index += 2) [placed[index], placed[index + 1]] = toTarget(polygon[index]!, polygon[index + 1]!);
        return placed;
      });
      return [level.id, polygons] as const;
    }),
  );
  /**
   * The straight path from an AP (any level) to a point of this level, as the engine takes it: the AP in this
   * level's frame, the walls of each storey the path passes through on that part of the path (shared crossing
   * rule), the slabs crossed by floor type with the engine's floor law.
   */
  const geometry = (apIndex: number, p: { x: number; y: number }) => {
    const ap = aps[apIndex]!;
    const source = sceneLevel.get(ap.levelId);
    const [x, y] = source && target ? levelToLevel(source.placement, target.placement)(ap.position.xM, ap.position.yM) : [ap.position.xM, ap.position.yM];
    const apZ = (levelsById.get(ap.levelId)?.elevationM ?? 0) + ap.mountingHeightM;
    const crossings = new Array<number>(materialIds.length).fill(0);
    for (const level of document.levels) {
      const storey = heightWindow(apZ, clientZ, level.elevationM, level.elevationM + level.floorToFloorHeightM);
      if (!storey) continue;
      for (const { ax, ay, bx, by, index } of placedWalls.get(level.id) ?? []) {
        if (pathCountsWall({ ax, ay, bx, by, tMin: storey[0], tMax: storey[1] }, x, y, p.x, p.y)) crossings[index]!++;
      }
    }
    const zLow = Math.min(apZ, clientZ);
    const zHigh = Math.max(apZ, clientZ);
    const slabCounts = new Array<number>(slabMaterialIds.length).fill(0);
    for (const level of document.levels) {
      if (!(level.elevationM > zLow && level.elevationM < zHigh)) continue;
      const openings = placedOpenings.get(level.id) ?? [];
      if (openings.length > 0 && slabOpenAt({ lossDb: [0, 0, 0], t: (level.elevationM - apZ) / (clientZ - apZ), openings }, x, y, p.x, p.y)) continue;
      slabCounts[slabIndex.get(level.slabMaterialId)!]!++;
    }
    return { crossings, floors: floorWeights(slabCounts), distanceM: Math.hypot(p.x - x, p.y - y, apZ - clientZ) };
  };
  const strongestAp = (p: { x: number; y: number }): number | undefined => {
    let best: { index: number; level: number } | undefined;
    aps.forEach((_, index) => {
      const level = predict(prior, { point: 0, ap: index, measuredDbm: 0, ...geometry(index, p) });
      if (!best || level > best.level) best = { index, level };
    });
    return best?.index;
  };
  let pointNumber = 0;
  const readings = { withBssid: 0, unknownBssid: 0, withoutBssid: 0 };
  for (const dataset of document.surveys.filter((candidate) => candidate.levelId === levelId)) {
    for (const point of dataset.points) {
      const p = { x: point.position.xM, y: point.position.yM };
      const zone = zones.find((candidate) => pointInPolygon(p, candidate.polygon.map((point) => ({ x: point.xM, y: point.yM }))))?.id ?? null;
      for (const reading of point.readings) {
        if (reading.band !== band) continue;
        const measuredDbm = reading.rssiDbm + dataset.deviceOffsetDb;
        // A best-of-band reading (no BSSID) is taken as coming from the AP the project predicts strongest there.
        const apIndex = reading.bssid === '' ? strongestAp(p) : apOfBssid(reading.bssid);
        if (reading.bssid === '') readings.withoutBssid++;
        else {
          readings.withBssid++;
          if (apIndex === undefined) readings.unknownBssid++;
        }
        if (apIndex === undefined) {
          if (!reading.bssid) continue;
          const entry = unknown.get(reading.bssid) ?? { ssid: reading.ssid, count: 0, bestDbm: -200, channel: reading.channel };
          entry.count++;
          entry.bestDbm = Math.max(entry.bestDbm, measuredDbm);
          unknown.set(reading.bssid, entry);
          continue;
        }
        observations.push({ point: pointNumber, ap: apIndex, measuredDbm, ...geometry(apIndex, p) });
        zoneOf.push(zone);
      }
      pointNumber++;
    }
  }
  return { observations, aps, materialIds, slabMaterialIds, prior, unknown, zoneOf, readings };
}

/** The hexadecimal digits of a MAC address or prefix, lower case (separators dropped). */
export const hexOf = (mac: string) => mac.toLowerCase().replace(/[^0-9a-f]/g, '');

/**
 * Physical AP of a BSSID under the grouping rule: BSSIDs sharing their first `hexDigits` hexadecimal digits belong
 * to one AP (10 = the first five octets, the usual case; 12 = no grouping).
 */
export const physicalApKey = (bssid: string, hexDigits: number) => {
  const hex = hexOf(bssid);
  return hex.length === 12 ? hex.slice(0, hexDigits) : bssid.toLowerCase();
};

/**
 * What calibration fits for these observations: AP levels, exponent and every wall material; with readings of APs
 * on other levels, the slab types crossed too, and then one offset shared by the APs — the survey's points are on
 * one level, so an AP's own level and the slabs under it could not be told apart otherwise (fit-model.ts).
 */
export function calibrationOptions(audit: Pick<AuditObservations, 'observations' | 'materialIds' | 'slabMaterialIds'>): FitOptions {
  const crossed = audit.slabMaterialIds.map((_, slab) => audit.observations.some((observation) => (observation.floors?.[slab] ?? 0) > 0));
  const acrossFloors = crossed.some(Boolean);
  return { ...DEFAULT_FIT_OPTIONS(audit.materialIds.length), fitSlabs: crossed, shareApLevels: acrossFloors };
}
