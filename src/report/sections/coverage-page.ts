/**
 * One predicted map (level × band × layer) on an A3 page: the heatmap resampled for print and clipped to the level's
 * zones, the building plan over it, APs of this level and, greyed with their level, the APs of the levels just above
 * and below that transmit on the band; on the right a stepped legend whose steps include the study's thresholds,
 * and each zone's share meeting its profile.
 */
import { rgb, type RGB } from 'pdf-lib';
import { DEFAULT_ROAMING_CLIENT, layerValues } from '../../../propagation/layers/band-layers.ts';
import { DEFAULT_SCALES } from '../../../propagation/layers/colour-scale.ts';
import { REQUIREMENT_CODES } from '../../../propagation/layers/zone-statistics.ts';
import { formatNumber, messages, t } from '../../i18n/index.ts';
import { levelAbove, levelBelow, toLevelBelow } from '../../model/level-stack.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { paint, reportScale, resample, resampleFactor, type LayerThresholds, type ReportScale } from '../heatmap-image.ts';
import { drawLevelPlan, planTransform } from '../pdf/plan-drawing.ts';
import type { PlanUnderlays } from '../pdf/plan-underlay.ts';
import { compressImage, embedCompressedImage } from '../pdf/raw-image.ts';
import { A3_LANDSCAPE, ACCENT, INK, MARGIN, MUTED, type PdfWriter } from '../pdf/pdf-writer.ts';
import { apNumbers, type StudyReportData } from '../report-data.ts';
import type { ReportLayer } from '../report-kinds.ts';
import type { ReportPredictions } from '../report-predictions.ts';
import { IMPLANTATION_PLAN_BOX } from './implantation-page.ts';

type Result = ReportPredictions['results'][number];

const band = (value: string) => value.replace('.', ',');
const share = (value: number | null) => (value === null ? t('studyReport.notRequired') : `${formatNumber(value * 100, 1)} %`);
const colour = (c: { r: number; g: number; b: number }): RGB => rgb(c.r / 255, c.g / 255, c.b / 255);

/** The thresholds of the profiles used on a level (what the legend's steps must show). */
export function levelThresholds(document: ProjectDocument, levelId: string): LayerThresholds {
  const used = new Set(document.coverageZones.filter((zone) => zone.levelId === levelId).map((zone) => zone.requirementProfileId));
  const profiles = document.requirementProfiles.filter((profile) => used.has(profile.id));
  return {
    rssiDbm: profiles.flatMap((profile) => [profile.minPrimaryRssiDbm, ...(profile.minSecondaryRssiDbm === null ? [] : [profile.minSecondaryRssiDbm])]),
    snrDb: profiles.map((profile) => profile.minSnrDb),
    rateMbps: profiles.flatMap((profile) => (profile.minPhyRateMbps === null ? [] : [profile.minPhyRateMbps])),
  };
}

/** « −67 à −60 dBm », « ≥ −50 dBm », « < −90 dBm », « 4 ou plus ». */
export function stepLabel(scale: ReportScale, index: number): string {
  const unit = scale.unit ? ` ${scale.unit}` : '';
  const value = (v: number) => formatNumber(v, 1);
  if (scale.kind === 'categories') return index === scale.edges.length - 1 ? t('studyReport.legend.orMore', { count: scale.edges[index]! }) : String(scale.edges[index]);
  if (index === 0) return `< ${value(scale.edges[1] ?? scale.edges[0]!)}${unit}`;
  if (index === scale.edges.length - 1) return `≥ ${value(scale.edges[index]!)}${unit}`;
  return t('studyReport.legend.range', { from: value(scale.edges[index]!), to: value(scale.edges[index + 1]!), unit });
}

