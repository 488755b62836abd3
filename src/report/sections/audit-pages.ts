/**
 * The audit report's own pages: the survey method and equipment, then per level and band the measured map (each
 * point coloured by the best level of our SSIDs, on the building plan), the measured − predicted map, and the
 * calibration (held-out error before and after, fitted exponent and wall losses, per-AP offsets) computed as the
 * Audit view computes it (same observations, same 5-fold cross-validation by point).
 */
import { rgb } from 'pdf-lib';
import { crossValidate, predict } from '../../../propagation/calibration/fit-model.ts';
import { DIFFERENCE_SCALE } from '../../../propagation/layers/colour-scale.ts';
import { errorStats } from '../../../propagation/survey/error-stats.ts';
import { auditObservations, calibrationOptions } from '../../audit/survey-observations.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Band } from '../../model/schema.ts';
import { paint, reportScale } from '../heatmap-image.ts';
import { drawLevelPlan } from '../pdf/plan-drawing.ts';
import type { PlanUnderlays } from '../pdf/plan-underlay.ts';
import { A3_LANDSCAPE, ACCENT, INK, MARGIN, MUTED, type PdfWriter } from '../pdf/pdf-writer.ts';
import { apNumbers, type StudyReportData } from '../report-data.ts';
import type { ReportPredictions } from '../report-predictions.ts';
import type { SurveyBandSummary } from '../survey-summary.ts';
import { levelThresholds, stepLabel } from './coverage-page.ts';
import { IMPLANTATION_PLAN_BOX } from './implantation-page.ts';

const FOLDS = 5;
const band = (value: string) => value.replace('.', ',');
const n1 = (value: number) => formatNumber(value, 1);

export function drawSurveyMethod(writer: PdfWriter, data: StudyReportData): void {
  writer.paragraph(t('auditReport.method'), 9.5);
  const sources = [...new Set(data.document.surveys.map((dataset) => dataset.source || t('auditReport.sourceUnknown')))];
  writer.keyValues([
    [t('auditReport.equipment'), sources.join(', ')],
    [t('auditReport.offsets'), data.document.surveys.map((dataset) => `${dataset.name} : ${n1(dataset.deviceOffsetDb)} dB`).join(' ; ')],
    [t('auditReport.model'), t('auditReport.modelValue', { exponent: n1(data.document.prediction.pathLossExponent), height: n1(data.document.prediction.clientHeightM) })],
  ]);
}

/** Best predicted level at a point of the level, from the report's prediction grid (nearest cell). */
function predictedAt(predictions: ReportPredictions, levelId: string, bandValue: string, xM: number, yM: number): number | null {
  const result = predictions.results.find((candidate) => candidate.levelId === levelId && candidate.band === bandValue);
  if (!result) return null;
  const { grid } = result;
  const i = Math.floor((xM - grid.originX) / grid.resolutionM);
  const j = Math.floor((yM - grid.originY) / grid.resolutionM);
  if (i < 0 || j < 0 || i >= grid.nx || j >= grid.ny) return null;
  const value = result.layers.best[j * grid.nx + i]!;
  return value > -200 ? value : null;
}

