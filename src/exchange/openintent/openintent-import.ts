/**
 * An OpenIntent Wi-Fi payload as an Ondeplan study (docs/exchange.md): floor plans → levels (stacked by their
 * heights), walls with their materials, attenuation, coverage and exclusion areas, holes in the floor (slab
 * openings), APs and radios. What does not map is counted in the import report.
 */
import { z } from 'zod';
import { t } from '../../i18n/index.ts';
import { createProject } from '../../model/create-project.ts';
import { LIMITS, type AccessPoint, type ApModel, type Band, type Material, type PointM, type ProjectDocument, type Radio, type Wall } from '../../model/schema.ts';
import { ImportReportBuilder, type ImportReport } from '../import-report.ts';
import { catalogueModel, DEFAULT_POWER_DBM, idMaker, warnRadioFindings } from '../import-shared.ts';

const num = z.number().finite();
const xyz = z.looseObject({ x: num, y: num, z: num.optional(), unit: z.string().optional() });
const area = z.looseObject({ coordinates: z.array(z.looseObject({ coordinate_xyz: xyz.optional() })) });
const material = z.looseObject({ name: z.string().optional(), rf_properties: z.looseObject({ attenuation_flat: num.optional(), attenuation_per_m: num.optional() }).optional(), thickness_m: num.optional(), bottom_height: num.optional(), top_height: num.optional(), display_color: z.string().optional() });
const floorplan = z.looseObject({
  name: z.string(),
  vendor_id: z.string().optional(),
  floor_id: z.string().optional(),
  dimensions: z.array(z.looseObject({ width: num, length: num, height: num.optional(), unit: z.string().optional() })).min(1),
  wall_segments: z.array(z.looseObject({ wall_type: z.string(), start_point: z.looseObject({ x: num, y: num }), end_point: z.looseObject({ x: num, y: num }), thickness: num.optional(), height: num.optional(), bottom_height: num.optional() })).default([]),
  attenuation_areas: z.array(z.looseObject({ area, area_material: material })).default([]),
  coverage_areas: z.array(z.looseObject({ area, exclusion: z.boolean().optional() })).default([]),
  holes_in_floor: z.array(z.looseObject({ area, inverted: z.boolean().optional() })).default([]),
  map_uri: z.string().optional(),
});
const radio = z.looseObject({ id: num.optional(), radio_function: z.string(), band: z.string().optional(), channel: num.optional(), channel_width: z.string().optional(), transmit_power: num.optional(), mimo_chains: num.optional() });
const accesspoint = z.looseObject({ name: z.string(), floorplan_name: z.string().optional(), manufacturer: z.string().optional(), model: z.string().optional(), dot11_radios: z.array(radio).default([]), ssids: z.array(z.string()).default([]), orientation: z.looseObject({ rotation: num.optional(), tilt: num.optional() }).optional(), coordinates: z.array(z.looseObject({ coordinate_xyz: xyz.optional() })).default([]) });
const payloadSchema = z.looseObject({ openintent_version: z.string(), floorplans: z.array(z.unknown()), accesspoints: z.array(z.unknown()).default([]), wall_materials: z.array(material).default([]) });

const BAND: Record<string, Band> = { 'FREQ_2.4GHZ': '2.4', FREQ_5GHZ: '5', FREQ_6GHZ: '6' };
const WIDTHS = new Set([20, 40, 80, 160]);
const UNIT_M: Record<string, number> = { meters: 1, feet: 0.3048 };

export function isOpenIntent(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).openintent_version === 'string';
}

export interface OpenIntentImport {
  document: ProjectDocument;
  report: ImportReport;
}

