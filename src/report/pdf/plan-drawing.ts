/**
 * Draws a level on a PDF page inside a box: zones, exclusion zones, walls in their material colour, numbered AP
 * markers with their names, a scale bar and a north arrow (plan up). Used by the implantation-plan and heatmap
 * pages. Coordinates: level metres (y down) → PDF points (y up).
 */
import { rgb, type PDFImage, type PDFPage } from 'pdf-lib';
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

export function planTransform(document: ProjectDocument, level: Level, box: Box): PlanTransform {
  const extent = levelExtentM(document, level);
  const scale = Math.min(box.width / (extent.maxX - extent.minX), box.height / (extent.maxY - extent.minY));
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

export function drawLevelPlan(writer: PdfWriter, page: PDFPage, document: ProjectDocument, level: Level, box: Box, apNumbers: Map<string, number>, heatmap: PDFImage | null = null): PlanTransform {
  const transform = planTransform(document, level, box);
  const { toPage, scale, extent } = transform;
  page.drawRectangle({ x: box.x, y: box.y, width: box.width, height: box.height, borderColor: rgb(0.8, 0.83, 0.87), borderWidth: 0.5 });
  if (heatmap) {
    const corner = toPage(extent.minX, extent.maxY);
    page.drawImage(heatmap, { x: corner.x, y: corner.y, width: (extent.maxX - extent.minX) * scale, height: (extent.maxY - extent.minY) * scale, opacity: 0.75 });
  }
  const polygonPath = (polygon: { xM: number; yM: number }[]) => polygon.map((point, index) => `${index === 0 ? 'M' : 'L'} ${(point.xM - extent.minX) * scale} ${(point.yM - extent.minY) * scale}`).join(' ') + ' Z';
  const origin = toPage(extent.minX, extent.minY);
  if (!heatmap) {
    for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) {
      page.drawSvgPath(polygonPath(zone.polygon), { x: origin.x, y: origin.y, color: rgb(0.18, 0.55, 0.34), opacity: 0.12, borderColor: rgb(0.18, 0.55, 0.34), borderWidth: 1, borderOpacity: 0.8, borderDashArray: [4, 3] });
    }
  }
  for (const zone of document.exclusionZones.filter((candidate) => candidate.levelId === level.id)) {
    page.drawSvgPath(polygonPath(zone.polygon), { x: origin.x, y: origin.y, color: rgb(0.7, 0.13, 0.13), opacity: 0.12, borderColor: rgb(0.7, 0.13, 0.13), borderWidth: 1 });
  }
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  for (const wall of document.walls.filter((candidate) => candidate.levelId === level.id)) {
    const material = materials.get(wall.materialId);
    page.drawLine({ start: toPage(wall.from.xM, wall.from.yM), end: toPage(wall.to.xM, wall.to.yM), thickness: Math.max(1.2, (material?.thicknessM ?? 0.1) * scale), color: material ? hexColour(material.color) : INK });
  }
  for (const ap of document.accessPoints.filter((candidate) => candidate.levelId === level.id)) {
    const at = toPage(ap.position.xM, ap.position.yM);
    const label = String(apNumbers.get(ap.id) ?? '?');
    page.drawCircle({ x: at.x, y: at.y, size: 9, color: ACCENT, borderColor: rgb(1, 1, 1), borderWidth: 1.5 });
    writer.text(label, at.x - writer.textWidth(label, 9, true) / 2, at.y - 3.2, 9, { bold: true, color: rgb(1, 1, 1), page });
    writer.text(ap.name, at.x + 12, at.y + 4, 8, { bold: true, color: INK, page });
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
  return transform;
}
