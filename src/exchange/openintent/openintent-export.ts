/**
 * An Ondeplan study as an OpenIntent Wi-Fi payload (Google's vendor-neutral design format, schema oi-wifi 2.0.0,
 * docs/exchange.md): floor plans with their walls, attenuation, coverage and exclusion areas and holes in the floor
 * (slab openings), access points with their radios. Metres, origin at the lower-left corner of each floor plan
 * with y up (Ondeplan: top-left, y down); AP rotation 0 = up on the plan, clockwise; tilt positive upwards.
 */
import { t } from '../../i18n/index.ts';
import type { Band, Material, ProjectDocument, Wall } from '../../model/schema.ts';
import { planSizeM } from '../plan-size.ts';

export const OPENINTENT_VERSION = '2.0.0';
const OI_BAND: Record<Band, string> = { '2.4': 'FREQ_2.4GHZ', '5': 'FREQ_5GHZ', '6': 'FREQ_6GHZ' };

export interface OpenIntentExport {
  payload: Record<string, unknown>;
  losses: string[];
}

type Point = { xM: number; yM: number };

export function exportOpenIntent(document: ProjectDocument): OpenIntentExport {
  const losses = new Set<string>([t('exchange.openintent.export.alwaysLost')]);
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const wallMaterials = new Map<string, Record<string, unknown>>();
  /** One OpenIntent material per Ondeplan material and height band; its single loss is the 5 GHz one. */
  const wallType = (material: Material, bottomM: number | null, topM: number | null): string => {
    const heights = bottomM !== null || topM !== null ? ` [${bottomM ?? 0}–${topM ?? '∞'} m]` : '';
    const name = `${material.name}${heights}`;
    if (!wallMaterials.has(name)) {
      wallMaterials.set(name, { name, rf_properties: { attenuation_flat: material.lossDb['5'] }, ...(material.thicknessM > 0 ? { thickness_m: material.thicknessM } : {}), ...(bottomM !== null ? { bottom_height: bottomM } : {}), ...(topM !== null ? { top_height: topM } : {}), display_color: material.color });
      if (material.lossDb['2.4'] !== material.lossDb['5'] || material.lossDb['6'] !== material.lossDb['5']) losses.add(t('exchange.openintent.export.perBand'));
    }
    return name;
  };

  const names = new Map<string, string>();
  const floorplans = document.levels.map((level) => {
    let name = level.name;
    for (let index = 2; [...names.values()].includes(name); index++) name = `${level.name} (${index})`;
    names.set(level.id, name);
    const size = planSizeM(document, level.id);
    const flip = (point: Point) => ({ x: round(point.xM), y: round(size.length - point.yM) });
    const coordinates = (polygon: readonly Point[]) => polygon.map((point) => ({ coordinate_xyz: { ...flip(point), unit: 'meters' } }));
    const segments = document.walls.filter((wall) => wall.levelId === level.id).flatMap((wall) => wallPieces(document, wall, materials).map((piece) => ({ wall_type: wallType(piece.material, piece.bottomM, piece.topM), start_point: flip(piece.from), end_point: flip(piece.to) })));
    return {
      name,
      vendor_id: level.id,
      project_name: document.study.title,
      floor_id: level.name,
      rotation: 0,
      dimensions: [{ width: round(size.width), length: round(size.length), height: level.floorToFloorHeightM, unit: 'meters' }],
      wall_segments: segments,
      attenuation_areas: document.attenuationAreas.filter((area) => area.levelId === level.id).map((area) => ({ area: { coordinates: coordinates(area.polygon) }, area_material: { name: area.name || t('exchange.openintent.attenuationName'), rf_properties: { attenuation_per_m: area.lossDbPerM['5'] } } })),
      coverage_areas: [
        ...document.coverageZones.filter((zone) => zone.levelId === level.id).map((zone) => ({ area: { coordinates: coordinates(zone.polygon) }, exclusion: false })),
        ...document.exclusionZones.filter((zone) => zone.levelId === level.id).map((zone) => ({ area: { coordinates: coordinates(zone.polygon) }, exclusion: true })),
      ],
      holes_in_floor: document.slabOpenings.filter((opening) => opening.levelId === level.id).map((opening) => ({ area: { coordinates: coordinates(opening.polygon) }, inverted: false })),
    };
  });
  const sizes = new Map(document.levels.map((level) => [level.id, planSizeM(document, level.id)]));
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const ssidNames = new Map(document.ssids.map((ssid) => [ssid.id, ssid.name]));
  const buildings = new Map(document.buildings.map((building) => [building.id, building.name]));
  const levels = new Map(document.levels.map((level) => [level.id, level]));
  const accesspoints = document.accessPoints.map((ap) => {
    const model = models.get(ap.modelId);
    if (ap.radios.some((radio) => !Number.isInteger(radio.txPowerDbm))) losses.add(t('exchange.openintent.export.power'));
    return {
      name: ap.name,
      floorplan_name: names.get(ap.levelId),
      building_name: buildings.get(levels.get(ap.levelId)?.buildingId ?? ''),
      manufacturer: model?.vendor ?? '',
      model: model?.model ?? '',
      dot11_radios: ap.radios.map((radio, index) => ({ id: index + 1, radio_function: radio.enabled ? 'CLIENT_ACCESS' : 'DISABLED', band: OI_BAND[radio.band], channel: radio.channel, channel_width: `${radio.widthMHz}_MHz`, channel_assignment: 'MANUAL', transmit_power: Math.round(radio.txPowerDbm), mimo_chains: model?.spatialStreams ?? 2 })),
      ssids: [...new Set(ap.radios.flatMap((radio) => radio.ssidIds.map((id) => ssidNames.get(id) ?? id)))],
      orientation: { rotation: round((((ap.azimuthDeg + 90) % 360) + 360) % 360), tilt: round(-ap.tiltDeg), roll: 0 },
      coordinates: [{ coordinate_xyz: { x: round(ap.position.xM), y: round(sizes.get(ap.levelId)!.length - ap.position.yM), z: ap.mountingHeightM, unit: 'meters' } }],
    };
  });
  if (document.mountingAreas.length > 0) losses.add(t('exchange.openintent.export.mountingAreas', { count: document.mountingAreas.length }));
  if (document.coverageZones.length > 0) losses.add(t('exchange.openintent.export.requirements'));
  if (document.openings.length > 0) losses.add(t('exchange.openintent.export.openings', { count: document.openings.length }));
  return {
    payload: { openintent_version: OPENINTENT_VERSION, floorplan_version: OPENINTENT_VERSION, floorplans, accesspoints, wall_materials: [...wallMaterials.values()] },
    losses: [...losses],
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** A wall cut around its openings: pieces of its material, and each opening as a segment of its own material. */
function wallPieces(document: ProjectDocument, wall: Wall, materials: ReadonlyMap<string, Material>): { from: Point; to: Point; material: Material; bottomM: number | null; topM: number | null }[] {
  const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM);
  const at = (distance: number): Point => ({ xM: wall.from.xM + ((wall.to.xM - wall.from.xM) * distance) / length, yM: wall.from.yM + ((wall.to.yM - wall.from.yM) * distance) / length });
  const openings = document.openings.filter((opening) => opening.wallId === wall.id).sort((a, b) => a.offsetM - b.offsetM);
  const pieces: ReturnType<typeof wallPieces> = [];
  let start = 0;
  for (const opening of openings) {
    const from = Math.max(start, opening.offsetM - opening.widthM / 2);
    const to = Math.min(length, opening.offsetM + opening.widthM / 2);
    if (from > start + 1e-6) pieces.push({ from: at(start), to: at(from), material: materials.get(wall.materialId)!, bottomM: wall.bottomM, topM: wall.topM });
    if (to > from + 1e-6) pieces.push({ from: at(from), to: at(to), material: materials.get(opening.materialId)!, bottomM: opening.bottomM, topM: opening.topM });
    start = Math.max(start, to);
  }
  if (length > start + 1e-6) pieces.push({ from: at(start), to: at(length), material: materials.get(wall.materialId)!, bottomM: wall.bottomM, topM: wall.topM });
  return pieces;
}