export async function drawMeasuredMaps(writer: PdfWriter, data: StudyReportData, summaries: readonly SurveyBandSummary[], predictions: ReportPredictions, underlays: PlanUnderlays | null): Promise<void> {
  const byLevelBand = new Map<string, SurveyBandSummary['points']>();
  for (const summary of summaries) byLevelBand.set(`${summary.levelId}/${summary.band}`, [...(byLevelBand.get(`${summary.levelId}/${summary.band}`) ?? []), ...summary.points]);
  for (const [key, points] of byLevelBand) {
    const [levelId, bandValue] = key.split('/') as [string, string];
    const level = data.document.levels.find((candidate) => candidate.id === levelId);
    if (!level) continue;
    const scale = reportScale('rssi', bandValue, levelThresholds(data.document, levelId))!;
    const differences = points.map((point) => {
      const predicted = predictedAt(predictions, levelId, bandValue, point.xM, point.yM);
      return predicted === null ? null : point.bestDbm - predicted;
    });
    for (const view of ['measured', 'difference'] as const) {
      const page = writer.newPage(A3_LANDSCAPE);
      writer.text(t(`auditReport.${view}Title`, { level: level.name, band: band(bandValue) }), MARGIN, A3_LANDSCAPE[1] - MARGIN - 16, 16, { bold: true, color: ACCENT, page });
      writer.text(t(`auditReport.${view}Subtitle`, { count: points.length }), MARGIN, A3_LANDSCAPE[1] - MARGIN - 32, 10, { color: MUTED, page });
      const box = IMPLANTATION_PLAN_BOX;
      const transform = await drawLevelPlan(writer, page, data.document, level, box, apNumbers(data), { underlays });
      const sideX = box.x + box.width + 16;
      let y = box.y + box.height - 10;
      if (view === 'measured') {
        const colours = paint(Float32Array.from(points.map((point) => point.bestDbm)), scale);
        points.forEach((point, index) => {
          const at = transform.toPage(point.xM, point.yM);
          page.drawCircle({ x: at.x, y: at.y, size: 5, color: rgb(colours[index * 4]! / 255, colours[index * 4 + 1]! / 255, colours[index * 4 + 2]! / 255), borderColor: INK, borderWidth: 0.5 });
        });
        writer.text(t('auditReport.measuredLegend'), sideX, y, 11, { bold: true, page });
        y -= 18;
        for (let index = scale.colours.length - 1; index >= 0; index--) {
          const colour = scale.colours[index]!;
          page.drawCircle({ x: sideX + 6, y: y + 3, size: 5, color: rgb(colour.r / 255, colour.g / 255, colour.b / 255), borderColor: INK, borderWidth: 0.5 });
          writer.text(stepLabel(scale, index), sideX + 18, y, 8.5, { bold: scale.marks.includes(scale.edges[index]!), page });
          y -= 13;
        }
      } else {
        points.forEach((point, index) => {
          const difference = differences[index];
          if (difference === null || difference === undefined) return;
          const at = transform.toPage(point.xM, point.yM);
          const position = Math.max(0, Math.min(1, (difference - DIFFERENCE_SCALE.min) / (DIFFERENCE_SCALE.max - DIFFERENCE_SCALE.min))) * (DIFFERENCE_SCALE.stops.length - 1);
          const [r, g, b] = DIFFERENCE_SCALE.stops[Math.round(position)]!;
          page.drawCircle({ x: at.x, y: at.y, size: 5, color: rgb(r / 255, g / 255, b / 255), borderColor: INK, borderWidth: 0.5 });
        });
        writer.text(t('auditReport.differenceLegend'), sideX, y, 11, { bold: true, page });
        y -= 18;
        const labels = [t('auditReport.difference.worse'), t('auditReport.difference.slightlyWorse'), t('auditReport.difference.equal'), t('auditReport.difference.slightlyBetter'), t('auditReport.difference.better')];
        DIFFERENCE_SCALE.stops.forEach(([r, g, b], index) => {
          page.drawCircle({ x: sideX + 6, y: y + 3, size: 5, color: rgb(r / 255, g / 255, b / 255), borderColor: INK, borderWidth: 0.5 });
          writer.text(labels[index] ?? '', sideX + 18, y, 8.5, { page });
          y -= 13;
        });
        const known = differences.filter((value): value is number => value !== null);
        if (known.length > 0) {
          const mean = known.reduce((sum, value) => sum + value, 0) / known.length;
          const rmse = Math.sqrt(known.reduce((sum, value) => sum + value * value, 0) / known.length);
          y -= 8;
          for (const line of writer.wrap(t('auditReport.differenceStats', { count: known.length, mean: n1(mean), rmse: n1(rmse) }), 8.5, 255)) {
            writer.text(line, sideX, y, 8.5, { page });
            y -= 11;
          }
        }
      }
    }
  }
}

export function drawCalibration(writer: PdfWriter, data: StudyReportData): void {
  const pairs = new Set(data.document.surveys.flatMap((dataset) => dataset.points.flatMap((point) => point.readings.map((reading) => `${dataset.levelId}/${reading.band}`))));
  let any = false;
  for (const pair of pairs) {
    const [levelId, bandValue] = pair.split('/') as [string, Band];
    const level = data.document.levels.find((candidate) => candidate.id === levelId);
    if (!level) continue;
    const audit = auditObservations(data.document, levelId, bandValue);
    if (audit.observations.length < FOLDS * 2) continue;
    any = true;
    writer.heading(t('auditReport.calibrationFor', { level: level.name, band: band(bandValue) }), 2);
    const options = calibrationOptions(audit);
    const result = crossValidate(audit.observations, audit.prior, options, FOLDS);
    const before = errorStats(audit.observations.map((o) => o.measuredDbm), audit.observations.map((o) => predict(audit.prior, o)));
    writer.paragraph(t('auditReport.calibrationSummary', { count: audit.observations.length, folds: FOLDS, before: n1(result.before.rmseDb), after: n1(result.after.rmseDb), bias: n1(before.meanDb), inSample: n1(result.inSample.rmseDb) }), 9.5);
    writer.paragraph(result.byAp.aps >= 2 ? t('audit.calibration.heldOutByAp', { before: n1(result.byAp.before.rmseDb), after: n1(result.byAp.after.rmseDb), aps: result.byAp.aps }) : t('audit.calibration.heldOutByApNone'), 9.5);
    const materialName = (id: string) => data.document.materials.find((material) => material.id === id)?.name ?? id;
    writer.table(
      [{ header: t('audit.calibration.parameter'), width: 3 }, { header: t('audit.calibration.before'), width: 1, align: 'right' }, { header: t('audit.calibration.after'), width: 1, align: 'right' }],
      [
        [t('audit.calibration.exponent'), formatNumber(audit.prior.exponent, 2), formatNumber(result.fitted.exponent, 2)],
        ...audit.materialIds.map((id, index) => [t('audit.calibration.material', { name: materialName(id) }), n1(audit.prior.materialLossDb[index]!), n1(result.fitted.materialLossDb[index]!)]),
        ...audit.slabMaterialIds.flatMap((id, index) => (options.fitSlabs?.[index] ? [[t('audit.calibration.slab', { name: materialName(id) }), n1(audit.prior.slabLossDb?.[index] ?? 0), n1(result.fitted.slabLossDb?.[index] ?? 0)]] : [])),
        ...audit.aps.map((ap, index) => [t('audit.calibration.apOffset', { name: ap.name }), '0', n1(result.fitted.apLevelDbm[index]! - audit.prior.apLevelDbm[index]!)]),
      ],
    );
  }
  if (!any) writer.paragraph(t('auditReport.noCalibration', { min: FOLDS * 2 }), 9.5, MUTED);
  writer.paragraph(t('auditReport.calibrationMethod'), 8, MUTED);
}
