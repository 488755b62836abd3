/**
 * An IFC building model as an Ondeplan study (docs/exchange.md, IFC): storeys → levels at their elevations, walls
 * and curtain walls → walls (centre line, thickness, heights), doors and windows → openings of their wall, slabs →
 * each level's slab material, slab openings → trémies, spaces → coverage zones, IFC materials → study materials
 * through the mapping table. Plan frame: x east, y south, from the model's north-west corner plus a 1 m margin;
 * every level shares it. Each level gets a drawn plan (SVG) of what was read. Pure: the digest comes from readIfc.
 */
import { t } from '../../i18n/index.ts';
import { sha256Hex } from '../../io/sha256.ts';
import { createProject } from '../../model/create-project.ts';
import { ProjectLoadError } from '../../model/project-load-error.ts';
import { LIMITS, type CoverageZone, type Level, type Opening, type PointM, type ProjectDocument, type SlabOpening, type Wall } from '../../model/schema.ts';
import { ImportReportBuilder } from '../import-report.ts';
import { idMaker } from '../import-shared.ts';
import type { ConvertedImport } from '../converted-import.ts';
import { footprint, wallRectangle } from './ifc-geometry.ts';
import { polygonAreaM2 } from '../../model/geometry.ts';
import { IfcMaterialMapper } from './ifc-materials.ts';
import { storeyPlanSvg } from './ifc-plan-svg.ts';
import type { IfcDigest, IfcElement } from './ifc-read.ts';

export const IFC_PLAN_MARGIN_M = 1;
/** Plan units of the drawn plans: centimetres. */
const PLAN_METERS_PER_UNIT = 0.01;
const DEFAULT_STOREY_HEIGHT_M = 3;
/** A slab is a level's floor when its top is this close to the level's elevation. */
const SLAB_TOLERANCE_M = 0.6;

export interface IfcImportOptions {
  id?: string;
  now?: Date;
  ids?: () => string;
  fileName?: string;
}

interface Placed {
  element: IfcElement;
  points: PointM[];
  zMin: number;
  zMax: number;
}

