/**
 * Draws a level on a PDF page inside a box, bottom to top: the heatmap (clipped to the level's zones), the imported
 * building plan, zones with their names, exclusion zones, walls in their material colour, numbered AP markers with
 * their names, a scale bar and a north arrow (plan up). Used by every map of every PDF. Coordinates: level metres (y down) → PDF points (y up).
 */
import { clip, closePath, concatTransformationMatrix, drawObject, endPath, lineTo, moveTo, popGraphicsState, pushGraphicsState, rectangle, rgb, type PDFPage, type PDFRef } from 'pdf-lib';
import type { GridSpec } from '../../../propagation/scene/types.ts';
import { t } from '../../i18n/index.ts';
import { cornerLabelPoint } from '../label-point.ts';
import type { PlanUnderlays, UnderlayResult } from './plan-underlay.ts';
import { levelExtentM, type ExtentM } from '../../model/level-extent.ts';
import { hexToRgb255 } from '../hex-colour.ts';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { ACCENT, INK, type PdfWriter } from './pdf-writer.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlanTransform {
  extent: ExtentM;
  scale: number;
  toPage(xM: number, yM: number): { x: number; y: number };
  box: Box;
}

/** A material colour (`#rrggbb`) as a pdf-lib colour. */
export function hexColour(hex: string) {
  const [r, g, b] = hexToRgb255(hex);
  return rgb(r / 255, g / 255, b / 255);
}

/** Points per metre on paper at 1:`denominator`. */
export const pointsPerMetre = (denominator: number) => 72 / 0.0254 / denominator;

const PRINT_SCALES = [50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500, 5000, 10000, 20000, 50000];

/** The largest standard printing scale (1:100, 1:200…) at which the level fits in the box. */
export function printScaleDenominator(extent: ExtentM, box: Pick<Box, 'width' | 'height'>): number {
  const fits = (denominator: number) => (extent.maxX - extent.minX) * pointsPerMetre(denominator) <= box.width && (extent.maxY - extent.minY) * pointsPerMetre(denominator) <= box.height;
  return PRINT_SCALES.find(fits) ?? PRINT_SCALES.at(-1)!;
}

/** The level fitted in the box, or at `denominator` (1:denominator) when given. */
export function planTransform(document: ProjectDocument, level: Level, box: Box, denominator?: number): PlanTransform {
  const extent = levelExtentM(document, level);
  const fitted = Math.min(box.width / (extent.maxX - extent.minX), box.height / (extent.maxY - extent.minY));
  const scale = denominator ? Math.min(fitted, pointsPerMetre(denominator)) : fitted;
  const offsetX = box.x + (box.width - (extent.maxX - extent.minX) * scale) / 2;
  const top = box.y + box.height - (box.height - (extent.maxY - extent.minY) * scale) / 2;
  return { extent, scale, box, toPage: (xM, yM) => ({ x: offsetX + (xM - extent.minX) * scale, y: top - (yM - extent.minY) * scale }) };
}

/** A nice scale-bar length (1, 2, 5 × 10ⁿ m) close to a fifth of the box. */
function scaleBarMetres(scale: number, boxWidth: number): number {
  const target = boxWidth / 5 / scale;
  const power = 10 ** Math.floor(Math.log10(target));
  return [1, 2, 5, 10].map((step) => step * power).reduce((best, value) => (Math.abs(value - target) < Math.abs(best - target) ? value : best));
}

export interface LevelMapLayers {
  /** The imported building plans (null: walls only). */
  underlays: PlanUnderlays | null;
  /** A heatmap image covering `grid`, clipped to the level's zones. */
  heatmap?: { image: PDFRef; grid: GridSpec } | null;
  /** Draw at 1:denominator (the implantation plans) instead of fitting the box. */
  denominator?: number;
}

function polygonOperators(polygon: readonly { xM: number; yM: number }[], toPage: PlanTransform['toPage']) {
  return polygon.map((point, index) => {
    const at = toPage(point.xM, point.yM);
    return index === 0 ? moveTo(at.x, at.y) : lineTo(at.x, at.y);
  }).concat(closePath());
}

/** The area a heatmap is painted on: the level's coverage and exclusion zones, or the whole map when it has none. */
function heatmapClip(document: ProjectDocument, level: Level, toPage: PlanTransform['toPage']) {
  const polygons = [...document.coverageZones, ...document.exclusionZones].filter((zone) => zone.levelId === level.id).map((zone) => zone.polygon);
  if (polygons.length === 0) return [];
  return [...polygons.flatMap((polygon) => polygonOperators(polygon, toPage)), clip(), endPath()];
}

