/**
 * Undoable edits made by the floor-plan editor's tools and panels. Each returns an Action (label + immer recipe);
 * the editor sends it through the document store, so undo/redo covers every one of them.
 */
import type { Draft } from 'immer';
import type { AccessPoint, Opening, PlanSource, PointM, ProjectDocument, Wall } from '../model/schema.ts';
import type { Point } from '../editor/geometry.ts';
import { projectOnSegment } from '../editor/geometry.ts';
import type { Action } from './study-actions.ts';
import { turnedSize } from '../model/plan-frame.ts';
import { displayMetersPerUnit } from '../model/plan-scale.ts';
import { normalizeDegrees } from '../model/geometry.ts';

const toM = (point: Point): PointM => ({ xM: point.x, yM: point.y });

/** Separate walls, each with its material (wall suggestion); zero-length ones dropped. */
/**
 * Walls from segments, with the door openings a segment carries (distances from `a`, recognised on a plan) as doors
 * of `doors.materialId`, 2.04 m high; without `doors`, openings are left out.
 */
export function addWalls(levelId: string, segments: readonly { a: Point; b: Point; materialId: string; doors?: readonly (readonly [number, number])[] }[], ids: () => string, label: string, doors: { materialId: string; ids: () => string } | null = null): Action {
  const kept = segments.filter(({ a, b }) => Math.hypot(b.x - a.x, b.y - a.y) >= 1e-3);
  const walls: Wall[] = kept.map(({ a, b, materialId }) => ({ id: ids(), levelId, from: toM(a), to: toM(b), materialId, bottomM: null, topM: null }));
  const openings: Opening[] = doors
    ? kept.flatMap((segment, index) =>
        (segment.doors ?? []).map(([from, to]) => ({ id: doors.ids(), levelId, wallId: walls[index]!.id, kind: 'porte' as const, offsetM: (from + to) / 2, widthM: to - from, materialId: doors.materialId, bottomM: 0, topM: DOOR_HEIGHT_M })),
      )
    : [];
  return {
    label,
    recipe: (draft) => {
      draft.walls.push(...walls);
      draft.openings.push(...openings);
    },
  };
}

/** Height of a door recognised on a plan (a standard leaf). */
const DOOR_HEIGHT_M = 2.04;

export type PolygonKind = 'zone' | 'exclusion' | 'attenuation' | 'mounting' | 'slab-opening';

/** Walls along a polyline (one wall per segment; zero-length segments dropped). */
export function addWallPolyline(levelId: string, points: readonly Point[], materialId: string, ids: () => string, label: string): Action {
  const walls: Wall[] = [];
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1]!;
    const to = points[index]!;
    if (Math.hypot(to.x - from.x, to.y - from.y) < 1e-3) continue;
    walls.push({ id: ids(), levelId, from: toM(from), to: toM(to), materialId, bottomM: null, topM: null });
  }
  return { label, recipe: (draft) => void draft.walls.push(...walls) };
}

export interface PolygonDefaults {
  name: string;
  requirementProfileId: string;
}

export function addPolygon(levelId: string, kind: PolygonKind, points: readonly Point[], id: string, defaults: PolygonDefaults, label: string): Action {
  const polygon = points.map(toM);
  return {
    label,
    recipe: (draft) => {
      if (kind === 'zone')
        draft.coverageZones.push({ id, levelId, name: defaults.name, polygon, requirementProfileId: defaults.requirementProfileId, userCount: 0, userProfile: '', throughputPerUserMbps: 2 });
      else if (kind === 'exclusion') draft.exclusionZones.push({ id, levelId, name: defaults.name, polygon, reason: '' });
      else if (kind === 'mounting') draft.mountingAreas.push({ id, levelId, name: defaults.name, polygon });
      else if (kind === 'slab-opening') draft.slabOpenings.push({ id, levelId, name: defaults.name, polygon });
      else draft.attenuationAreas.push({ id, levelId, name: defaults.name, polygon, lossDbPerM: { '2.4': 1, '5': 1.5, '6': 1.8 } });
    },
  };
}

export function addAccessPoint(ap: AccessPoint, label: string): Action {
  return { label, recipe: (draft) => void draft.accessPoints.push(ap) };
}

