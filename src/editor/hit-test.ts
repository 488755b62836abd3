import type { ProjectDocument } from '../model/schema.ts';
import { pointInBox, pointInPolygon, projectOnSegment, type Box, type Point } from './geometry.ts';

export type ItemKind = 'ap' | 'interference' | 'opening' | 'wall' | 'exclusion' | 'attenuation' | 'mounting' | 'slab-opening' | 'zone';

export interface ItemRef {
  kind: ItemKind;
  id: string;
}

const pt = (point: { xM: number; yM: number }): Point => ({ x: point.xM, y: point.yM });

/** Radius of an AP marker on screen, for picking (the UI passes its pixel-to-metre factor). */
export const AP_PICK_RADIUS_PX = 11;

/**
 * The item under `p` on a level, topmost first: APs and sources, openings, walls, then areas (exclusions, attenuation
 * areas, coverage zones: the smallest containing one wins, so a zone inside another stays reachable).
 */
export function hitTest(document: ProjectDocument, levelId: string, p: Point, toleranceM: number, apRadiusM = toleranceM): ItemRef | null {
  let best: { ref: ItemRef; distance: number } | null = null;
  const consider = (ref: ItemRef, distance: number, limit: number) => {
    if (distance <= limit && (!best || distance < best.distance)) best = { ref, distance };
  };
  for (const ap of document.accessPoints) if (ap.levelId === levelId) consider({ kind: 'ap', id: ap.id }, Math.hypot(ap.position.xM - p.x, ap.position.yM - p.y), apRadiusM);
  for (const source of document.interferenceSources)
    if (source.levelId === levelId) consider({ kind: 'interference', id: source.id }, Math.hypot(source.position.xM - p.x, source.position.yM - p.y), apRadiusM);
  if (best) return (best as { ref: ItemRef }).ref;

  const walls = new Map(document.walls.map((wall) => [wall.id, wall]));
  for (const opening of document.openings) {
    const wall = walls.get(opening.wallId);
    if (!wall || opening.levelId !== levelId) continue;
    const centre = openingCentre(wall, opening.offsetM);
    const along = projectOnSegment(p, pt(wall.from), pt(wall.to));
    if (Math.hypot(centre.x - p.x, centre.y - p.y) <= opening.widthM / 2 + toleranceM) consider({ kind: 'opening', id: opening.id }, along.distance, toleranceM);
  }
  if (best) return (best as { ref: ItemRef }).ref;
  for (const wall of document.walls) if (wall.levelId === levelId) consider({ kind: 'wall', id: wall.id }, projectOnSegment(p, pt(wall.from), pt(wall.to)).distance, toleranceM);
  if (best) return (best as { ref: ItemRef }).ref;

  let area: { ref: ItemRef; size: number } | null = null;
  const areaLists = [
    ['exclusion', document.exclusionZones],
    ['attenuation', document.attenuationAreas],
    ['mounting', document.mountingAreas],
    ['slab-opening', document.slabOpenings],
    ['zone', document.coverageZones],
  ] as const;
  for (const [kind, list] of areaLists)
    for (const zone of list) {
      if (zone.levelId !== levelId) continue;
      const polygon = zone.polygon.map(pt);
      if (!pointInPolygon(p, polygon)) continue;
      const size = boxArea(polygon);
      if (!area || size < area.size) area = { ref: { kind, id: zone.id }, size };
    }
  return area ? (area as { ref: ItemRef }).ref : null;
}

/** Items of the level entirely inside the box (a wall needs both ends in, a zone every vertex). */
export function itemsInBox(document: ProjectDocument, levelId: string, box: Box): ItemRef[] {
  const refs: ItemRef[] = [];
  const inside = (point: { xM: number; yM: number }) => pointInBox(pt(point), box);
  for (const ap of document.accessPoints) if (ap.levelId === levelId && inside(ap.position)) refs.push({ kind: 'ap', id: ap.id });
  for (const source of document.interferenceSources) if (source.levelId === levelId && inside(source.position)) refs.push({ kind: 'interference', id: source.id });
  for (const wall of document.walls) if (wall.levelId === levelId && inside(wall.from) && inside(wall.to)) refs.push({ kind: 'wall', id: wall.id });
  for (const zone of document.coverageZones) if (zone.levelId === levelId && zone.polygon.every(inside)) refs.push({ kind: 'zone', id: zone.id });
  for (const zone of document.exclusionZones) if (zone.levelId === levelId && zone.polygon.every(inside)) refs.push({ kind: 'exclusion', id: zone.id });
  for (const area of document.attenuationAreas) if (area.levelId === levelId && area.polygon.every(inside)) refs.push({ kind: 'attenuation', id: area.id });
  for (const area of document.mountingAreas) if (area.levelId === levelId && area.polygon.every(inside)) refs.push({ kind: 'mounting', id: area.id });
  for (const opening of document.slabOpenings) if (opening.levelId === levelId && opening.polygon.every(inside)) refs.push({ kind: 'slab-opening', id: opening.id });
  return refs;
}

export function openingCentre(wall: { from: { xM: number; yM: number }; to: { xM: number; yM: number } }, offsetM: number): Point {
  const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM) || 1;
  const t = offsetM / length;
  return { x: wall.from.xM + t * (wall.to.xM - wall.from.xM), y: wall.from.yM + t * (wall.to.yM - wall.from.yM) };
}

function boxArea(polygon: readonly Point[]): number {
  const xs = polygon.map((point) => point.x);
  const ys = polygon.map((point) => point.y);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}

/** Directional APs (a model with an antenna pattern) show an orientation handle when selected. */
export function isDirectional(document: ProjectDocument, modelId: string): boolean {
  return document.apModels.some((model) => model.id === modelId && model.antennaPatternId !== null);
}

/** Where the orientation handle of a directional AP sits: on its boresight, three marker radii away. */
export function orientationHandle(ap: { position: { xM: number; yM: number }; azimuthDeg: number }, apRadiusM: number): Point {
  const angle = (ap.azimuthDeg * Math.PI) / 180;
  return { x: ap.position.xM + Math.cos(angle) * apRadiusM * 3, y: ap.position.yM + Math.sin(angle) * apRadiusM * 3 };
}