export async function drawLevelPlan(writer: PdfWriter, page: PDFPage, document: ProjectDocument, level: Level, box: Box, apNumbers: Map<string, number>, layers: LevelMapLayers): Promise<PlanTransform & { underlay: UnderlayResult | 'none' }> {
  const transform = planTransform(document, level, box, layers.denominator);
  const { toPage, scale, extent } = transform;
  page.drawRectangle({ x: box.x, y: box.y, width: box.width, height: box.height, borderColor: rgb(0.8, 0.83, 0.87), borderWidth: 0.5 });
  const heatmap = layers.heatmap;
  if (heatmap) {
    const { grid, image } = heatmap;
    const name = page.node.newXObject('Carte', image);
    const corner = toPage(grid.originX, grid.originY + grid.ny * grid.resolutionM);
    const width = grid.nx * grid.resolutionM * scale;
    const height = grid.ny * grid.resolutionM * scale;
    page.pushOperators(pushGraphicsState(), rectangle(box.x, box.y, box.width, box.height), clip(), endPath(), ...heatmapClip(document, level, toPage), concatTransformationMatrix(width, 0, 0, height, corner.x, corner.y), drawObject(name), popGraphicsState());
  }
  const underlay = layers.underlays ? await layers.underlays.draw(page, level, transform) : 'none';
  if (underlay !== 'drawn' && underlay !== 'none') writer.text(t(`deliverables.planMissing.${underlay}`), box.x + 8, box.y + box.height - 14, 8.5, { color: rgb(0.7, 0.13, 0.13), page });
  const polygonPath = (polygon: { xM: number; yM: number }[]) => polygon.map((point, index) => `${index === 0 ? 'M' : 'L'} ${(point.xM - extent.minX) * scale} ${(point.yM - extent.minY) * scale}`).join(' ') + ' Z';
  const origin = toPage(extent.minX, extent.minY);
  for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) {
    page.drawSvgPath(polygonPath(zone.polygon), { x: origin.x, y: origin.y, color: heatmap ? undefined : rgb(0.18, 0.55, 0.34), opacity: 0.08, borderColor: rgb(0.18, 0.55, 0.34), borderWidth: 1, borderOpacity: 0.9, borderDashArray: [4, 3] });
  }
  for (const zone of document.exclusionZones.filter((candidate) => candidate.levelId === level.id)) {
    page.drawSvgPath(polygonPath(zone.polygon), { x: origin.x, y: origin.y, color: rgb(0.7, 0.13, 0.13), opacity: 0.12, borderColor: rgb(0.7, 0.13, 0.13), borderWidth: 1 });
  }
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  for (const wall of document.walls.filter((candidate) => candidate.levelId === level.id)) {
    const material = materials.get(wall.materialId);
    page.drawLine({ start: toPage(wall.from.xM, wall.from.yM), end: toPage(wall.to.xM, wall.to.yM), thickness: Math.max(1, (material?.thicknessM ?? 0.1) * scale * 0.8), color: material ? hexColour(material.color) : INK, opacity: 0.8 });
  }
  for (const zone of [...document.coverageZones, ...document.exclusionZones].filter((candidate) => candidate.levelId === level.id)) {
    const size = 7;
    const at = cornerLabelPoint(zone.polygon, 5 / scale);
    const position = toPage(at.xM, at.yM);
    const width = writer.textWidth(zone.name, size, true);
    page.drawRectangle({ x: position.x - 1.5, y: position.y - size - 1.5, width: width + 3, height: size + 3, color: rgb(1, 1, 1), opacity: 0.8 });
    writer.text(zone.name, position.x, position.y - size + 0.5, size, { bold: true, color: rgb(0.11, 0.37, 0.23), page });
  }
  for (const ap of document.accessPoints.filter((candidate) => candidate.levelId === level.id)) {
    const at = toPage(ap.position.xM, ap.position.yM);
    const label = String(apNumbers.get(ap.id) ?? '?');
    page.drawCircle({ x: at.x, y: at.y, size: 9, color: ACCENT, borderColor: rgb(1, 1, 1), borderWidth: 1.5 });
    writer.text(label, at.x - writer.textWidth(label, 9, true) / 2, at.y - 3.2, 9, { bold: true, color: rgb(1, 1, 1), page });
    const nameWidth = writer.textWidth(ap.name, 8, true);
    page.drawRectangle({ x: at.x + 11, y: at.y + 2, width: nameWidth + 3, height: 10, color: rgb(1, 1, 1), opacity: 0.8 });
    writer.text(ap.name, at.x + 12.5, at.y + 4, 8, { bold: true, color: INK, page });
  }
  // Scale bar and north arrow (the plan's top is taken as north unless the plan says otherwise).
  const metres = scaleBarMetres(scale, box.width);
  const barX = box.x + 12;
  const barY = box.y + 14;
  page.drawRectangle({ x: barX, y: barY, width: metres * scale, height: 4, color: INK });
  writer.text(`${metres} m`, barX + metres * scale + 6, barY - 1, 9, { page });
  const northX = box.x + box.width - 22;
  const northY = box.y + box.height - 40;
  page.drawLine({ start: { x: northX, y: northY }, end: { x: northX, y: northY + 24 }, thickness: 1.5, color: INK });
  page.drawSvgPath('M 0 0 L -5 9 L 5 9 Z', { x: northX, y: northY + 30, color: INK });
  writer.text('N', northX - 3.5, northY - 12, 10, { bold: true, page });
  return { ...transform, underlay };
}
