/**
 * One level's implantation plan as editable shapes on an A3 landscape sheet (centimetres, y down), for the ODG and
 * VSDX files: the building plan as a picture, then zones, walls, numbered APs and their names, the legend, the AP list
 * and the title block as separate shapes a draughtsman can move. The same layout and print scale as the PDF plan.
 */
import { frenchTypography } from '../../i18n/typography.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { levelExtentM } from '../../model/level-extent.ts';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { cornerLabelPoint } from '../label-point.ts';
import { printScaleDenominator } from '../pdf/plan-drawing.ts';
import type { StudyReportData } from '../report-data.ts';
import type { TitleBlock } from '../sections/implantation-page.ts';
import { titleBlockRows } from '../sections/title-block-rows.ts';

export const SHEET_CM = { width: 42, height: 29.7 };
const MARGIN = 1.5;
const PANEL = 9.5;
const PLAN_BOX = { x: MARGIN, y: 3, width: SHEET_CM.width - 2 * MARGIN - PANEL - 0.5, height: SHEET_CM.height - 3 - MARGIN };

export type Shape =
  | { kind: 'image'; name: string; x: number; y: number; width: number; height: number; png: Uint8Array }
  | { kind: 'line'; name: string; x1: number; y1: number; x2: number; y2: number; colour: string; widthCm: number }
  | { kind: 'polygon'; name: string; points: [number, number][]; stroke: string; fill: string; fillOpacity: number; dashed: boolean }
  | { kind: 'circle'; name: string; cx: number; cy: number; r: number; fill: string; stroke: string; text: string }
  | { kind: 'text'; name: string; x: number; y: number; width: number; height: number; text: string; sizePt: number; bold: boolean; colour: string };

export interface PlanSheet {
  title: string;
  shapes: Shape[];
  denominator: number;
}