/** Translates every listed item (APs, walls, zones, areas, interference sources); openings follow their wall. */
export function moveItemsRecipe(ids: ReadonlySet<string>, dx: number, dy: number) {
  const shift = (point: Draft<PointM>) => {
    point.xM += dx;
    point.yM += dy;
  };
  return (draft: Draft<ProjectDocument>) => {
    for (const ap of draft.accessPoints) if (ids.has(ap.id)) shift(ap.position);
    for (const source of draft.interferenceSources) if (ids.has(source.id)) shift(source.position);
    for (const wall of draft.walls) {
      if (!ids.has(wall.id)) continue;
      shift(wall.from);
      shift(wall.to);
    }
    for (const list of [draft.coverageZones, draft.exclusionZones, draft.attenuationAreas, draft.mountingAreas, draft.slabOpenings])
      for (const zone of list) if (ids.has(zone.id)) zone.polygon.forEach(shift);
  };
}

/** Removes the items; a wall takes its openings with it. */
export function deleteItems(ids: ReadonlySet<string>, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      draft.walls = draft.walls.filter((wall) => !ids.has(wall.id));
      draft.openings = draft.openings.filter((opening) => !ids.has(opening.id) && !ids.has(opening.wallId));
      draft.accessPoints = draft.accessPoints.filter((ap) => !ids.has(ap.id));
      draft.coverageZones = draft.coverageZones.filter((zone) => !ids.has(zone.id));
      draft.exclusionZones = draft.exclusionZones.filter((zone) => !ids.has(zone.id));
      draft.mountingAreas = draft.mountingAreas.filter((area) => !ids.has(area.id));
      draft.slabOpenings = draft.slabOpenings.filter((opening) => !ids.has(opening.id));
      draft.attenuationAreas = draft.attenuationAreas.filter((area) => !ids.has(area.id));
      draft.interferenceSources = draft.interferenceSources.filter((source) => !ids.has(source.id));
    },
  };
}

export function setWallsMaterial(wallIds: ReadonlySet<string>, materialId: string, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      for (const wall of draft.walls) if (wallIds.has(wall.id)) wall.materialId = materialId;
    },
  };
}

/** Splits a wall at the projection of `at`; its openings go to the piece that holds their centre. */
export function splitWall(document: ProjectDocument, wallId: string, at: Point, newWallId: string, label: string): Action | null {
  const wall = document.walls.find((candidate) => candidate.id === wallId);
  if (!wall) return null;
  const a = { x: wall.from.xM, y: wall.from.yM };
  const b = { x: wall.to.xM, y: wall.to.yM };
  const { t, point } = projectOnSegment(at, a, b);
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const splitM = t * length;
  if (splitM < 0.05 || length - splitM < 0.05) return null;
  return {
    label,
    recipe: (draft) => {
      const target = draft.walls.find((candidate) => candidate.id === wallId)!;
      const second: Wall = { id: newWallId, levelId: target.levelId, materialId: target.materialId, bottomM: target.bottomM, topM: target.topM, from: toM(point), to: { xM: target.to.xM, yM: target.to.yM } };
      target.to = toM(point);
      draft.walls.push(second);
      for (const opening of draft.openings) {
        if (opening.wallId !== wallId || opening.offsetM <= splitM) continue;
        opening.wallId = newWallId;
        opening.offsetM -= splitM;
      }
    },
  };
}

/**
 * Joins two walls of the same material that share an end and are collinear (within 1°) into one; openings keep
 * their place. Returns null when the walls cannot be joined.
 */