export function importOpenIntent(value: unknown, options: { id?: string; now?: Date; title?: string } = {}): OpenIntentImport {
  const payload = payloadSchema.parse(value);
  const report = new ImportReportBuilder(t('exchange.openintent.source', { version: payload.openintent_version }));
  const plans = payload.floorplans.map((entry) => floorplan.safeParse(entry)).filter((result) => result.success || void report.leaveOut(t('exchange.openintent.left.invalidFloorplan.what'), t('exchange.openintent.left.invalidFloorplan.why'), t('exchange.openintent.left.invalidFloorplan.fix'))).map((result) => result.data!);
  const title = (options.title ?? plans.find((plan) => typeof plan.project_name === 'string')?.project_name ?? t('exchange.openintent.defaultTitle')) as string;
  const document = createProject({ title: title.slice(0, LIMITS.titleChars), id: options.id, now: options.now });
  let counter = 0;
  const ids = idMaker(document, () => `oi-${++counter}`);
  const building = document.buildings[0]!;

  // Materials by name; « Béton 200 mm [0–1,5 m] » is Béton 200 mm between those heights (what Ondeplan writes).
  const materialsByName = new Map<string, Material>();
  const heightsOf = new Map<string, { bottom: number | null; top: number | null }>();
  const materialFor = (entry: z.infer<typeof material>): Material => {
    const fullName = entry.name ?? t('exchange.openintent.unnamedMaterial');
    const base = fullName.replace(/ \[[^\]]*\]$/, '');
    const loss = entry.rf_properties?.attenuation_flat ?? (entry.rf_properties?.attenuation_per_m ?? 0) * (entry.thickness_m ?? 0);
    heightsOf.set(fullName, { bottom: entry.bottom_height ?? null, top: entry.top_height ?? null });
    const known = materialsByName.get(base) ?? document.materials.find((candidate) => candidate.name === base && candidate.lossDb['5'] === loss);
    if (known) return known;
    const created: Material = { id: ids(), name: base.slice(0, 120), lossDb: { '2.4': clamp(loss, 0, 200), '5': clamp(loss, 0, 200), '6': clamp(loss, 0, 200) }, thicknessM: clamp(entry.thickness_m ?? 0, 0, 5), color: /^#[0-9a-fA-F]{6}$/.test(entry.display_color ?? '') ? entry.display_color!.toLowerCase() : '#9aa5b1', source: t('exchange.openintent.materialSource') };
    materialsByName.set(base, created);
    document.materials.push(created);
    return created;
  };
  const wallMaterials = new Map(payload.wall_materials.map((entry) => [entry.name ?? '', entry]));

  let elevation = 0;
  let pixels = 0;
  let untyped = 0;
  let inverted = 0;
  const levels = new Map<string, { id: string; length: number; scale: number }>();
  document.levels = plans.map((plan) => {
    const dimension = plan.dimensions[0]!;
    const scale = UNIT_M[dimension.unit ?? 'meters'] ?? (pixels++, 1);
    const id = ids(plan.vendor_id);
    const heightM = clamp(dimension.height !== undefined && dimension.height > 0 ? round(dimension.height * scale) : 3, 0.1, 50);
    levels.set(plan.name, { id, length: dimension.length * scale, scale });
    const level = { id, buildingId: building.id, name: (plan.floor_id || plan.name).slice(0, 120), elevationM: elevation, floorToFloorHeightM: heightM, slabMaterialId: 'mat-dalle', plan: null, metersPerUnit: null, alignment: null };
    elevation += heightM;
    return level;
  });
  for (const plan of plans) {
    const level = levels.get(plan.name)!;
    const point = (x: number, y: number): PointM => ({ xM: round(x * level.scale), yM: round(level.length - y * level.scale) });
    const polygon = (shape: z.infer<typeof area>) => shape.coordinates.flatMap((entry) => (entry.coordinate_xyz ? [point(entry.coordinate_xyz.x, entry.coordinate_xyz.y)] : []));
    for (const segment of plan.wall_segments) {
      const entry = wallMaterials.get(segment.wall_type);
      if (!entry) untyped++;
      const chosen = materialFor(entry ?? { name: segment.wall_type, thickness_m: segment.thickness });
      const heights = heightsOf.get(segment.wall_type) ?? { bottom: segment.bottom_height ?? null, top: segment.height ?? null };
      const wall: Wall = { id: ids(), levelId: level.id, from: point(segment.start_point.x, segment.start_point.y), to: point(segment.end_point.x, segment.end_point.y), materialId: chosen.id, bottomM: heights.bottom !== null && heights.bottom > 0 ? heights.bottom : null, topM: heights.top };
      if (Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM) >= LIMITS.minWallLengthM) document.walls.push(wall);
    }
    for (const entry of plan.attenuation_areas) {
      const perMetre = entry.area_material.rf_properties?.attenuation_per_m ?? 0;
      document.attenuationAreas.push({ id: ids(), levelId: level.id, name: (entry.area_material.name ?? '').slice(0, 120), polygon: polygon(entry.area), lossDbPerM: { '2.4': clamp(perMetre, 0, 100), '5': clamp(perMetre, 0, 100), '6': clamp(perMetre, 0, 100) } });
    }
    for (const entry of plan.coverage_areas) {
      if (entry.exclusion) document.exclusionZones.push({ id: ids(), levelId: level.id, name: t('exchange.openintent.exclusionName', { number: document.exclusionZones.length + 1 }), polygon: polygon(entry.area), reason: '' });
      else document.coverageZones.push({ id: ids(), levelId: level.id, name: t('exchange.openintent.zoneName', { number: document.coverageZones.length + 1 }), polygon: polygon(entry.area), requirementProfileId: document.requirementProfiles[0]!.id, userCount: 0, userProfile: '', throughputPerUserMbps: 2 });
    }
    for (const hole of plan.holes_in_floor) {
      if (hole.inverted) inverted++;
      else document.slabOpenings.push({ id: ids(), levelId: level.id, name: t('exchange.openintent.holeName', { number: document.slabOpenings.length + 1 }), polygon: polygon(hole.area) });
    }
  }

  const models = new Map<string, ApModel>();
  const left = { invalid: 0, unplaced: 0, otherFunction: 0, width: 0, ssids: 0 };
  for (const entry of payload.accesspoints) {
    const parsed = accesspoint.safeParse(entry);
    if (!parsed.success) {
      left.invalid++;
      continue;
    }
    const ap = parsed.data;
    const level = ap.floorplan_name ? levels.get(ap.floorplan_name) : undefined;
    const position = ap.coordinates.find((coordinate) => coordinate.coordinate_xyz)?.coordinate_xyz;
    if (!level || !position) {
      left.unplaced++;
      continue;
    }
    const scale = UNIT_M[position.unit ?? 'meters'] ?? level.scale;
    const radios: Radio[] = ap.dot11_radios.flatMap((entry) => {
      const band = BAND[entry.band ?? ''];
      if (!band) return [];
      if (entry.radio_function !== 'CLIENT_ACCESS' && entry.radio_function !== 'DISABLED') left.otherFunction++;
      const width = Number.parseInt(entry.channel_width ?? '20', 10);
      if (!WIDTHS.has(width)) left.width++;
      return [{ id: ids(), band, channel: clamp(Math.round(entry.channel ?? (band === '2.4' ? 1 : 36)), 1, 233), widthMHz: (WIDTHS.has(width) ? width : 20) as Radio['widthMHz'], txPowerDbm: clamp(entry.transmit_power ?? DEFAULT_POWER_DBM[band], -10, 36), enabled: entry.radio_function === 'CLIENT_ACCESS', ssidIds: ssidIdsFor(document, ap.ssids, () => left.ssids++) }];
    });
    const modelId = catalogueModel(document.apModels, models, { vendor: ap.manufacturer ?? '', model: ap.model ?? '', bands: [...new Set(radios.map((radio) => radio.band))], spatialStreams: ap.dot11_radios[0]?.mimo_chains ?? 2, source: t('exchange.modelSource.openIntent') }, ids, report);
    const accessPoint: AccessPoint = {
      id: ids(),
      name: ap.name.slice(0, 120),
      levelId: level.id,
      modelId,
      position: { xM: round(position.x * scale), yM: round(level.length - position.y * scale) },
      mountingHeightM: clamp(position.z !== undefined ? round(position.z * scale) : 2.7, 0, 50),
      azimuthDeg: round((((ap.orientation?.rotation ?? 90) - 90) % 360 + 360) % 360),
      tiltDeg: clamp(-(ap.orientation?.tilt ?? 0), -90, 90) + 0,
      radios,
      locked: false,
      bssidPrefix: '',
    };
    document.accessPoints.push(accessPoint);
  }
  document.apModels.push(...models.values());

  report.count(t('exchange.esx.imported.levels'), document.levels.length);
  report.count(t('exchange.esx.imported.walls'), document.walls.length);
  report.count(t('exchange.esx.imported.attenuationAreas'), document.attenuationAreas.length);
  report.count(t('exchange.esx.imported.exclusionZones'), document.exclusionZones.length);
  report.count(t('exchange.esx.imported.coverageZones'), document.coverageZones.length);
  report.count(t('exchange.openintent.imported.holes'), document.slabOpenings.length);
  report.count(t('exchange.esx.imported.aps'), document.accessPoints.length);
  report.count(t('exchange.esx.imported.radios'), document.accessPoints.reduce((sum, ap) => sum + ap.radios.length, 0));
  const leave = (key: 'plans' | 'pixels' | 'untyped' | 'inverted' | 'invalidAp' | 'unplaced' | 'otherFunction' | 'width' | 'ssids' | 'requirements', count: number) => report.leaveOut(t(`exchange.openintent.left.${key}.what`), t(`exchange.openintent.left.${key}.why`), t(`exchange.openintent.left.${key}.fix`), count);
  leave('plans', plans.length);
  leave('pixels', pixels);
  leave('untyped', untyped);
  leave('inverted', inverted);
  leave('invalidAp', left.invalid);
  leave('unplaced', left.unplaced);
  leave('otherFunction', left.otherFunction);
  leave('width', left.width);
  leave('ssids', left.ssids);
  leave('requirements', document.coverageZones.length > 0 ? 1 : 0);
  warnRadioFindings(document, report);
  return { document, report: report.build() };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round = (value: number) => Math.round(value * 1e6) / 1e6 + 0;

function ssidIdsFor(document: ProjectDocument, names: readonly string[], unknown: () => void): string[] {
  if (names.length === 0) return document.ssids.map((ssid) => ssid.id);
  return names.flatMap((name) => {
    const known = document.ssids.find((ssid) => ssid.name === name);
    if (known) return [known.id];
    unknown();
    return [];
  });
}