export async function drawCoveragePage(writer: PdfWriter, data: StudyReportData, result: Result, layer: ReportLayer, underlays: PlanUnderlays | null): Promise<void> {
  const { document } = data;
  const level = document.levels.find((candidate) => candidate.id === result.levelId)!;
  const page = writer.newPage(A3_LANDSCAPE);
  writer.text(t('studyReport.coverageTitle', { layer: t(`studyReport.layers.${layer}`), level: level.name, band: band(result.band) }), MARGIN, A3_LANDSCAPE[1] - MARGIN - 16, 16, { bold: true, color: ACCENT, page });
  writer.text(`${document.study.title} — ${document.study.site.entityName}`, MARGIN, A3_LANDSCAPE[1] - MARGIN - 32, 10, { color: MUTED, page });
  const box = IMPLANTATION_PLAN_BOX;
  const values = layerValues(result.layers, layer, DEFAULT_ROAMING_CLIENT, result.zoneMasks);
  const scale = reportScale(layer, result.band, levelThresholds(document, level.id));
  const cellPoints = result.grid.resolutionM * planTransform(document, level, box).scale;
  const categorical = !scale || scale.kind === 'categories';
  const factor = resampleFactor(cellPoints, result.grid.nx * result.grid.ny);
  const fine = resample(values, result.grid, factor, categorical);
  const pixels = scale ? paint(fine.values, scale) : requirementPixels(fine.values);
  const image = embedCompressedImage(writer.pdf, compressImage({ width: fine.width, height: fine.height, rgba: pixels }, 1));
  const transform = await drawLevelPlan(writer, page, document, level, box, apNumbers(data), { underlays, heatmap: { image, grid: result.grid } });
  const others = neighbourLevelAps(document, level.id, result.band);
  for (const ap of others) {
    const at = transform.toPage(ap.xM, ap.yM);
    if (at.x < box.x || at.x > box.x + box.width || at.y < box.y || at.y > box.y + box.height) continue;
    page.drawCircle({ x: at.x, y: at.y, size: 6, color: rgb(1, 1, 1), opacity: 0.7, borderColor: rgb(0.45, 0.45, 0.45), borderWidth: 1.2, borderDashArray: [2, 1.5] });
    writer.text(`${ap.name} (${ap.levelName})`, at.x + 8, at.y - 10, 6.5, { color: rgb(0.35, 0.35, 0.35), page });
  }

  // Legend: one swatch per step, the study's thresholds marked.
  const sideX = box.x + box.width + 16;
  let y = box.y + box.height - 10;
  for (const line of writer.wrap(t(`studyReport.layers.${layer}`), 11, 255, true)) {
    writer.text(line, sideX, y, 11, { bold: true, page });
    y -= 14;
  }
  writer.text(t(`studyReport.layerUnits.${layer}`), sideX, y, 8.5, { color: MUTED, page });
  y -= 16;
  if (scale) {
    for (let index = scale.colours.length - 1; index >= 0; index--) {
      page.drawRectangle({ x: sideX, y: y - 2, width: 22, height: 11, color: colour(scale.colours[index]!), borderColor: INK, borderWidth: 0.3 });
      const marked = scale.kind === 'stepped' && scale.marks.includes(scale.edges[index]!);
      writer.text(stepLabel(scale, index), sideX + 28, y, 8.5, { bold: marked, page });
      if (marked) {
        page.drawLine({ start: { x: sideX - 4, y: y - 2.5 }, end: { x: sideX + 26, y: y - 2.5 }, thickness: 1.6, color: INK });
        writer.text(t('studyReport.legend.requirement'), sideX + 28 + writer.textWidth(stepLabel(scale, index), 8.5, true) + 6, y, 7.5, { color: MUTED, page });
      }
      y -= 14;
    }
  } else {
    REQUIREMENT_CODES.forEach((code, index) => {
      const [r, g, b] = DEFAULT_SCALES.requirement.stops[index]!;
      page.drawRectangle({ x: sideX, y: y - 2, width: 22, height: 11, color: rgb(r / 255, g / 255, b / 255) });
      writer.text(t(`editor.heatmap.requirementCodes.${code}`), sideX + 28, y, 8.5, { page });
      y -= 14;
    });
  }
  if (others.length > 0) {
    page.drawCircle({ x: sideX + 8, y: y + 3, size: 5, color: rgb(1, 1, 1), borderColor: rgb(0.45, 0.45, 0.45), borderWidth: 1.2, borderDashArray: [2, 1.5] });
    writer.text(t('studyReport.legend.otherLevelAp'), sideX + 28, y, 8, { page });
    y -= 14;
  }
  writer.text(t('studyReport.legend.noSignal'), sideX, y, 7.5, { color: MUTED, page });
  y -= 24;

  // Each zone: its profile and the share meeting it.
  const zones = new Map(document.coverageZones.map((zone) => [zone.id, zone]));
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile.name]));
  const columns = messages().studyReport.coverageZones;
  writer.text(t('studyReport.zoneCompliance'), sideX, y, 10, { bold: true, page });
  y -= 14;
  for (const { zoneId, statistics } of result.zones) {
    if (y < MARGIN + 40) break;
    const zone = zones.get(zoneId);
    writer.text(`${zone?.name ?? zoneId} (${profiles.get(zone?.requirementProfileId ?? '') ?? ''})`, sideX, y, 8.5, { bold: true, page });
    y -= 11;
    const parts = ([[columns.primary, statistics.primary], [columns.snr, statistics.snr], [columns.rate, statistics.rate], [columns.all, statistics.all]] as const).map(([label, value]) => `${label} : ${share(value)}`);
    for (const line of writer.wrap(parts.join(' · '), 7.5, 255)) {
      writer.text(line, sideX + 8, y, 7.5, { page });
      y -= 10;
    }
    y -= 3;
  }
}

function requirementPixels(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const stops = DEFAULT_SCALES.requirement.stops;
  values.forEach((value, index) => {
    const stop = stops[Math.round(value)];
    if (!stop || !(value >= 0)) return;
    out.set([stop[0], stop[1], stop[2], 255], index * 4);
  });
  return out;
}

/** APs one level above or below, with a radio on the band (heard through the slab), placed in this level's frame. */
function neighbourLevelAps(document: ProjectDocument, levelId: string, bandValue: string) {
  const level = document.levels.find((candidate) => candidate.id === levelId)!;
  const above = levelAbove(document, level);
  const below = levelBelow(document, level);
  const place = (apLevelId: string, x: number, y: number) => {
    if (above && apLevelId === above.id) return toLevelBelow(above, x, y);
    // The level below's frame → this level's: the inverse of this level's alignment.
    const alignment = level.alignment ?? { offsetXM: 0, offsetYM: 0, rotationDeg: 0 };
    const r = (-alignment.rotationDeg * Math.PI) / 180;
    const dx = x - alignment.offsetXM;
    const dy = y - alignment.offsetYM;
    return { x: Math.cos(r) * dx - Math.sin(r) * dy, y: Math.sin(r) * dx + Math.cos(r) * dy };
  };
  const near = new Map([above, below].filter((candidate) => candidate !== null).map((candidate) => [candidate.id, candidate.name]));
  return document.accessPoints
    .filter((ap) => near.has(ap.levelId) && ap.radios.some((radio) => radio.enabled && radio.band === bandValue))
    .map((ap) => {
      const at = place(ap.levelId, ap.position.xM, ap.position.yM);
      return { name: ap.name, levelName: near.get(ap.levelId)!, xM: at.x, yM: at.y };
    });
}
