/**
 * Ekahau walls → Ondeplan walls and openings. Wall points carry the floor plan and plan-unit coordinates; a segment
 * joins two of them (`point1Id`/`point2Id` in Ekahau Pro 10, `wallPoints: [a, b]` later). Each wall type used becomes
 * a material (dB per metre × thickness per band). A door or window segment lying along a wall of another type (within
 * 5 cm and 2°, inside its length) becomes an opening of that wall; elsewhere it stays a wall of its own material.
 */
import { t } from '../../i18n/index.ts';
import type { Material, Opening, Wall } from '../../model/schema.ts';
import type { ImportReportBuilder } from '../import-report.ts';
import type { EsxTables } from './esx-archive.ts';
import type { PlacedFloor } from './esx-floors.ts';
import type { EsxRecord } from './esx-tables.ts';
import { clean, materialColor, perBandLoss, type EsxNaming } from './esx-units.ts';

const HOST_DISTANCE_M = 0.05;
const HOST_ANGLE_RAD = (2 * Math.PI) / 180;
const MIN_WALL_M = 0.001;

type OpeningKind = Opening['kind'];

/** Door or window, from the wall type's key or name (Ekahau's defaults: « WoodDoor », « ThickWindow »…). */
export function openingKindOf(type: Pick<EsxRecord<'wallTypes'>, 'key' | 'name'>): OpeningKind | null {
  const text = `${type.key} ${type.name}`.toLowerCase();
  if (/door|porte/.test(text)) return 'porte';
  if (/window|fen[eê]tre|vitr/.test(text)) return 'fenetre';
  return null;
}

const DEFAULT_OPENING_HEIGHTS: Record<OpeningKind, [number, number]> = { porte: [0, 2.04], fenetre: [0.9, 2.2] };

interface Segment {
  sourceId: string;
  levelId: string;
  from: { xM: number; yM: number };
  to: { xM: number; yM: number };
  type: EsxRecord<'wallTypes'>;
}

export function wallsFromEsx(tables: EsxTables, floors: readonly PlacedFloor[], ids: (sourceId?: string) => string, report: ImportReportBuilder, naming: EsxNaming, library: ReadonlySet<string>): { walls: Wall[]; openings: Opening[]; materials: Material[] } {
  const floorOf = new Map(floors.map((floor) => [floor.plan.id, floor]));
  const points = new Map(tables.wallPoints.map((point) => [point.id, point]));
  const types = new Map(tables.wallTypes.map((type) => [type.id, type]));
  const materials = new Map<string, Material>();
  // Ondeplan's own files name one material by several types (`<material>~<kind>~<bottom>~<top>`): one material each.
  const materialOf = (type: EsxRecord<'wallTypes'>): string => {
    const key = naming.fromOndeplan ? type.id.split('~')[0]! : type.id;
    if (naming.fromOndeplan && library.has(key)) return key;
    if (!materials.has(key)) {
      materials.set(key, {
        id: ids(key),
        name: naming.material(type.name || type.key || type.id).slice(0, 120),
        lossDb: perBandLoss(type.propagationProperties, type.thickness),
        thicknessM: Math.min(5, type.thickness),
        color: materialColor(type.color, '#9aa5b1'),
        source: t('exchange.esx.lossSource'),
      });
    }
    return materials.get(key)!.id;
  };

  const segments: Segment[] = [];
  let broken = 0;
  for (const segment of tables.wallSegments) {
    const [firstId, secondId] = segment.wallPoints ?? [segment.point1Id, segment.point2Id];
    const a = firstId ? points.get(firstId) : undefined;
    const b = secondId ? points.get(secondId) : undefined;
    const type = types.get(segment.wallTypeId);
    const floor = a ? floorOf.get(a.location.floorPlanId) : undefined;
    if (!a || !b || !type || !floor || a.location.floorPlanId !== b.location.floorPlanId) {
      broken++;
      continue;
    }
    const scale = floor.plan.metersPerUnit;
    const from = { xM: clean(a.location.coord.x * scale), yM: clean(a.location.coord.y * scale) };
    const to = { xM: clean(b.location.coord.x * scale), yM: clean(b.location.coord.y * scale) };
    if (Math.hypot(to.xM - from.xM, to.yM - from.yM) < MIN_WALL_M) {
      broken++;
      continue;
    }
    segments.push({ sourceId: segment.id, levelId: floor.level.id, from, to, type });
  }
  report.leaveOut(t('exchange.esx.left.brokenWalls.what'), t('exchange.esx.left.brokenWalls.why'), t('exchange.esx.left.brokenWalls.fix'), broken);

  const walls: Wall[] = [];
  const openings: Opening[] = [];
  const kindOf = (type: EsxRecord<'wallTypes'>): OpeningKind | null => (naming.fromOndeplan ? (type.key === 'OndeplanDoor' ? 'porte' : type.key === 'OndeplanWindow' ? 'fenetre' : null) : openingKindOf(type));
  const hosts = segments.filter((segment) => !kindOf(segment.type));
  const hostWalls = new Map<Segment, Wall>();
  for (const segment of hosts) {
    const wall = toWall(segment, ids(segment.sourceId), materialOf(segment.type));
    hostWalls.set(segment, wall);
    walls.push(wall);
  }
  let freeOpenings = 0;
  for (const segment of segments.filter((candidate) => kindOf(candidate.type))) {
    const kind = kindOf(segment.type)!;
    const host = hosts.map((candidate) => ({ candidate, fit: fitOnHost(segment, candidate) })).find((entry) => entry.fit !== null);
    if (!host) {
      freeOpenings++;
      walls.push(toWall(segment, ids(segment.sourceId), materialOf(segment.type)));
      continue;
    }
    const wall = hostWalls.get(host.candidate)!;
    const [defaultBottom, defaultTop] = DEFAULT_OPENING_HEIGHTS[kind];
    const bottomM = segment.type.lowerEdge ?? defaultBottom;
    const topM = segment.type.upperEdge !== undefined && segment.type.upperEdge > bottomM ? segment.type.upperEdge : Math.max(defaultTop, bottomM + 0.1);
    openings.push({ id: ids(segment.sourceId), levelId: segment.levelId, wallId: wall.id, kind, offsetM: clean(host.fit!.centreM), widthM: clean(host.fit!.widthM), materialId: materialOf(segment.type), bottomM, topM });
  }
  report.count(t('exchange.esx.imported.walls'), walls.length);
  report.count(t('exchange.esx.imported.doors'), openings.filter((opening) => opening.kind === 'porte').length);
  report.count(t('exchange.esx.imported.windows'), openings.filter((opening) => opening.kind === 'fenetre').length);
  report.leaveOut(t('exchange.esx.left.freeOpenings.what'), t('exchange.esx.left.freeOpenings.why'), t('exchange.esx.left.freeOpenings.fix'), freeOpenings);
  return { walls, openings, materials: [...materials.values()] };
}

