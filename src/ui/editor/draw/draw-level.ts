/**
 * Canvas 2D drawing of a level's content in the level frame (the context already carries the view transform).
 * Sizes meant in screen pixels are divided by `scale` (pixels per metre). Everything of one colour goes in one
 * path, so a 2,000-wall level costs a handful of strokes per frame.
 */
import { AP_PICK_RADIUS_PX, openingCentre, orientationHandle } from '../../../editor/hit-test.ts';
import type { ProjectDocument } from '../../../model/schema.ts';

type Ctx = CanvasRenderingContext2D;
type Polygon = readonly { xM: number; yM: number }[];

function tracePolygon(ctx: Ctx, polygon: Polygon) {
  polygon.forEach((point, index) => (index === 0 ? ctx.moveTo(point.xM, point.yM) : ctx.lineTo(point.xM, point.yM)));
  ctx.closePath();
}

export function drawAreas(ctx: Ctx, document: ProjectDocument, levelId: string, scale: number) {
  const layers: [Polygon[], string, string, number[]][] = [
    [document.coverageZones.filter((zone) => zone.levelId === levelId).map((zone) => zone.polygon), 'rgba(46, 139, 87, 0.12)', '#2e8b57', [6, 4]],
    [document.attenuationAreas.filter((area) => area.levelId === levelId).map((area) => area.polygon), 'rgba(150, 110, 40, 0.16)', '#8a6420', [2, 3]],
    [document.mountingAreas.filter((area) => area.levelId === levelId).map((area) => area.polygon), 'rgba(30, 90, 200, 0.10)', '#1e5ac8', [1, 3]],
    [document.exclusionZones.filter((zone) => zone.levelId === levelId).map((zone) => zone.polygon), 'rgba(178, 34, 34, 0.14)', '#b22222', []],
    [document.slabOpenings.filter((opening) => opening.levelId === levelId).map((opening) => opening.polygon), 'rgba(80, 80, 110, 0.18)', '#3c3c5a', [9, 3, 2, 3]],
  ];
  for (const [polygons, fill, stroke, dash] of layers) {
    if (polygons.length === 0) continue;
    ctx.beginPath();
    for (const polygon of polygons) tracePolygon(ctx, polygon);
    ctx.fillStyle = fill;
    ctx.fill('evenodd');
    ctx.setLineDash(dash.map((value) => value / scale));
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 1.5 / scale;
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Thinnest a wall is drawn, and the white casing on each side (screen pixels). */
const WALL_MIN_PX = 3;
const WALL_CASING_PX = 1.5;

export function drawWalls(ctx: Ctx, document: ProjectDocument, levelId: string, scale: number) {
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const byMaterial = new Map<string, ProjectDocument['walls']>();
  for (const wall of document.walls) {
    if (wall.levelId !== levelId) continue;
    const list = byMaterial.get(wall.materialId) ?? [];
    list.push(wall);
    byMaterial.set(wall.materialId, list);
  }
  ctx.lineCap = 'round';
  // Each material's walls in one path, first as a white casing 2 px wider, then in the material's colour: drawn
  // walls stand out from the plan's own black and grey lines whatever the material.
  const paths = [...byMaterial].map(([materialId, walls]) => {
    const material = materials.get(materialId);
    const path = new Path2D();
    for (const wall of walls) {
      path.moveTo(wall.from.xM, wall.from.yM);
      path.lineTo(wall.to.xM, wall.to.yM);
    }
    return { path, colour: material?.color ?? '#333333', width: Math.max(material?.thicknessM ?? 0.1, WALL_MIN_PX / scale) };
  });
  ctx.strokeStyle = '#ffffff';
  for (const { path, width } of paths) {
    ctx.lineWidth = width + (2 * WALL_CASING_PX) / scale;
    ctx.stroke(path);
  }
  for (const { path, colour, width } of paths) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke(path);
  }
  const walls = new Map(document.walls.map((wall) => [wall.id, wall]));
  ctx.beginPath();
  for (const opening of document.openings) {
    const wall = walls.get(opening.wallId);
    if (!wall || opening.levelId !== levelId) continue;
    const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM) || 1;
    const ux = (wall.to.xM - wall.from.xM) / length;
    const uy = (wall.to.yM - wall.from.yM) / length;
    const centre = openingCentre(wall, opening.offsetM);
    ctx.moveTo(centre.x - (ux * opening.widthM) / 2, centre.y - (uy * opening.widthM) / 2);
    ctx.lineTo(centre.x + (ux * opening.widthM) / 2, centre.y + (uy * opening.widthM) / 2);
  }
  ctx.strokeStyle = '#f4f1e8';
  ctx.lineWidth = 2 / scale;
  ctx.stroke();
}

