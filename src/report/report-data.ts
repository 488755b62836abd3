/**
 * Everything a study report states, gathered from the project document as plain data (no layout): identification,
 * surfaces and the contract tier, zones, APs with their radios, the equipment list, and what is still missing.
 */
import { t } from '../i18n/index.ts';
import { polygonAreaM2 } from '../model/geometry.ts';
import { pointInPolygon } from './label-point.ts';
import { levelStatistics, type LevelStatistics } from '../model/level-statistics.ts';
import { missingForDeliverables } from '../model/deliverable-readiness.ts';
import type { PointM, ProjectDocument } from '../model/schema.ts';
import { surfaceTier, type SurfaceTier } from '../model/surface-tier.ts';

export interface ApRow {
  id: string;
  number: number;
  name: string;
  levelId: string;
  levelName: string;
  /** The coverage zone (room) the AP is in, « près de » the nearest one within 5 m, or ''. */
  room: string;
  xM: number;
  yM: number;
  modelName: string;
  mountingHeightM: number;
  azimuthDeg: number;
  directional: boolean;
  radios: { id: string; band: string; channel: number; widthMHz: number; txPowerDbm: number; ssids: string[] }[];
}

export interface EquipmentLine {
  reference: string;
  label: string;
  quantity: number;
  unitPriceEur: number | null;
}

export interface ZoneRow {
  name: string;
  levelName: string;
  areaM2: number;
  profileName: string;
  userCount: number;
  throughputPerUserMbps: number;
}

export interface StudyReportData {
  document: ProjectDocument;
  levels: LevelStatistics[];
  totalCoverageAreaM2: number;
  tier: SurfaceTier;
  zones: ZoneRow[];
  exclusions: { name: string; levelName: string; areaM2: number; reason: string }[];
  accessPoints: ApRow[];
  equipment: EquipmentLine[];
  materialsUsed: { name: string; lossDb: { '2.4': number; '5': number; '6': number }; wallCount: number }[];
  missing: string[];
}

export function buildStudyReportData(document: ProjectDocument): StudyReportData {
  const levelNames = new Map(document.levels.map((level) => [level.id, level.name]));
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile.name]));
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const ssids = new Map(document.ssids.map((ssid) => [ssid.id, ssid.name]));
  const levels = levelStatistics(document);
  const totalCoverageAreaM2 = levels.reduce((sum, level) => sum + level.coverageAreaM2, 0);
  const levelOrder = new Map(document.levels.map((level, index) => [level.id, index]));
  const aps = [...document.accessPoints].sort((a, b) => (levelOrder.get(a.levelId) ?? 0) - (levelOrder.get(b.levelId) ?? 0));

  const equipment = new Map<string, EquipmentLine>();
  const addLine = (reference: string, label: string, unitPriceEur: number | null) => {
    const line = equipment.get(reference) ?? { reference, label, quantity: 0, unitPriceEur };
    line.quantity++;
    equipment.set(reference, line);
  };
  for (const ap of aps) {
    const model = models.get(ap.modelId);
    if (!model) continue;
    addLine(model.bomReference || model.model, `${model.vendor} ${model.model}`.trim(), model.priceEur);
    for (const accessory of model.accessories) addLine(accessory.reference, accessory.label, accessory.priceEur);
  }

  const wallCounts = new Map<string, number>();
  for (const wall of document.walls) wallCounts.set(wall.materialId, (wallCounts.get(wall.materialId) ?? 0) + 1);

  return {
    document,
    levels,
    totalCoverageAreaM2,
    tier: surfaceTier(totalCoverageAreaM2),
    zones: document.coverageZones.map((zone) => ({
      name: zone.name,
      levelName: levelNames.get(zone.levelId) ?? '',
      areaM2: polygonAreaM2(zone.polygon),
      profileName: profiles.get(zone.requirementProfileId) ?? '',
      userCount: zone.userCount,
      throughputPerUserMbps: zone.throughputPerUserMbps,
    })),
    exclusions: document.exclusionZones.map((zone) => ({ name: zone.name, levelName: levelNames.get(zone.levelId) ?? '', areaM2: polygonAreaM2(zone.polygon), reason: zone.reason })),
    accessPoints: aps.map((ap, index) => {
      const model = models.get(ap.modelId);
      return {
        id: ap.id,
        number: index + 1,
        name: ap.name,
        levelId: ap.levelId,
        levelName: levelNames.get(ap.levelId) ?? '',
        room: roomOf(document, ap.levelId, ap.position),
        xM: ap.position.xM,
        yM: ap.position.yM,
        modelName: model ? `${model.vendor} ${model.model}`.trim() : ap.modelId,
        mountingHeightM: ap.mountingHeightM,
        azimuthDeg: ap.azimuthDeg,
        directional: Boolean(model?.antennaPatternId),
        radios: ap.radios
          .filter((radio) => radio.enabled)
          .map((radio) => ({ id: radio.id, band: radio.band, channel: radio.channel, widthMHz: radio.widthMHz, txPowerDbm: radio.txPowerDbm, ssids: radio.ssidIds.map((id) => ssids.get(id) ?? id) })),
      };
    }),
    equipment: [...equipment.values()],
    materialsUsed: document.materials.filter((material) => wallCounts.has(material.id)).map((material) => ({ name: material.name, lossDb: material.lossDb, wallCount: wallCounts.get(material.id)! })),
    missing: missingForDeliverables(document),
  };
}

function distanceToPolygon(polygon: readonly PointM[], x: number, y: number): number {
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    const dx = b.xM - a.xM;
    const dy = b.yM - a.yM;
    const along = dx * dx + dy * dy > 0 ? Math.max(0, Math.min(1, ((x - a.xM) * dx + (y - a.yM) * dy) / (dx * dx + dy * dy))) : 0;
    best = Math.min(best, Math.hypot(a.xM + along * dx - x, a.yM + along * dy - y));
  }
  return best;
}

function roomOf(document: ProjectDocument, levelId: string, position: PointM): string {
  const zones = [...document.coverageZones, ...document.exclusionZones].filter((zone) => zone.levelId === levelId);
  const inside = zones.find((zone) => pointInPolygon(zone.polygon, position.xM, position.yM));
  if (inside) return inside.name;
  const nearest = zones.map((zone) => ({ zone, distance: distanceToPolygon(zone.polygon, position.xM, position.yM) })).sort((a, b) => a.distance - b.distance)[0];
  return nearest && nearest.distance <= 5 ? t('studyReport.nearRoom', { room: nearest.zone.name }) : '';
}

/** The report's AP numbers (AP table order) by AP id, as drawn on the plans. */
export function apNumbers(data: StudyReportData): Map<string, number> {
  return new Map(data.accessPoints.map((row) => [row.id, row.number]));
}