export function joinWalls(document: ProjectDocument, firstId: string, secondId: string, label: string): Action | null {
  const first = document.walls.find((wall) => wall.id === firstId);
  const second = document.walls.find((wall) => wall.id === secondId);
  if (!first || !second || first.levelId !== second.levelId) return null;
  const ends = (wall: Wall) => [wall.from, wall.to] as const;
  const same = (p: PointM, q: PointM) => Math.hypot(p.xM - q.xM, p.yM - q.yM) < 0.02;
  let shared: [PointM, PointM, PointM] | null = null; // [far end of first, shared point, far end of second]
  for (const [i, p] of ends(first).entries())
    for (const [j, q] of ends(second).entries()) if (same(p, q)) shared = [ends(first)[1 - i]!, p, ends(second)[1 - j]!];
  if (!shared) return null;
  const [start, middle, end] = shared;
  const angle = (p: PointM, q: PointM) => Math.atan2(q.yM - p.yM, q.xM - p.xM);
  let turn = Math.abs(angle(start, middle) - angle(middle, end));
  if (turn > Math.PI) turn = 2 * Math.PI - turn;
  if (turn > (1 * Math.PI) / 180) return null;
  const firstLength = Math.hypot(middle.xM - start.xM, middle.yM - start.yM);
  const firstReversed = !same(first.from, start);
  const secondReversed = !same(second.from, middle);
  const secondLength = Math.hypot(end.xM - middle.xM, end.yM - middle.yM);
  return {
    label,
    recipe: (draft) => {
      const target = draft.walls.find((wall) => wall.id === firstId)!;
      target.from = { ...start };
      target.to = { ...end };
      for (const opening of draft.openings as Opening[]) {
        if (opening.wallId === firstId && firstReversed) opening.offsetM = firstLength - opening.offsetM;
        if (opening.wallId === secondId) {
          opening.wallId = firstId;
          opening.offsetM = firstLength + (secondReversed ? secondLength - opening.offsetM : opening.offsetM);
        }
      }
      draft.walls = draft.walls.filter((wall) => wall.id !== secondId);
    },
  };
}

export function addOpening(document: ProjectDocument, wallId: string, at: Point, kind: Opening['kind'], id: string, materialId: string, label: string): Action | null {
  const wall = document.walls.find((candidate) => candidate.id === wallId);
  if (!wall) return null;
  const a = { x: wall.from.xM, y: wall.from.yM };
  const b = { x: wall.to.xM, y: wall.to.yM };
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const widthM = Math.min(kind === 'porte' ? 0.9 : 1.2, length);
  const offsetM = Math.max(widthM / 2, Math.min(length - widthM / 2, projectOnSegment(at, a, b).t * length));
  const opening: Opening = { id, levelId: wall.levelId, wallId, kind, offsetM, widthM, materialId, bottomM: kind === 'porte' ? 0 : 0.9, topM: kind === 'porte' ? 2.1 : 2.2 };
  return { label, recipe: (draft) => void draft.openings.push(opening) };
}

/**
 * Sets the level's scale. Geometry already drawn was placed on the plan, so it is rescaled with it (about the plan's
 * origin) and stays on the same plan features.
 */
export function calibrateLevel(levelId: string, metersPerUnit: number, previousMetersPerUnit: number, label: string): Action {
  const ratio = metersPerUnit / previousMetersPerUnit;
  const scale = (point: Draft<PointM>) => {
    point.xM *= ratio;
    point.yM *= ratio;
  };
  return {
    label,
    recipe: (draft) => {
      const level = draft.levels.find((candidate) => candidate.id === levelId);
      if (!level) return;
      level.metersPerUnit = metersPerUnit;
      if (Math.abs(ratio - 1) < 1e-12) return;
      const onLevel = <T extends { levelId: string }>(items: T[]) => items.filter((item) => item.levelId === levelId);
      const polygons: Draft<PointM>[][] = [...onLevel(draft.coverageZones), ...onLevel(draft.exclusionZones), ...onLevel(draft.attenuationAreas), ...onLevel(draft.mountingAreas), ...onLevel(draft.slabOpenings)].map((zone) => zone.polygon);
      for (const wall of onLevel(draft.walls)) [wall.from, wall.to].forEach(scale);
      for (const opening of onLevel(draft.openings)) {
        opening.offsetM *= ratio;
        opening.widthM *= ratio;
      }
      for (const polygon of polygons) polygon.forEach(scale);
      for (const ap of onLevel(draft.accessPoints)) scale(ap.position);
      for (const source of onLevel(draft.interferenceSources)) scale(source.position);
      for (const survey of onLevel(draft.surveys)) for (const point of survey.points) scale(point.position);
    },
  };
}

export function setLevelPlan(levelId: string, plan: PlanSource, assets: ProjectDocument['assets'], metersPerUnit: number | null, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const level = draft.levels.find((candidate) => candidate.id === levelId);
      if (!level) return;
      for (const asset of assets) if (!draft.assets.some((known) => known.sha256 === asset.sha256)) draft.assets.push(asset);
      level.plan = plan;
      if (metersPerUnit !== null) level.metersPerUnit = metersPerUnit;
    },
  };
}