export const AP_RADIUS_PX = 9;

export function drawAccessPoints(ctx: Ctx, document: ProjectDocument, levelId: string, scale: number, selected: ReadonlySet<string>) {
  const radius = AP_RADIUS_PX / scale;
  const patterned = new Set(document.apModels.filter((model) => model.antennaPatternId).map((model) => model.id));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const aps = document.accessPoints.filter((ap) => ap.levelId === levelId);
  aps.forEach((ap, index) => {
    const { xM: x, yM: y } = ap.position;
    if (patterned.has(ap.modelId)) {
      const angle = (ap.azimuthDeg * Math.PI) / 180;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.arc(x, y, radius * 2.4, angle - 0.5, angle + 0.5);
      ctx.closePath();
      ctx.fillStyle = 'rgba(11, 92, 173, 0.35)';
      ctx.fill();
    }
    if (patterned.has(ap.modelId) && selected.has(ap.id)) {
      const handle = orientationHandle(ap, AP_PICK_RADIUS_PX / scale);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(handle.x, handle.y);
      ctx.strokeStyle = '#e8590c';
      ctx.lineWidth = 2 / scale;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(handle.x, handle.y, 5 / scale, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = selected.has(ap.id) ? '#e8590c' : '#0b5cad';
    ctx.fill();
    ctx.lineWidth = 2 / scale;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold ${10 / scale}px system-ui, sans-serif`;
    ctx.fillText(String(index + 1), x, y);
    ctx.fillStyle = '#0b2545';
    ctx.font = `${11 / scale}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.fillText(ap.name, x + radius * 1.3, y - radius);
    ctx.textAlign = 'center';
  });
}

/** Selected walls and areas, outlined over everything else. */
export function drawSelection(ctx: Ctx, document: ProjectDocument, levelId: string, scale: number, selected: ReadonlySet<string>) {
  if (selected.size === 0) return;
  ctx.beginPath();
  for (const wall of document.walls) {
    if (wall.levelId !== levelId || !selected.has(wall.id)) continue;
    ctx.moveTo(wall.from.xM, wall.from.yM);
    ctx.lineTo(wall.to.xM, wall.to.yM);
  }
  for (const zone of [...document.coverageZones, ...document.exclusionZones, ...document.attenuationAreas, ...document.mountingAreas, ...document.slabOpenings])
    if (zone.levelId === levelId && selected.has(zone.id)) tracePolygon(ctx, zone.polygon);
  ctx.strokeStyle = '#e8590c';
  ctx.lineWidth = 2.5 / scale;
  ctx.setLineDash([5 / scale, 3 / scale]);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Survey points of the level, as small dark dots (the measured positions). */
export function drawSurveyPoints(ctx: Ctx, document: ProjectDocument, levelId: string, scale: number) {
  ctx.beginPath();
  for (const survey of document.surveys) {
    if (survey.levelId !== levelId) continue;
    for (const point of survey.points) {
      ctx.moveTo(point.position.xM + 3 / scale, point.position.yM);
      ctx.arc(point.position.xM, point.position.yM, 3 / scale, 0, 2 * Math.PI);
    }
  }
  ctx.fillStyle = 'rgba(40, 40, 40, 0.75)';
  ctx.fill();
}

/** Non-Wi-Fi sources: red diamonds with their name. */
export function drawSources(ctx: Ctx, document: ProjectDocument, levelId: string, scale: number, selected: ReadonlySet<string>) {
  const size = 8 / scale;
  for (const source of document.interferenceSources) {
    if (source.levelId !== levelId) continue;
    const { xM: x, yM: y } = source.position;
    ctx.beginPath();
    ctx.moveTo(x, y - size);
    ctx.lineTo(x + size, y);
    ctx.lineTo(x, y + size);
    ctx.lineTo(x - size, y);
    ctx.closePath();
    ctx.fillStyle = selected.has(source.id) ? '#e8590c' : '#c92a2a';
    ctx.fill();
    ctx.lineWidth = 1.5 / scale;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#5c0a0a';
    ctx.font = `${11 / scale}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(source.name, x + size * 1.3, y);
  }
}