export async function importIfcDigest(model: IfcDigest, options: IfcImportOptions = {}): Promise<ConvertedImport> {
  const report = new ImportReportBuilder(t('exchange.ifc.source', { schema: model.schema, application: model.application || t('exchange.ifc.unknownApplication') }));
  const title = (model.projectName || options.fileName?.replace(/\.ifc$/i, '') || t('exchange.ifc.defaultTitle')).slice(0, LIMITS.titleChars);
  const document = createProject({ title, id: options.id, now: options.now });
  let counter = 0;
  const ids = idMaker(document, options.ids ?? (() => `ifc-${++counter}`));

  const placed = new Map<number, Placed>();
  let minX = Infinity;
  let maxY = -Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  for (const element of model.elements) {
    if (element.positions.length < 9) continue;
    const p = element.positions;
    let zMin = Infinity;
    let zMax = -Infinity;
    for (let i = 0; i < p.length; i += 3) {
      zMin = Math.min(zMin, p[i + 2]!);
      zMax = Math.max(zMax, p[i + 2]!);
      if (element.kind === 'opening') continue;
      minX = Math.min(minX, p[i]!);
      maxX = Math.max(maxX, p[i]!);
      minY = Math.min(minY, p[i + 1]!);
      maxY = Math.max(maxY, p[i + 1]!);
    }
    placed.set(element.expressId, { element, points: [], zMin, zMax });
  }
  const widthM = round(maxX - minX + 2 * IFC_PLAN_MARGIN_M, 3);
  const heightM = round(maxY - minY + 2 * IFC_PLAN_MARGIN_M, 3);
  if (!Number.isFinite(widthM) || placed.size === 0) throw new ProjectLoadError('ifc-unusable', [t('exchange.ifc.empty')]);
  if (Math.max(widthM, heightM) > LIMITS.coordinateM) throw new ProjectLoadError('ifc-unusable', [t('exchange.ifc.tooLarge', { km: LIMITS.coordinateM / 1000 })]);
  for (const entry of placed.values()) {
    const p = entry.element.positions;
    for (let i = 0; i < p.length; i += 3) entry.points.push({ xM: p[i]! - minX + IFC_PLAN_MARGIN_M, yM: maxY - p[i + 1]! + IFC_PLAN_MARGIN_M });
  }

  // Levels: storeys holding something, by elevation.
  const storeyOf = (entry: Placed, stack: typeof storeys): number | null => {
    const host = entry.element.hostId !== null ? placed.get(entry.element.hostId) : undefined;
    const direct = entry.element.storeyId ?? (host ? storeyOf(host, stack) : null);
    if (direct !== null && stack.some((storey) => storey.expressId === direct)) return direct;
    // Not in a storey: the highest storey at or below the element's bottom.
    const below = stack.filter((storey) => storey.elevationM <= entry.zMin + 0.05);
    return (below.at(-1) ?? stack[0])?.expressId ?? null;
  };
  const storeys = [...model.storeys].sort((a, b) => a.elevationM - b.elevationM);
  const byStorey = new Map<number, Placed[]>();
  for (const entry of placed.values()) {
    const storey = storeyOf(entry, storeys);
    if (storey === null) continue;
    byStorey.set(storey, [...(byStorey.get(storey) ?? []), entry]);
  }
  const kept = storeys.filter((storey) => byStorey.has(storey.expressId));
  report.leaveOut(t('exchange.ifc.left.emptyStoreys.what'), t('exchange.ifc.left.emptyStoreys.why'), t('exchange.ifc.left.emptyStoreys.fix'), storeys.length - kept.length);
  if (kept.length === 0) {
    // A model without storeys: one level holds everything.
    kept.push({ expressId: -1, name: t('exchange.ifc.storeyName', { index: 0 }), elevationM: 0 });
    byStorey.set(-1, [...placed.values()]);
    report.warn(t('exchange.ifc.noStoreys'));
  }
  const building = document.buildings[0]!;
  const levelOf = new Map<number, Level>();
  document.levels = kept.map((storey, index) => {
    const next = kept[index + 1];
    const tallest = Math.max(...(byStorey.get(storey.expressId) ?? []).filter((entry) => entry.element.kind === 'wall' || entry.element.kind === 'curtain-wall').map((entry) => entry.zMax - storey.elevationM), 0);
    const floorToFloorHeightM = next ? next.elevationM - storey.elevationM : tallest > 0.5 ? tallest : DEFAULT_STOREY_HEIGHT_M;
    const level: Level = {
      id: ids(),
      buildingId: building.id,
      name: (storey.name || t('exchange.ifc.storeyName', { index })).slice(0, 120),
      elevationM: round(storey.elevationM, 3),
      floorToFloorHeightM: round(Math.max(0.5, floorToFloorHeightM), 3),
      slabMaterialId: 'mat-dalle',
      plan: null,
      metersPerUnit: PLAN_METERS_PER_UNIT,
      // Every level shares the model's frame: aligned with no shift or turn.
      alignment: index === 0 ? null : { offsetXM: 0, offsetYM: 0, rotationDeg: 0 },
    };
    levelOf.set(storey.expressId, level);
    return level;
  });
  report.count(t('exchange.ifc.imported.levels'), document.levels.length);

  const mapper = new IfcMaterialMapper(document.materials, ids);
  const walls: Wall[] = [];
  const openings: Opening[] = [];
  const slabOpenings: SlabOpening[] = [];
  const zones: CoverageZone[] = [];
  const wallOf = new Map<number, { wall: Wall; level: Level; elevationM: number }>();
  let freeOpeningMaterial: string | null = null;
  let approximated = 0;
  let broken = 0;
  for (const storey of kept) {
    const level = levelOf.get(storey.expressId)!;
    const entries = byStorey.get(storey.expressId) ?? [];
    const height = (z: number) => round(z - storey.elevationM, 3);
    for (const entry of entries) {
      const { element } = entry;
      if (element.kind !== 'wall' && element.kind !== 'curtain-wall') continue;
      const rectangle = wallRectangle(entry.points);
      if (!rectangle || Math.hypot(rectangle.to.xM - rectangle.from.xM, rectangle.to.yM - rectangle.from.yM) < 0.01) {
        broken++;
        continue;
      }
      if (rectangle.fill < 0.8) approximated++;
      // Keep the drawing's direction (the wall's axis runs along its placement's x axis).
      const axis = element.axis;
      if (axis && (rectangle.to.xM - rectangle.from.xM) * axis.x + (rectangle.to.yM - rectangle.from.yM) * axis.y < 0) [rectangle.from, rectangle.to] = [rectangle.to, rectangle.from];
      const bottom = height(entry.zMin);
      const top = height(entry.zMax);
      const wall: Wall = {
        id: ids(),
        levelId: level.id,
        from: { xM: round(rectangle.from.xM, 4), yM: round(rectangle.from.yM, 4) },
        to: { xM: round(rectangle.to.xM, 4), yM: round(rectangle.to.yM, 4) },
        materialId: mapper.materialFor(element.materials, element.kind === 'curtain-wall' ? 'curtain-wall' : 'wall', rectangle.thicknessM),
        bottomM: bottom <= 0.05 ? null : Math.min(1000, bottom),
        topM: top >= level.floorToFloorHeightM - 0.01 || top <= Math.max(bottom, 0) ? null : Math.min(1000, top),
      };
      walls.push(wall);
      wallOf.set(element.expressId, { wall, level, elevationM: storey.elevationM });
      report.count(t(element.kind === 'curtain-wall' ? 'exchange.ifc.imported.curtainWalls' : 'exchange.ifc.imported.walls'));
    }
  }
  report.leaveOut(t('exchange.ifc.left.brokenWalls.what'), t('exchange.ifc.left.brokenWalls.why'), t('exchange.ifc.left.brokenWalls.fix'), broken);
  if (approximated > 0) report.warn(t('exchange.ifc.approximatedWalls', { count: approximated }));

  // Doors and windows fill an opening that voids a wall; openings with no filling are free bays.
  const filled = new Set<number>();
  const elementsById = new Map(model.elements.map((element) => [element.expressId, element]));
  let hostless = 0;
  for (const entry of placed.values()) {
    const { element } = entry;
    if (element.kind !== 'door' && element.kind !== 'window') continue;
    if (element.hostId !== null) filled.add(element.hostId);
    const voidedId = element.hostId !== null ? elementsById.get(element.hostId)?.hostId : undefined;
    const host = voidedId !== null && voidedId !== undefined ? wallOf.get(voidedId) : undefined;
    if (!host) {
      hostless++;
      continue;
    }
    const made = openingOnWall(host, entry, element.kind === 'door' ? 'porte' : 'fenetre', mapper.materialFor(element.materials, element.kind, null), ids);
    if (made) {
      openings.push(made);
      report.count(t(element.kind === 'door' ? 'exchange.ifc.imported.doors' : 'exchange.ifc.imported.windows'));
    } else hostless++;
  }
  report.leaveOut(t('exchange.ifc.left.hostless.what'), t('exchange.ifc.left.hostless.why'), t('exchange.ifc.left.hostless.fix'), hostless);

  const slabsByLevel = new Map<Level, Placed[]>();
  let otherSlabs = 0;
  for (const storey of kept) {
    for (const entry of byStorey.get(storey.expressId) ?? []) {
      if (entry.element.kind !== 'slab') continue;
      const isFloor = Math.abs(entry.zMax - storey.elevationM) <= SLAB_TOLERANCE_M && entry.element.predefinedType !== 'ROOF';
      if (!isFloor) {
        otherSlabs++;
        continue;
      }
      const level = levelOf.get(storey.expressId)!;
      slabsByLevel.set(level, [...(slabsByLevel.get(level) ?? []), entry]);
    }
  }
  for (const [level, slabs] of slabsByLevel) {
    const main = slabs.reduce((best, slab) => (planArea(slab.points) > planArea(best.points) ? slab : best));
    level.slabMaterialId = mapper.materialFor(main.element.materials, 'slab', main.zMax - main.zMin);
    report.count(t('exchange.ifc.imported.slabs'), slabs.length);
  }
  report.leaveOut(t('exchange.ifc.left.otherSlabs.what'), t('exchange.ifc.left.otherSlabs.why'), t('exchange.ifc.left.otherSlabs.fix'), otherSlabs);
  report.leaveOut(t('exchange.ifc.left.noSlab.what'), t('exchange.ifc.left.noSlab.why'), t('exchange.ifc.left.noSlab.fix'), document.levels.length - slabsByLevel.size);

  let otherOpenings = 0;
  for (const entry of placed.values()) {
    const { element } = entry;
    if (element.kind !== 'opening') continue;
    const host = element.hostId !== null ? placed.get(element.hostId) : undefined;
    if (host?.element.kind === 'slab') {
      const level = [...slabsByLevel].find(([, slabs]) => slabs.includes(host))?.[0];
      const polygon = footprint(entry.points, zOf(element), element.indices);
      if (!level || polygon.length < 3) {
        otherOpenings++;
        continue;
      }
      slabOpenings.push({ id: ids(), levelId: level.id, name: (element.name || t('exchange.ifc.slabOpeningName')).slice(0, 120), polygon: polygon.map((p) => ({ xM: round(p.xM, 4), yM: round(p.yM, 4) })) });
      report.count(t('exchange.ifc.imported.slabOpenings'));
      continue;
    }
    const wall = element.hostId !== null ? wallOf.get(element.hostId) : undefined;
    if (filled.has(element.expressId)) continue;
    if (!wall) {
      otherOpenings++;
      continue;
    }
    freeOpeningMaterial ??= addFreeOpeningMaterial(document, ids);
    const bottom = entry.zMin - wall.elevationM;
    const made = openingOnWall(wall, entry, bottom < 0.3 ? 'porte' : 'fenetre', freeOpeningMaterial, ids);
    if (made) {
      openings.push(made);
      report.count(t('exchange.ifc.imported.bays'));
    } else otherOpenings++;
  }
  report.leaveOut(t('exchange.ifc.left.otherOpenings.what'), t('exchange.ifc.left.otherOpenings.why'), t('exchange.ifc.left.otherOpenings.fix'), otherOpenings);

  const profileId = document.requirementProfiles[0]!.id;
  let badSpaces = 0;
  let spaceArea = 0;
  for (const storey of kept) {
    const level = levelOf.get(storey.expressId)!;
    for (const entry of byStorey.get(storey.expressId) ?? []) {
      const { element } = entry;
      if (element.kind !== 'space') continue;
      const polygon = footprint(entry.points, zOf(element), element.indices);
      if (polygon.length < 3 || polygon.length > LIMITS.polygonVertices) {
        badSpaces++;
        continue;
      }
      spaceArea += polygonAreaM2(polygon);
      const name = [element.name, element.longName].filter(Boolean).join(' ') || t('exchange.ifc.spaceName', { number: zones.length + 1 });
      zones.push({ id: ids(), levelId: level.id, name: name.slice(0, 120), polygon: polygon.map((p) => ({ xM: round(p.xM, 4), yM: round(p.yM, 4) })), requirementProfileId: profileId, userCount: 0, userProfile: '', throughputPerUserMbps: 0 });
    }
  }
  report.count(t('exchange.ifc.imported.spaces', { area: Math.round(spaceArea) }), zones.length);
  report.leaveOut(t('exchange.ifc.left.badSpaces.what'), t('exchange.ifc.left.badSpaces.why'), t('exchange.ifc.left.badSpaces.fix'), badSpaces);
  for (const { ifcType, count } of model.unmapped) report.leaveOut(t('exchange.ifc.left.unmapped.what', { type: ifcType }), t('exchange.ifc.left.unmapped.why'), t('exchange.ifc.left.unmapped.fix'), count);

  document.materials.push(...mapper.materials);
  document.walls = walls;
  document.openings = openings;
  document.slabOpenings = slabOpenings;
  document.coverageZones = zones;
  report.count(t('exchange.ifc.imported.materials'), mapper.materials.length);
  for (const row of mapper.rows) if (!row.known) report.warn(t('exchange.ifc.unknownMaterial', { name: row.ifcName, library: row.libraryMaterial }));
  report.setMaterialMapping(mapper.rows.map((row) => ({ source: row.ifcName, role: t(`exchange.ifc.role.${row.role}`), material: document.materials.find((material) => material.id === row.materialId)!.name, basis: row.libraryMaterial })));

  const assets = new Map<string, Uint8Array>();
  const svgPlans: ConvertedImport['svgPlans'] = [];
  for (const level of document.levels) {
    const svg = new TextEncoder().encode(storeyPlanSvg(document, level, widthM, heightM, PLAN_METERS_PER_UNIT));
    const sha256 = await sha256Hex(svg);
    assets.set(sha256, svg);
    document.assets.push({ sha256, name: `plan-${level.name}.svg`.slice(0, 300), mimeType: 'image/svg+xml', byteLength: svg.byteLength });
    level.plan = { format: 'svg', assetSha256: sha256, sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: round(widthM / PLAN_METERS_PER_UNIT, 1), heightUnits: round(heightM / PLAN_METERS_PER_UNIT, 1), crop: null, rotationDeg: 0 };
    svgPlans.push({ levelId: level.id, sha256, fallback: null });
  }
  report.count(t('exchange.ifc.imported.plans'), svgPlans.length);
  return { document, assets, report: report.build(), svgPlans };
}