/** Pastes copies of items shifted by (dx, dy), with fresh ids; returns the action and the new ids. */
export function pasteItems(items: ClipboardItems, levelId: string, dx: number, dy: number, ids: () => string, label: string): { action: Action; newIds: string[] } {
  const newIds: string[] = [];
  const moved = (point: PointM): PointM => ({ xM: point.xM + dx, yM: point.yM + dy });
  const copy = <T extends { id: string; levelId: string }>(item: T, patch: (id: string) => Partial<T>): T => {
    const id = ids();
    newIds.push(id);
    return { ...item, id, levelId, ...patch(id) };
  };
  const movedPolygon = <T extends { polygon: PointM[] }>(area: T) => ({ polygon: area.polygon.map(moved) }) as Partial<T>;
  const walls = items.walls.map((wall) => copy(wall, () => ({ from: moved(wall.from), to: moved(wall.to) })));
  const aps = items.accessPoints.map((ap) =>
    copy(ap, (id) => ({ name: `${ap.name} (copie)`, position: moved(ap.position), locked: false, bssidPrefix: '', radios: ap.radios.map((radio) => ({ ...radio, id: `${id}-${radio.band}` })) })),
  );
  const zones = items.coverageZones.map((zone) => copy(zone, () => movedPolygon(zone)));
  const exclusions = items.exclusionZones.map((zone) => copy(zone, () => movedPolygon(zone)));
  const areas = items.attenuationAreas.map((area) => copy(area, () => movedPolygon(area)));
  const mounting = items.mountingAreas.map((area) => copy(area, () => movedPolygon(area)));
  const slabOpenings = items.slabOpenings.map((opening) => copy(opening, () => movedPolygon(opening)));
  return {
    newIds,
    action: {
      label,
      recipe: (draft) => {
        draft.walls.push(...walls);
        draft.accessPoints.push(...aps);
        draft.coverageZones.push(...zones);
        draft.exclusionZones.push(...exclusions);
        draft.attenuationAreas.push(...areas);
        draft.mountingAreas.push(...mounting);
        draft.slabOpenings.push(...slabOpenings);
      },
    },
  };
}

export interface ClipboardItems {
  walls: Wall[];
  accessPoints: AccessPoint[];
  coverageZones: ProjectDocument['coverageZones'];
  exclusionZones: ProjectDocument['exclusionZones'];
  attenuationAreas: ProjectDocument['attenuationAreas'];
  mountingAreas: ProjectDocument['mountingAreas'];
  slabOpenings: ProjectDocument['slabOpenings'];
}

export function copyItems(document: ProjectDocument, ids: ReadonlySet<string>): ClipboardItems {
  return {
    walls: document.walls.filter((wall) => ids.has(wall.id)),
    accessPoints: document.accessPoints.filter((ap) => ids.has(ap.id)),
    coverageZones: document.coverageZones.filter((zone) => ids.has(zone.id)),
    exclusionZones: document.exclusionZones.filter((zone) => ids.has(zone.id)),
    attenuationAreas: document.attenuationAreas.filter((area) => ids.has(area.id)),
    mountingAreas: document.mountingAreas.filter((area) => ids.has(area.id)),
    slabOpenings: document.slabOpenings.filter((opening) => ids.has(opening.id)),
  };
}

/** A generic patch of an AP's own fields (panel edits). */
export function updateAccessPoint(apId: string, patch: Partial<Pick<AccessPoint, 'name' | 'mountingHeightM' | 'azimuthDeg' | 'tiltDeg' | 'locked' | 'modelId' | 'bssidPrefix' | 'position'>>, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const ap = draft.accessPoints.find((candidate) => candidate.id === apId);
      if (ap) Object.assign(ap, patch);
    },
  };
}

export function updateRadio(apId: string, radioId: string, patch: Partial<Pick<AccessPoint['radios'][number], 'channel' | 'widthMHz' | 'txPowerDbm' | 'enabled'>>, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const radio = draft.accessPoints.find((ap) => ap.id === apId)?.radios.find((candidate) => candidate.id === radioId);
      if (radio) Object.assign(radio, patch);
    },
  };
}