/** `planPng` is the building plan's picture over its crop box (null when the study has none). */
export function planSheet(document: ProjectDocument, data: StudyReportData, level: Level, block: TitleBlock, planPng: { png: Uint8Array; box: { minX: number; minY: number; maxX: number; maxY: number } } | null): PlanSheet {
  const extent = levelExtentM(document, level);
  const denominator = printScaleDenominator(extent, { width: (PLAN_BOX.width / 2.54) * 72, height: (PLAN_BOX.height / 2.54) * 72 });
  const k = 100 / denominator;
  const ox = PLAN_BOX.x + (PLAN_BOX.width - (extent.maxX - extent.minX) * k) / 2;
  const oy = PLAN_BOX.y + (PLAN_BOX.height - (extent.maxY - extent.minY) * k) / 2;
  const x = (xM: number) => ox + (xM - extent.minX) * k;
  const y = (yM: number) => oy + (yM - extent.minY) * k;
  const shapes: Shape[] = [];
  const text = (name: string, left: number, top: number, width: number, value: string, sizePt: number, bold = false, colour = '#1a2130') => shapes.push({ kind: 'text', name, x: left, y: top, width, height: (sizePt / 72) * 2.54 * 1.5, text: frenchTypography(value), sizePt, bold, colour });

  const title = t('studyReport.planTitle', { level: level.name });
  text(t('drawing.names.title'), MARGIN, 1, 30, title, 16, true, '#0b5cad');
  text(t('drawing.names.subtitle'), MARGIN, 1.9, 30, `${document.study.title} — ${document.study.site.entityName}`, 10, false, '#555555');
  if (block.restricted) text(t('drawing.names.marking'), SHEET_CM.width - MARGIN - 9, 1, 9, t('documentControl.restricted'), 11, true, '#b22222');

  if (planPng) shapes.push({ kind: 'image', name: t('drawing.names.plan'), x: x(planPng.box.minX), y: y(planPng.box.minY), width: (planPng.box.maxX - planPng.box.minX) * k, height: (planPng.box.maxY - planPng.box.minY) * k, png: planPng.png });
  for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) {
    shapes.push({ kind: 'polygon', name: t('drawing.names.zone', { name: zone.name }), points: zone.polygon.map((point) => [x(point.xM), y(point.yM)]), stroke: '#2e8b57', fill: '#2e8b57', fillOpacity: 0.1, dashed: true });
  }
  for (const zone of document.exclusionZones.filter((candidate) => candidate.levelId === level.id)) {
    shapes.push({ kind: 'polygon', name: t('drawing.names.exclusion', { name: zone.name }), points: zone.polygon.map((point) => [x(point.xM), y(point.yM)]), stroke: '#b22222', fill: '#b22222', fillOpacity: 0.12, dashed: false });
  }
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  for (const wall of document.walls.filter((candidate) => candidate.levelId === level.id)) {
    const material = materials.get(wall.materialId);
    shapes.push({ kind: 'line', name: t('drawing.names.wall', { material: material?.name ?? '' }), x1: x(wall.from.xM), y1: y(wall.from.yM), x2: x(wall.to.xM), y2: y(wall.to.yM), colour: material?.color ?? '#333333', widthCm: Math.max(0.03, (material?.thicknessM ?? 0.1) * k * 0.8) });
  }
  for (const zone of [...document.coverageZones, ...document.exclusionZones].filter((candidate) => candidate.levelId === level.id)) {
    const at = cornerLabelPoint(zone.polygon, 0.15 / k);
    text(t('drawing.names.zoneLabel', { name: zone.name }), x(at.xM), y(at.yM), 5, zone.name, 6.5, true, '#1d5e3a');
  }
  const rows = data.accessPoints.filter((row) => row.levelId === level.id);
  for (const ap of rows) {
    shapes.push({ kind: 'circle', name: ap.name, cx: x(ap.xM), cy: y(ap.yM), r: 0.3, fill: '#0b5cad', stroke: '#ffffff', text: String(ap.number) });
    text(t('drawing.names.apLabel', { name: ap.name }), x(ap.xM) + 0.4, y(ap.yM) - 0.55, 3.5, ap.name, 7, true);
  }
  // Scale bar.
  const bar = [1, 2, 5, 10, 20, 50].reduce((best, value) => (Math.abs(value * k - 4) < Math.abs(best * k - 4) ? value : best));
  shapes.push({ kind: 'line', name: t('drawing.names.scaleBar'), x1: PLAN_BOX.x, y1: SHEET_CM.height - 1, x2: PLAN_BOX.x + bar * k, y2: SHEET_CM.height - 1, colour: '#1a1a1a', widthCm: 0.12 });
  text(t('drawing.names.scaleBar'), PLAN_BOX.x + bar * k + 0.3, SHEET_CM.height - 1.35, 3, `${bar} m`, 8);

  // Legend, APs, title block.
  const sideX = SHEET_CM.width - MARGIN - PANEL;
  let top = 3;
  text(t('drawing.names.legend'), sideX, top, PANEL, t('studyReport.planLegend'), 11, true);
  top += 0.7;
  for (const line of [t('studyReport.legendAp'), t('studyReport.legendZone'), t('studyReport.legendExclusion')]) {
    text(t('drawing.names.legend'), sideX, top, PANEL, `• ${line}`, 8.5);
    top += 0.5;
  }
  top += 0.3;
  text(t('drawing.names.apList'), sideX, top, PANEL, t('studyReport.planApsTitle'), 10, true);
  top += 0.6;
  for (const ap of rows) {
    if (top > SHEET_CM.height - 6.5) break;
    text(t('drawing.names.apList'), sideX, top, PANEL, `${ap.number}. ${ap.name} — ${ap.room || t('studyReport.noRoom')}`, 7.5, true);
    top += 0.38;
    text(t('drawing.names.apList'), sideX + 0.3, top, PANEL - 0.3, ap.radios.map((radio) => `${radio.band.replace('.', ',')} GHz : canal ${radio.channel}, ${formatNumber(radio.txPowerDbm, 0)} dBm`).join(' ; '), 7);
    top += 0.48;
  }
  // The document's title is the sheet's own title, above: the block starts with the study.
  const blockRows = titleBlockRows(document.study, level, block, denominator).slice(1).filter(([label]) => label !== t('documentControl.fields.site'));
  let blockTop = SHEET_CM.height - MARGIN - blockRows.length * 0.42;
  for (const [label, value] of blockRows) {
    text(t('drawing.names.titleBlock'), sideX, blockTop, PANEL, `${label} : ${value.length > 70 ? `${value.slice(0, 69)}…` : value}`, 7);
    blockTop += 0.42;
  }
  return { title, shapes, denominator };
}
