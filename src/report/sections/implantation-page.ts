/**
 * One level's implantation plan on an A3 landscape page, as the study report prints it and as the standalone plan
 * file of each level: the building plan at a standard printing scale (1:100, 1:200… the largest that fits), walls,
 * zones and numbered APs over it; on the right the legend, the level's APs with their room, position and radios,
 * and a title block (study, site, level, date, version, author, contractor, contract, scale, distribution).
 */
import { rgb, type PDFPage } from 'pdf-lib';
import { formatNumber, t } from '../../i18n/index.ts';
import { levelExtentM } from '../../model/level-extent.ts';
import type { Level } from '../../model/schema.ts';
import { drawLevelPlan, hexColour, printScaleDenominator, type PlanTransform } from '../pdf/plan-drawing.ts';
import type { PlanUnderlays } from '../pdf/plan-underlay.ts';
import { A3_LANDSCAPE, ACCENT, INK, MARGIN, MUTED, RULE, type PdfWriter } from '../pdf/pdf-writer.ts';
import { apNumbers, type StudyReportData } from '../report-data.ts';
import { titleBlockRows } from './title-block-rows.ts';

export interface TitleBlock {
  documentTitle: string;
  date: string;
  version: string;
  author: string;
  contractor: string;
  contract: string;
  order: string;
  restricted: boolean;
}

const SIDE_PANEL_WIDTH = 270;
/** Where the plan sits on an A3 implantation page (the right-hand panel holds the legend, APs and title block). */
export const IMPLANTATION_PLAN_BOX = { x: MARGIN, y: MARGIN + 20, width: A3_LANDSCAPE[0] - 2 * MARGIN - SIDE_PANEL_WIDTH - 16, height: A3_LANDSCAPE[1] - 2 * MARGIN - 70 };

const band = (value: string) => value.replace('.', ',');

export async function drawImplantationPage(writer: PdfWriter, data: StudyReportData, level: Level, underlays: PlanUnderlays | null, block: TitleBlock, extra?: (page: PDFPage, transform: PlanTransform) => string[]): Promise<PDFPage> {
  const page = writer.newPage(A3_LANDSCAPE);
  const { document } = data;
  writer.text(t('studyReport.planTitle', { level: level.name }), MARGIN, A3_LANDSCAPE[1] - MARGIN - 16, 16, { bold: true, color: ACCENT, page });
  writer.text(`${document.study.title} — ${document.study.site.entityName}`, MARGIN, A3_LANDSCAPE[1] - MARGIN - 32, 10, { color: MUTED, page });
  if (block.restricted) {
    const label = t('documentControl.restricted');
    writer.text(label, A3_LANDSCAPE[0] - MARGIN - writer.textWidth(label, 11, true), A3_LANDSCAPE[1] - MARGIN - 16, 11, { bold: true, color: rgb(0.7, 0.13, 0.13), page });
  }
  const box = IMPLANTATION_PLAN_BOX;
  const denominator = printScaleDenominator(levelExtentM(document, level), box);
  const transform = await drawLevelPlan(writer, page, document, level, box, apNumbers(data), { underlays, denominator });
  const extraLegend = extra?.(page, transform) ?? [];

  const sideX = box.x + box.width + 16;
  let y = box.y + box.height - 10;
  writer.text(t('studyReport.planLegend'), sideX, y, 11, { bold: true, page });
  y -= 17;
  page.drawCircle({ x: sideX + 6, y: y + 3, size: 6, color: ACCENT });
  writer.text(t('studyReport.legendAp'), sideX + 18, y, 8.5, { page });
  y -= 14;
  page.drawRectangle({ x: sideX, y: y - 2, width: 12, height: 10, color: rgb(0.18, 0.55, 0.34), opacity: 0.25, borderColor: rgb(0.18, 0.55, 0.34), borderWidth: 0.8, borderDashArray: [2, 1.5] });
  writer.text(t('studyReport.legendZone'), sideX + 18, y, 8.5, { page });
  y -= 14;
  page.drawRectangle({ x: sideX, y: y - 2, width: 12, height: 10, color: rgb(0.7, 0.13, 0.13), opacity: 0.3 });
  writer.text(t('studyReport.legendExclusion'), sideX + 18, y, 8.5, { page });
  y -= 14;
  for (const line of extraLegend) {
    writer.text(line, sideX, y, 8.5, { page });
    y -= 14;
  }
  const usedMaterials = new Set(document.walls.filter((wall) => wall.levelId === level.id).map((wall) => wall.materialId));
  for (const material of document.materials.filter((candidate) => usedMaterials.has(candidate.id))) {
    page.drawRectangle({ x: sideX, y: y + 2, width: 12, height: 3, color: hexColour(material.color) });
    writer.text(material.name, sideX + 18, y, 8.5, { page });
    y -= 12.5;
  }
  if (transform.underlay === 'drawn') {
    writer.text(t('studyReport.legendPlan'), sideX, y, 8, { color: MUTED, page });
    y -= 12;
  }

  // The level's APs: number, name, room, position, radios.
  y -= 8;
  writer.text(t('studyReport.planApsTitle'), sideX, y, 10, { bold: true, page });
  y -= 14;
  const titleBlockTop = MARGIN + 20 + 9 * 13 + 8;
  const rows = data.accessPoints.filter((row) => row.levelId === level.id);
  for (const [index, ap] of rows.entries()) {
    if (y < titleBlockTop + 36) {
      writer.text(t('studyReport.moreAps', { count: rows.length - index }), sideX, y, 8, { color: MUTED, page });
      break;
    }
    writer.text(`${ap.number}. ${ap.name} — ${ap.room || t('studyReport.noRoom')}`, sideX, y, 8.5, { bold: true, page });
    y -= 11;
    writer.text(t('studyReport.apPosition', { x: formatNumber(ap.xM, 1), y: formatNumber(ap.yM, 1), height: formatNumber(ap.mountingHeightM, 1) }), sideX + 10, y, 7.5, { color: MUTED, page });
    y -= 10;
    for (const radio of ap.radios) {
      writer.text(`${band(radio.band)} GHz : canal ${radio.channel}, ${radio.widthMHz} MHz, ${formatNumber(radio.txPowerDbm, 0)} dBm`, sideX + 10, y, 7.5, { page });
      y -= 10;
    }
    y -= 3;
  }

  drawTitleBlock(writer, page, { x: sideX, y: MARGIN + 20, width: SIDE_PANEL_WIDTH }, titleBlockRows(document.study, level, block, denominator));
  return page;
}

/** The title block (cartouche): one ruled row per field, the label small above its value. */
function drawTitleBlock(writer: PdfWriter, page: PDFPage, at: { x: number; y: number; width: number }, rows: [string, string][]): void {
  const rowHeight = 13;
  const height = rows.length * rowHeight + 6;
  page.drawRectangle({ x: at.x, y: at.y, width: at.width, height, borderColor: INK, borderWidth: 0.8 });
  rows.forEach(([label, value], index) => {
    const top = at.y + height - 3 - index * rowHeight;
    if (index > 0) page.drawLine({ start: { x: at.x, y: top }, end: { x: at.x + at.width, y: top }, thickness: 0.4, color: RULE });
    writer.text(label, at.x + 4, top - 9.5, 6.5, { color: MUTED, page });
    const labelWidth = 62;
    const lines = writer.wrap(value, 7.5, at.width - labelWidth - 8, true);
    writer.text(`${lines[0] ?? ''}${lines.length > 1 ? '…' : ''}`, at.x + labelWidth, top - 9.5, 7.5, { bold: true, page });
  });
}