function toWall(segment: Segment, id: string, materialId: string): Wall {
  const bottom = segment.type.lowerEdge ?? 0;
  const top = segment.type.upperEdge;
  return { id, levelId: segment.levelId, from: segment.from, to: segment.to, materialId, bottomM: bottom > 0 ? bottom : null, topM: top !== undefined && top > bottom ? top : null };
}

/** Where an opening segment sits on a host wall: its centre's distance from the host's `from` end and its width. */
function fitOnHost(opening: Segment, host: Segment): { centreM: number; widthM: number } | null {
  if (opening.levelId !== host.levelId) return null;
  const hx = host.to.xM - host.from.xM;
  const hy = host.to.yM - host.from.yM;
  const length = Math.hypot(hx, hy);
  const ox = opening.to.xM - opening.from.xM;
  const oy = opening.to.yM - opening.from.yM;
  const widthM = Math.hypot(ox, oy);
  const sine = Math.abs(hx * oy - hy * ox) / (length * widthM);
  if (sine > Math.sin(HOST_ANGLE_RAD)) return null;
  const along = (p: { xM: number; yM: number }) => ((p.xM - host.from.xM) * hx + (p.yM - host.from.yM) * hy) / length;
  const across = (p: { xM: number; yM: number }) => Math.abs((p.xM - host.from.xM) * hy - (p.yM - host.from.yM) * hx) / length;
  if (across(opening.from) > HOST_DISTANCE_M || across(opening.to) > HOST_DISTANCE_M) return null;
  const start = Math.min(along(opening.from), along(opening.to));
  const end = Math.max(along(opening.from), along(opening.to));
  if (start < -HOST_DISTANCE_M || end > length + HOST_DISTANCE_M) return null;
  const clippedStart = Math.max(0, start);
  const clippedEnd = Math.min(length, end);
  return clippedEnd - clippedStart > MIN_WALL_M ? { centreM: (clippedStart + clippedEnd) / 2, widthM: clippedEnd - clippedStart } : null;
}
