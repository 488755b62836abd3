/**
 * Builds every deliverable file of a study, the same way in the browser (report worker) and in Node (CLI):
 * the PDF reports, the equipment list and AP table as XLSX and ODS, one SVG and one PNG implantation plan per level, the
 * results as JSON; then the ZIP and its MD5.
 */
import { messages, t } from '../i18n/index.ts';
import { slugify } from '../io/slug.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { buildDeliverablePackage, type DeliverableFile, type DeliverablePackage } from './deliverable-package.ts';
import { writeOds } from './ods-writer.ts';
import { implantationPlanSvg } from './plan-svg.ts';
import { levelPlanPdf } from './level-plan-pdf.ts';
import { writeOdg } from './drawing/odg-writer.ts';
import { planSheet } from './drawing/plan-sheet.ts';
import { writeVsdx } from './drawing/vsdx-writer.ts';
import { PlanRasters } from './pdf/plan-underlay.ts';
import { planArtwork } from './plan-artwork.ts';
import type { ReportResources } from './render/svg-rasteriser.ts';
import { apNumbers, buildStudyReportData } from './report-data.ts';
import { computeReportPredictions, servedAreaByRadio } from './report-predictions.ts';
import { accessPointSheet, forecastSheets, purchaseOrderSheet } from './spreadsheet/study-sheets.ts';
import { clientsByRadio, studyForecast } from './study-forecast.ts';
import { generateStudyReport, titleBlockOf, type StudyReportOptions } from './study-report.ts';
import { deliverySlip } from './delivery-slip.ts';
import { availableReportKinds, REPORT_KINDS, type ReportKind } from './report-kinds.ts';
import { writeXlsx } from './xlsx-writer.ts';

export interface DeliverableOptions extends Pick<StudyReportOptions, 'levelIds' | 'bands' | 'layers' | 'logo' | 'author' | 'version' | 'assets'> {
  /** PDF documents to produce (all three by default). */
  documents?: ReportKind[];
  now?: Date;
  onProgress?: (step: string, done: number, total: number) => void;
  shouldStop?: () => boolean;
}

export class DeliverablesCancelled extends Error {
  constructor() {
    super(t('errors.engine.cancelled'));
    this.name = 'DeliverablesCancelled';
  }
}

export async function generateDeliverables(document: ProjectDocument, resources: ReportResources, options: DeliverableOptions = {}): Promise<{ files: DeliverableFile[]; package: DeliverablePackage }> {
  const { fonts } = resources;
  const assets = options.assets ?? new Map<string, Uint8Array>();
  const planRasters = new PlanRasters(resources.rasterise);
  const now = options.now ?? new Date();
  const stop = options.shouldStop ?? (() => false);
  const progress = options.onProgress ?? (() => {});
  const check = () => {
    if (stop()) throw new DeliverablesCancelled();
  };
  const names = messages().deliverables.files;
  const data = buildStudyReportData(document);
  const predictions = computeReportPredictions(document, (done, total) => progress('prediction', done, total), stop);
  check();
  const files: DeliverableFile[] = [];
  const kinds = (options.documents ?? [...REPORT_KINDS]).filter((kind) => availableReportKinds(document.surveys.length).includes(kind));
  const chosenLevels = document.levels.map((level, index) => ({ level, index })).filter(({ level }) => !options.levelIds || options.levelIds.includes(level.id));
  const planBase = (level: (typeof document.levels)[number], index: number) => `${names.plan}-${String(index + 1).padStart(2, '0')}-${slugify(level.name)}`;
  const deliverableNames = [...kinds.map((kind) => `${names.reports[kind]}.pdf`), `${names.equipment}.xlsx`, `${names.equipment}.ods`, ...chosenLevels.flatMap(({ level, index }) => ['pdf', 'odg', 'vsdx', 'svg', 'png'].map((extension) => `${planBase(level, index)}.${extension}`)), `${names.results}.json`, `${names.slip}.pdf`, `${names.slip}.md5`];
  for (const [index, kind] of kinds.entries()) {
    progress('pdf', index, kinds.length);
    const reportOptions: StudyReportOptions = { kind, now, predictions, assets, planRasters, deliverableNames, levelIds: options.levelIds, bands: options.bands, layers: options.layers, logo: options.logo, author: options.author, version: options.version };
    files.push({ name: `${names.reports[kind]}.pdf`, bytes: await generateStudyReport(document, fonts, reportOptions) });
    check();
  }
  progress('tableurs', 0, 1);
  const forecast = studyForecast(document, predictions);
  const tables = [purchaseOrderSheet(document, now), accessPointSheet(data, document, servedAreaByRadio(predictions), clientsByRadio(forecast), now), ...forecastSheets(forecast, document, now)];
  files.push({ name: `${names.equipment}.xlsx`, bytes: await writeXlsx(tables, document.study.author || 'Ondeplan', now) });
  files.push({ name: `${names.equipment}.ods`, bytes: writeOds(tables) });
  const numbers = apNumbers(data);
  const block = titleBlockOf(document, now, options);
  for (const { level, index } of chosenLevels) {
    progress('plans', index, document.levels.length);
    const base = planBase(level, index);
    files.push({ name: `${base}.pdf`, bytes: await levelPlanPdf(document, data, level, resources.fonts, assets, planRasters, block, now) });
    const artwork = planArtwork(document, level, assets);
    const planPng = artwork.kind === 'plan' ? planRasters.png(level.id, artwork.placement) : null;
    const sheet = planSheet(document, data, level, { ...block, documentTitle: t('studyReport.planTitle', { level: level.name }) }, planPng && artwork.kind === 'plan' ? { png: planPng, box: artwork.placement.clip } : null);
    files.push({ name: `${base}.odg`, bytes: writeOdg(sheet) });
    files.push({ name: `${base}.vsdx`, bytes: writeVsdx(sheet) });
    const svg = implantationPlanSvg(document, level, numbers, artwork);
    files.push({ name: `${base}.svg`, bytes: new TextEncoder().encode(svg) });
    files.push({ name: `${base}.png`, bytes: resources.rasterise.png(svg, Number(/width="(\d+)"/.exec(svg)?.[1] ?? 3000)) });
    check();
  }
  const results = {
    study: document.study,
    generatedAt: now.toISOString(),
    totalCoverageAreaM2: data.totalCoverageAreaM2,
    surfaceTier: data.tier,
    levels: data.levels,
    predictions: predictions.results.map((result) => ({
      levelId: result.levelId,
      band: result.band,
      grid: result.grid,
      zones: result.zones,
      servedAreaM2: Object.fromEntries(result.servedAreaM2),
      roamingShare: Object.fromEntries(result.roamingShare),
    })),
    predictionError: predictions.error,
    accessPoints: data.accessPoints,
    forecast,
    equipment: data.equipment,
    missing: data.missing,
  };
  files.push({ name: `${names.results}.json`, bytes: new TextEncoder().encode(JSON.stringify(results, null, 2)) });
  check();
  files.push(...(await deliverySlip(document, files, fonts, now)));
  progress('zip', 1, 1);
  return { files, package: buildDeliverablePackage(document, files, now) };
}