/** A door, window or bay on its wall: the element's extent along the wall line, and its heights above the floor. */
function openingOnWall(host: { wall: Wall; level: Level; elevationM: number }, entry: Placed, kind: Opening['kind'], materialId: string, ids: () => string): Opening | null {
  const { wall } = host;
  const dx = wall.to.xM - wall.from.xM;
  const dy = wall.to.yM - wall.from.yM;
  const length = Math.hypot(dx, dy);
  let sMin = Infinity;
  let sMax = -Infinity;
  for (const p of entry.points) {
    const s = ((p.xM - wall.from.xM) * dx + (p.yM - wall.from.yM) * dy) / length;
    sMin = Math.min(sMin, s);
    sMax = Math.max(sMax, s);
  }
  sMin = Math.max(0, sMin);
  sMax = Math.min(length, sMax);
  const bottom = Math.max(0, entry.zMin - host.elevationM);
  const top = entry.zMax - host.elevationM;
  if (sMax - sMin < 0.05 || top - bottom < 0.05) return null;
  return { id: ids(), levelId: host.level.id, wallId: wall.id, kind, offsetM: round((sMin + sMax) / 2, 4), widthM: round(sMax - sMin, 4), materialId, bottomM: round(bottom, 3), topM: round(top, 3) };
}

function addFreeOpeningMaterial(document: ProjectDocument, ids: () => string): string {
  const id = ids();
  document.materials.push({ id, name: t('exchange.ifc.freeOpening'), lossDb: { '2.4': 0, '5': 0, '6': 0 }, thicknessM: 0, color: '#ffffff', source: t('exchange.ifc.freeOpeningSource') });
  return id;
}

const zOf = (element: IfcElement): Float64Array => {
  const z = new Float64Array(element.positions.length / 3);
  for (let i = 0; i < z.length; i++) z[i] = element.positions[i * 3 + 2]!;
  return z;
};

const planArea = (points: readonly PointM[]) => {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.xM);
    maxX = Math.max(maxX, p.xM);
    minY = Math.min(minY, p.yM);
    maxY = Math.max(maxY, p.yM);
  }
  return (maxX - minX) * (maxY - minY);
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