export function updateZone(zoneId: string, patch: Partial<Pick<ProjectDocument['coverageZones'][number], 'name' | 'requirementProfileId' | 'userCount'>>, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const zone = draft.coverageZones.find((candidate) => candidate.id === zoneId);
      if (zone) Object.assign(zone, patch);
    },
  };
}

/**
 * Turns the level's plan a quarter turn clockwise, and everything drawn on the level with it, so it stays on the
 * same plan features; directional APs turn too. The level's alignment on the one below, and the alignment of the
 * level placed on this one, are corrected so the building stays stacked as before.
 */
export function rotatePlanQuarter(document: ProjectDocument, levelId: string, label: string): Action | null {
  const level = document.levels.find((candidate) => candidate.id === levelId);
  if (!level?.plan) return null;
  const frameHeightM = turnedSize(level.plan).height * displayMetersPerUnit(level);
  // p_new = Q p_old + q with Q the quarter turn (x, y) → (−y, x) and q = (H, 0).
  const turn = (point: Draft<PointM>) => {
    const x = point.xM;
    point.xM = frameHeightM - point.yM;
    point.yM = x;
  };
  const above = document.levels
    .filter((candidate) => candidate.buildingId === level.buildingId && candidate.elevationM > level.elevationM)
    .sort((a, b) => a.elevationM - b.elevationM)[0];
  return {
    label,
    recipe: (draft) => {
      const target = draft.levels.find((candidate) => candidate.id === levelId)!;
      target.plan!.rotationDeg = (((target.plan!.rotationDeg + 90) % 360) as 0 | 90 | 180 | 270);
      const onLevel = <T extends { levelId: string }>(items: T[]) => items.filter((item) => item.levelId === levelId);
      for (const wall of onLevel(draft.walls)) [wall.from, wall.to].forEach(turn);
      const polygons: Draft<PointM>[][] = [...onLevel(draft.coverageZones), ...onLevel(draft.exclusionZones), ...onLevel(draft.attenuationAreas), ...onLevel(draft.mountingAreas), ...onLevel(draft.slabOpenings)].map((zone) => zone.polygon);
      for (const polygon of polygons) polygon.forEach(turn);
      for (const ap of onLevel(draft.accessPoints)) {
        turn(ap.position);
        ap.azimuthDeg = (ap.azimuthDeg + 90) % 360;
      }
      for (const source of onLevel(draft.interferenceSources)) turn(source.position);
      for (const survey of onLevel(draft.surveys)) for (const point of survey.points) turn(point.position);
      // p_below = R p_old + o = R Q⁻¹ (p_new − q) + o: rotation − 90°, offset o − R Q⁻¹ q.
      if (target.alignment) {
        const r = (target.alignment.rotationDeg * Math.PI) / 180;
        // Q⁻¹ q = (0, −H); R (0, −H) = (H sin r, −H cos r).
        target.alignment.offsetXM -= frameHeightM * Math.sin(r);
        target.alignment.offsetYM += frameHeightM * Math.cos(r);
        target.alignment.rotationDeg = normalizeDegrees(target.alignment.rotationDeg - 90);
      }
      // The level above: p_old = R_a p_above + o_a → p_new = Q R_a p_above + Q o_a + q.
      const upper = above ? draft.levels.find((candidate) => candidate.id === above.id) : undefined;
      if (upper) {
        const alignment = upper.alignment ?? { offsetXM: 0, offsetYM: 0, rotationDeg: 0 };
        const { offsetXM: ox, offsetYM: oy } = alignment;
        upper.alignment = { rotationDeg: normalizeDegrees(alignment.rotationDeg + 90), offsetXM: frameHeightM - oy, offsetYM: ox };
      }
    },
  };
}

/** Sets (or clears, with null) the visible part of the level's plan, in picture units. */
export function setPlanCrop(levelId: string, crop: PlanSource['crop'], label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const plan = draft.levels.find((candidate) => candidate.id === levelId)?.plan;
      if (plan) plan.crop = crop;
    },
  };
}

export function setLevelAlignment(levelId: string, alignment: { offsetXM: number; offsetYM: number; rotationDeg: number } | null, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const level = draft.levels.find((candidate) => candidate.id === levelId);
      if (level) level.alignment = alignment;
    },
  };
}
