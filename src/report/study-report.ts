/**
 * The study report (rapport d'étude) as a PDF: cover, contents, identification, inputs and hypotheses, one A3
 * implantation plan per level, predicted coverage per level and band, the AP table per AP / band / SSID, the
 * equipment list, findings. Same code in the browser (worker) and in Node (CLI); French throughout (CCTP §2.5).
 */
import { rgb } from 'pdf-lib';
import { colourise, DEFAULT_SCALES } from '../../propagation/layers/colour-scale.ts';
import { formatNumber, messages, t } from '../i18n/index.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { addOutline } from './pdf/outline.ts';
import { PlanRasters, PlanUnderlays } from './pdf/plan-underlay.ts';
import { diagnose } from './diagnosis.ts';
import { drawAnalysisSummary, drawDiagnosis } from './sections/analysis.ts';
import { drawCalibration, drawMeasuredMaps, drawSurveyMethod } from './sections/audit-pages.ts';
import { drawCoveragePage } from './sections/coverage-page.ts';
import { drawDocumentControl } from './sections/document-control.ts';
import { drawServiceSummary } from './sections/service-summary.ts';
import { drawImplantationPage, type TitleBlock } from './sections/implantation-page.ts';
import { A4_LANDSCAPE, A4_PORTRAIT, ACCENT, INK, MARGIN, MUTED, PdfWriter, type ReportFonts, type TableColumn } from './pdf/pdf-writer.ts';
import { buildStudyReportData, type StudyReportData } from './report-data.ts';
import { computeReportPredictions, servedAreaByRadio, type ReportPredictions } from './report-predictions.ts';
import { clientsByRadio, studyForecast, type StudyForecast } from './study-forecast.ts';
import { purchaseOrderSheet } from './spreadsheet/study-sheets.ts';
import { eirpViolations } from '../model/eirp-check.ts';
import { REPORT_LAYERS, type ReportKind, type ReportLayer } from './report-kinds.ts';
import { summariseSurveys } from './survey-summary.ts';

export interface StudyReportOptions {
  kind?: ReportKind;
  /** Levels and bands shown (all when absent). */
  levelIds?: string[];
  bands?: string[];
  /** Layers drawn on the coverage pages; the analysis report defaults to all five. */
  layers?: ReportLayer[];
  /** PNG or JPEG shown on the cover. */
  logo?: { bytes: Uint8Array; mimeType: string } | null;
  author?: string;
  version?: string;
  now?: Date;
  /** Files of the study by SHA-256 (the building plans drawn under the maps). */
  assets?: ReadonlyMap<string, Uint8Array>;
  /** Plan pictures rendered for print, shared by the documents of one delivery (without it, plans that need the SVG renderer are left out and the maps say so). */
  planRasters?: PlanRasters;
  /** Files of the delivery, listed by the compte rendu. */
  deliverableNames?: readonly string[];
  /** Reuse predictions already computed (the deliverables compute them once for every document). */
  predictions?: ReportPredictions;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

const number = (value: number, digits = 1) => formatNumber(value, digits);
const band = (value: string) => value.replace('.', ',');
const share = (value: number | null) => (value === null ? t('studyReport.notRequired') : `${formatNumber(value * 100, 1)} %`);

const frenchDate = (date: Date) => date.toISOString().slice(0, 10).split('-').reverse().join('/');

function isoToFrench(date: string | null): string {
  if (!date) return t('studyReport.none');
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

type SectionKey = 'control' | 'service' | 'analysisSummary' | 'diagnosis' | 'auditMethod' | 'measuredMaps' | 'calibration' | 'surveys' | 'identification' | 'hypotheses' | 'implantation' | 'coverage' | 'accessPoints' | 'equipment' | 'findings';

/** Each document's sections, in order; the document control opens every one (unnumbered), the others are numbered. */
const SECTIONS_BY_KIND: Record<ReportKind, readonly SectionKey[]> = {
  etude: ['control', 'identification', 'hypotheses', 'implantation', 'coverage', 'accessPoints', 'equipment', 'findings'],
  analyse: ['control', 'analysisSummary', 'coverage', 'diagnosis'],
  audit: ['control', 'identification', 'auditMethod', 'surveys', 'measuredMaps', 'calibration', 'findings'],
  'compte-rendu': ['control', 'service'],
};

export async function generateStudyReport(document: ProjectDocument, fonts: ReportFonts, options: StudyReportOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const kind = options.kind ?? 'etude';
  const scoped = scopeDocument(document, options);
  const data = buildStudyReportData(scoped);
  const allPredictions = options.predictions ?? computeReportPredictions(scoped, options.onProgress, options.shouldStop);
  const predictions = { ...allPredictions, results: allPredictions.results.filter((result) => scoped.levels.some((level) => level.id === result.levelId) && (!options.bands || options.bands.includes(result.band))) };
  // Once per report: the AP section prints it and the findings flag radios over their airtime limit.
  const forecast = studyForecast(data.document, predictions);
  const layers = options.layers ?? (kind === 'analyse' ? [...REPORT_LAYERS] : ['rssi']);
  const documentTitle = t(`studyReport.kinds.${kind}`);
  const title = `${documentTitle} — ${document.study.title}`;
  const writer = await PdfWriter.create(fonts, title, options.author ?? document.study.author, now);
  const context: PageContext = {
    underlays: new PlanUnderlays(writer.pdf, scoped, options.assets ?? new Map(), options.planRasters ?? new PlanRasters(null)),
    titleBlock: (documentTitle) => ({ ...titleBlockOf(document, now, options), documentTitle }),
  };
  const sectionPages: { title: string; page: number }[] = [];
  const numbered = SECTIONS_BY_KIND[kind].filter((key) => key !== 'control');
  const sectionTitle = (key: SectionKey) => (key === 'control' ? t('studyReport.sections.control') : `${numbered.indexOf(key) + 1}. ${t(`studyReport.sections.${key}`)}`);
  const startSection = (key: SectionKey, size: [number, number] = A4_PORTRAIT) => {
    writer.newPage(size);
    sectionPages.push({ title: sectionTitle(key), page: writer.pdf.getPageCount() });
    writer.heading(sectionTitle(key));
  };

  await drawCover(writer, data, now, documentTitle, options);
  for (const section of SECTIONS_BY_KIND[kind]) {
    if (section === 'control') {
      startSection('control');
      drawDocumentControl(writer, data.document.study);
    } else if (section === 'service') {
      startSection('service');
      drawServiceSummary(writer, data, predictions, options.deliverableNames ?? []);
    } else if (section === 'analysisSummary') {
      startSection('analysisSummary');
      drawAnalysisSummary(writer, data, predictions);
    } else if (section === 'diagnosis') {
      startSection('diagnosis');
      drawDiagnosis(writer, diagnose(data.document, predictions));
    } else if (section === 'auditMethod') {
      startSection('auditMethod');
      drawSurveyMethod(writer, data);
    } else if (section === 'measuredMaps') {
      const first = writer.pdf.getPageCount() + 1;
      await drawMeasuredMaps(writer, data, surveySummary(data.document).bands, predictions, context.underlays);
      if (writer.pdf.getPageCount() >= first) {
        sectionPages.push({ title: sectionTitle('measuredMaps'), page: first });
        sectionLabel(writer, sectionTitle('measuredMaps'), writer.pdf.getPage(first - 1));
      }
    } else if (section === 'calibration') {
      startSection('calibration');
      drawCalibration(writer, data);
    } else if (section === 'identification') identification(writer, data, startSection);
    else if (section === 'hypotheses') hypotheses(writer, data, startSection);
    else if (section === 'surveys') surveys(writer, data, startSection);
    else if (section === 'implantation') await implantationPlans(writer, data, context, sectionPages, sectionTitle('implantation'), kind === 'audit');
    else if (section === 'coverage') await coverage(writer, data, predictions, layers, context, sectionPages, sectionTitle('coverage'));
    else if (section === 'accessPoints') apTable(writer, data, predictions, forecast, startSection);
    else if (section === 'equipment') equipment(writer, data, now, startSection);
    else findings(writer, data, predictions, forecast, startSection);
  }

  // Contents on page 2, once every section knows its page (later pages shift by one).
  const contents = writer.pdf.insertPage(1, A4_PORTRAIT);
  writer.text(t('studyReport.contents'), MARGIN, A4_PORTRAIT[1] - MARGIN - 16, 16, { bold: true, color: ACCENT, page: contents });
  sectionPages.forEach(({ title: sectionTitle, page }, index) => {
    const y = A4_PORTRAIT[1] - MARGIN - 50 - index * 20;
    const pageLabel = String(page + 1);
    writer.text(sectionTitle, MARGIN, y, 11, { page: contents });
    writer.text(pageLabel, A4_PORTRAIT[0] - MARGIN - writer.textWidth(pageLabel, 11), y, 11, { page: contents });
  });
  addOutline(writer.pdf, [{ title: t('studyReport.contents'), pageIndex: 1 }, ...sectionPages.map(({ title: sectionTitle, page }) => ({ title: sectionTitle, pageIndex: page }))]);
  writer.addFooters(`${document.study.title} — ${documentTitle}${options.version ? ` — ${t('studyReport.version', { version: options.version })}` : ''}`, document.study.delivery.restricted ? t('documentControl.restricted') : undefined);
  return writer.pdf.save({ useObjectStreams: true });
}

/** The section's name above the title of its first map page (map pages have no room for a heading). */
function sectionLabel(writer: PdfWriter, title: string, page = writer.page): void {
  writer.text(title, MARGIN, page.getHeight() - MARGIN + 4, 9, { bold: true, color: MUTED, page });
}

/** The title block of the plans: date, version, author and the document control's references. */
export function titleBlockOf(document: ProjectDocument, now: Date, options: Pick<StudyReportOptions, 'version' | 'author'>): Omit<TitleBlock, 'documentTitle'> {
  const { delivery } = document.study;
  return { date: frenchDate(now), version: options.version ?? delivery.revisions.at(-1)?.version ?? '', author: options.author || document.study.author, contractor: delivery.contractor, contract: delivery.contractNumber, order: document.study.orderReference, restricted: delivery.restricted };
}

/** What every map page of a report shares: the embedded building plans and the title block's fields. */
interface PageContext {
  underlays: PlanUnderlays;
  titleBlock(documentTitle: string): TitleBlock;
}

/** The document restricted to the chosen levels (and their objects). */
function scopeDocument(document: ProjectDocument, options: StudyReportOptions): ProjectDocument {
  if (!options.levelIds) return document;
  const keep = new Set(options.levelIds);
  const onLevel = <T extends { levelId: string }>(items: T[]) => items.filter((item) => keep.has(item.levelId));
  return {
    ...document,
    levels: document.levels.filter((level) => keep.has(level.id)),
    walls: onLevel(document.walls),
    openings: onLevel(document.openings),
    attenuationAreas: onLevel(document.attenuationAreas),
    coverageZones: onLevel(document.coverageZones),
    exclusionZones: onLevel(document.exclusionZones),
    accessPoints: onLevel(document.accessPoints),
    interferenceSources: onLevel(document.interferenceSources),
    surveys: onLevel(document.surveys),
  };
}

type StartSection = (key: SectionKey, size?: [number, number]) => void;

async function drawCover(writer: PdfWriter, data: StudyReportData, now: Date, documentTitle: string, options: StudyReportOptions): Promise<void> {
  const { study } = data.document;
  const page = writer.newPage(A4_PORTRAIT);
  page.drawRectangle({ x: 0, y: A4_PORTRAIT[1] - 140, width: A4_PORTRAIT[0], height: 140, color: rgb(0.043, 0.145, 0.27) });
  writer.text(t('studyReport.ministry'), MARGIN, A4_PORTRAIT[1] - 60, 11, { color: rgb(1, 1, 1) });
  writer.text(t('studyReport.service'), MARGIN, A4_PORTRAIT[1] - 80, 11, { color: rgb(0.75, 0.85, 1) });
  if (options.logo) {
    try {
      const image = options.logo.mimeType === 'image/png' ? await writer.pdf.embedPng(options.logo.bytes) : await writer.pdf.embedJpg(options.logo.bytes);
      const size = image.scaleToFit(120, 90);
      page.drawImage(image, { x: A4_PORTRAIT[0] - MARGIN - size.width, y: A4_PORTRAIT[1] - 25 - size.height, width: size.width, height: size.height });
    } catch {
      // An unreadable logo is left out rather than failing the report.
    }
  }
  writer.y = A4_PORTRAIT[1] - 200;
  for (const line of writer.wrap(documentTitle, 24, writer.width, true)) {
    writer.text(line, MARGIN, writer.y, 24, { bold: true, color: ACCENT });
    writer.y -= 30;
  }
  for (const line of writer.wrap(study.title, 16, writer.width, true)) {
    writer.text(line, MARGIN, writer.y, 16, { bold: true });
    writer.y -= 22;
  }
  writer.y -= 20;
  writer.keyValues([...identificationRows(data), ...(options.version ? ([[t('studyReport.fields.version'), options.version]] as [string, string][]) : []), ...(options.author ? ([[t('studyReport.fields.author'), options.author]] as [string, string][]) : [])].filter(([key], index, rows) => rows.findLastIndex(([other]) => other === key) === index));
  writer.text(t('studyReport.generatedOn', { date: now.toISOString().slice(0, 10).split('-').reverse().join('/') }), MARGIN, MARGIN + 10, 9, { color: MUTED });
}

function identificationRows(data: StudyReportData): [string, string][] {
  const { study } = data.document;
  const period = study.endDate ? t('studyReport.periodValue', { start: isoToFrench(study.startDate), end: isoToFrench(study.endDate) }) : t('studyReport.periodOpen', { start: isoToFrench(study.startDate) });
  return [
    [t('studyReport.fields.kind'), t(`studyKinds.${study.kind}`)],
    [t('studyReport.fields.entity'), `${t(`entityKinds.${study.site.entityKind}`)} — ${study.site.entityName || t('studyReport.none')}`],
    [t('studyReport.fields.address'), study.site.address],
    [t('studyReport.fields.dit'), study.site.dit],
    [t('studyReport.fields.author'), study.author],
    [t('studyReport.fields.period'), period],
    [t('studyReport.fields.quote'), study.quoteReference],
    [t('studyReport.fields.order'), study.orderReference],
    [t('studyReport.fields.surface'), `${number(data.totalCoverageAreaM2)} m²`],
    [t('studyReport.fields.tier'), t(`tiers.${data.tier}`)],
  ];
}

function identification(writer: PdfWriter, data: StudyReportData, startSection: StartSection): void {
  startSection('identification');
  writer.keyValues([...identificationRows(data), [t('studyReport.fields.levels'), String(data.document.levels.length)], [t('studyReport.fields.notes'), data.document.study.notes]]);
  const columns = messages().studyReport.levelTable;
  const elevations = new Map(data.document.levels.map((level) => [level.id, level.elevationM]));
  writer.table(
    [{ header: columns.level, width: 3 }, { header: columns.elevation, width: 1.2, align: 'right' }, { header: columns.zones, width: 1, align: 'right' }, { header: columns.area, width: 1.6, align: 'right' }, { header: columns.aps, width: 1, align: 'right' }, { header: columns.walls, width: 1, align: 'right' }],
    data.levels.map((level) => [level.levelName, number(elevations.get(level.levelId) ?? 0, 2), String(level.zoneCount), number(level.coverageAreaM2), String(level.accessPointCount), String(level.wallCount)]),
  );
}

function hypotheses(writer: PdfWriter, data: StudyReportData, startSection: StartSection): void {
  const { document } = data;
  startSection('hypotheses');
  writer.heading(t('studyReport.zonesTitle'), 2);
  const zone = messages().studyReport.zoneTable;
  writer.table(
    [{ header: zone.zone, width: 2.4 }, { header: zone.level, width: 2 }, { header: zone.area, width: 1.2, align: 'right' }, { header: zone.profile, width: 1.8 }, { header: zone.users, width: 1.2, align: 'right' }, { header: zone.throughput, width: 1.4, align: 'right' }],
    data.zones.map((row) => [row.name, row.levelName, number(row.areaM2), row.profileName, String(row.userCount), number(row.throughputPerUserMbps, 2)]),
  );
  if (data.exclusions.length > 0) {
    writer.heading(t('studyReport.exclusionsTitle'), 2);
    const exclusion = messages().studyReport.exclusionTable;
    writer.table([{ header: exclusion.zone, width: 2 }, { header: exclusion.level, width: 2 }, { header: exclusion.area, width: 1, align: 'right' }, { header: exclusion.reason, width: 4 }], data.exclusions.map((row) => [row.name, row.levelName, number(row.areaM2), row.reason]));
  }
  writer.heading(t('studyReport.profilesTitle'), 2);
  const profile = messages().studyReport.profileTable;
  const usedProfiles = new Set(document.coverageZones.map((candidate) => candidate.requirementProfileId));
  const dash = t('studyReport.none');
  writer.table(
    [{ header: profile.name, width: 2 }, { header: profile.primary, width: 1.3, align: 'right' }, { header: profile.secondary, width: 1.3, align: 'right' }, { header: profile.snr, width: 1, align: 'right' }, { header: profile.coChannel, width: 1.5, align: 'right' }, { header: profile.rate, width: 1.3, align: 'right' }],
    document.requirementProfiles
      .filter((candidate) => usedProfiles.has(candidate.id))
      .map((candidate) => [candidate.name, number(candidate.minPrimaryRssiDbm, 0), candidate.minSecondaryRssiDbm === null ? dash : number(candidate.minSecondaryRssiDbm, 0), number(candidate.minSnrDb, 0), candidate.maxCoChannelAps === null ? dash : `${candidate.maxCoChannelAps} (≥ ${number(candidate.coChannelThresholdDbm, 0)} dBm)`, candidate.minPhyRateMbps === null ? dash : number(candidate.minPhyRateMbps, 0)]),
  );
  writer.heading(t('studyReport.radioTitle'), 2);
  const bands = [...new Set(document.accessPoints.flatMap((ap) => ap.radios.filter((radio) => radio.enabled).map((radio) => radio.band)))];
  const { prediction } = document;
  writer.keyValues([
    [t('studyReport.ssids'), document.ssids.map((ssid) => `${ssid.name} (${ssid.security})`).join(', ')],
    [t('studyReport.bands'), bands.map((value) => `${band(value)} GHz`).join(', ') || dash],
    [t('studyReport.model'), t('studyReport.modelValue', { model: t(`studyReport.models.${prediction.model}`), exponent: prediction.pathLossExponent, height: prediction.clientHeightM, resolution: prediction.gridResolutionM, nf: prediction.clientNoiseFigureDb })],
    [t('studyReport.dominantPath'), prediction.model === 'multi-murs' && prediction.dominantPath.enabled ? t('studyReport.dominantPathOn', { turn: number(prediction.dominantPath.turnLossDbAt90), heavy: number(prediction.dominantPath.heavyWallDb) }) : t('studyReport.dominantPathOff')],
  ]);
  writer.heading(t('studyReport.materialsTitle'), 2);
  const material = messages().studyReport.materialTable;
  writer.table(
    [{ header: material.name, width: 3 }, { header: material.loss24, width: 1, align: 'right' }, { header: material.loss5, width: 1, align: 'right' }, { header: material.loss6, width: 1, align: 'right' }, { header: material.walls, width: 1, align: 'right' }],
    data.materialsUsed.map((row) => [row.name, number(row.lossDb['2.4']), number(row.lossDb['5']), number(row.lossDb['6']), String(row.wallCount)]),
  );
}

async function implantationPlans(writer: PdfWriter, data: StudyReportData, context: PageContext, sectionPages: { title: string; page: number }[], title: string, withSurveyPoints = false): Promise<void> {
  const measured = withSurveyPoints ? surveySummary(data.document).bands : [];
  for (const [index, level] of data.document.levels.entries()) {
    const strongest = strongestBand(measured, level.id);
    await drawImplantationPage(writer, data, level, context.underlays, context.titleBlock(t('studyReport.planTitle', { level: level.name })), (page, transform) => {
      const points = measured.filter((candidate) => candidate.levelId === level.id && candidate.band === strongest).flatMap((summary) => summary.points);
      for (const point of points) {
        const at = transform.toPage(point.xM, point.yM);
        const [r, g, b] = colourise(Float32Array.of(point.bestDbm), DEFAULT_SCALES.rssi);
        page.drawCircle({ x: at.x, y: at.y, size: 3.5, color: rgb(r! / 255, g! / 255, b! / 255), borderColor: INK, borderWidth: 0.4 });
      }
      return points.length > 0 ? [t('studyReport.legendSurveyPoint', { band: band(strongest ?? '') })] : [];
    });
    if (index === 0) {
      sectionPages.push({ title, page: writer.pdf.getPageCount() });
      sectionLabel(writer, title);
    }
  }
}

async function coverage(writer: PdfWriter, data: StudyReportData, predictions: ReportPredictions, layers: readonly ReportLayer[], context: PageContext, sectionPages: { title: string; page: number }[], title: string): Promise<void> {
  if (predictions.results.length === 0) {
    writer.newPage(A4_PORTRAIT);
    sectionPages.push({ title, page: writer.pdf.getPageCount() });
    writer.heading(title);
    writer.paragraph(t('studyReport.noPrediction', { reason: predictions.error ?? t('studyReport.noRadios') }));
    return;
  }
  let first = true;
  for (const result of predictions.results) for (const layer of layers) {
    await drawCoveragePage(writer, data, result, layer, context.underlays);
    if (first) {
      sectionPages.push({ title, page: writer.pdf.getPageCount() });
      sectionLabel(writer, title);
    }
    first = false;
  }
}

function apTable(writer: PdfWriter, data: StudyReportData, predictions: ReportPredictions, forecast: StudyForecast, startSection: StartSection): void {
  // Fourteen columns: the table and the forecasts that follow it are printed landscape.
  startSection('accessPoints', A4_LANDSCAPE);
  const columns = messages().studyReport.apTable;
  const served = servedAreaByRadio(predictions);
  const users = clientsByRadio(forecast);
  const rows: string[][] = [];
  for (const ap of data.accessPoints) {
    for (const radio of ap.radios) {
      const area = served.get(radio.id);
      for (const ssid of radio.ssids.length ? radio.ssids : [t('studyReport.none')]) {
        const expected = users.get(radio.id);
        rows.push([String(ap.number), ap.name, ap.levelName, ap.room || t('studyReport.noRoom'), `${number(ap.xM)} ; ${number(ap.yM)}`, ap.modelName, number(ap.mountingHeightM), `${band(radio.band)} GHz`, String(radio.channel), String(radio.widthMHz), number(radio.txPowerDbm, 0), ssid, area === undefined ? t('studyReport.none') : number(area, 0), expected === undefined ? t('studyReport.none') : number(expected, 1)]);
      }
    }
  }
  writer.table(
    [
      { header: columns.number, width: 0.5, align: 'right' },
      { header: columns.name, width: 1.3 },
      { header: columns.level, width: 1.5 },
      { header: columns.room, width: 1.5 },
      { header: columns.position, width: 0.9, align: 'right' },
      { header: columns.model, width: 2 },
      { header: columns.height, width: 0.7, align: 'right' },
      { header: columns.band, width: 0.8 },
      { header: columns.channel, width: 0.7, align: 'right' },
      { header: columns.width, width: 0.8, align: 'right' },
      { header: columns.power, width: 0.9, align: 'right' },
      { header: columns.ssid, width: 1 },
      { header: columns.served, width: 1.2, align: 'right' },
      { header: columns.users, width: 1, align: 'right' },
    ],
    rows,
    7.5,
  );
  forecastTables(writer, forecast);
}

/** The contract's forecast per AP, band and SSID, and the capacity per zone and band (study-forecast.ts). */
function forecastTables(writer: PdfWriter, forecast: StudyForecast): void {
  if (forecast.radios.length === 0) return;
  const text = messages().results.forecast;
  const pct = (value: number, digits = 1) => `${number(value * 100, digits)} %`;
  const table = (caption: string | null, columns: TableColumn[], rows: string[][]) => {
    if (caption) {
      writer.ensureSpace(90);
      writer.heading(caption, 2);
    }
    writer.table(columns, rows, 7.5);
  };
  writer.heading(t('studyReport.forecastTitle'), 2);
  writer.paragraph(t('studyReport.forecastNote'), 8);
  table(
    null,
    [
      { header: text.radios.ap, width: 1.3 },
      { header: text.radios.band, width: 0.8 },
      { header: text.radios.channel, width: 0.6, align: 'right' },
      ...forecast.thresholdsDbm.map((threshold) => ({ header: t('results.forecast.radios.served', { threshold: number(threshold) }), width: 1.1, align: 'right' as const })),
      { header: text.radios.clients, width: 0.8, align: 'right' },
      { header: text.radios.airtime, width: 1.1, align: 'right' },
      { header: text.radios.edgeRate, width: 0.9, align: 'right' },
      { header: text.radios.beacons, width: 0.7, align: 'right' },
    ],
    forecast.radios.map((row) => [
      row.overLimit ? `${row.apName} (!)` : row.apName,
      `${band(row.band)} GHz`,
      String(row.channel),
      ...row.servedAreaM2.map((area) => number(area, 0)),
      number(row.clients, 1),
      `${pct(row.airtime)} / ${row.clients > 0 ? pct(row.airtimeLimit, 0) : '—'}`,
      number(row.edgeRateMbps, 0),
      pct(row.beaconOverhead),
    ]),
  );
  table(
    text.ssids.caption,
    [
      { header: text.ssids.ssid, width: 1.4 },
      { header: text.ssids.band, width: 0.8 },
      { header: text.ssids.radios, width: 1, align: 'right' },
      { header: t('results.forecast.ssids.served', { threshold: number(forecast.thresholdsDbm[0] ?? -67) }), width: 1.6, align: 'right' },
      { header: text.ssids.clients, width: 1, align: 'right' },
      { header: text.ssids.beacons, width: 1.2, align: 'right' },
    ],
    forecast.ssids.map((row) => [row.ssid, `${band(row.band)} GHz`, String(row.radios), number(row.servedAreaM2, 0), number(row.clients, 1), pct(row.beaconOverhead, 2)]),
  );
  table(
    text.zones.caption,
    [
      { header: text.zones.zone, width: 1.4 },
      { header: text.zones.level, width: 1.2 },
      { header: text.zones.band, width: 0.7 },
      { header: text.zones.share, width: 1.05, align: 'right' },
      { header: text.zones.users, width: 1.05, align: 'right' },
      { header: text.zones.airtime, width: 1, align: 'right' },
      { header: text.zones.needed, width: 1, align: 'right' },
      { header: text.zones.unserved, width: 1.05, align: 'right' },
    ],
    forecast.zones.map((row) => [row.zoneName, row.levelName, `${band(row.band)} GHz`, pct(row.userShare, 0), number(row.users, 1), pct(row.airtime), String(row.radiosNeeded), number(row.unservedUsers, 1)]),
  );
  writer.paragraph(text.method, 8);
}

/** The purchase-order sheet of the equipment list, as a table: lines by kind, subtotals, totals; unpriced amounts say so. */
function equipment(writer: PdfWriter, data: StudyReportData, now: Date, startSection: StartSection): void {
  startSection('equipment');
  const sheet = purchaseOrderSheet(data.document, now);
  const unknown = t('studyReport.priceUnknown');
  const euros = (value: number) => `${number(value, 2)} €`;
  let sectionPriced = true;
  let allPriced = true;
  const bold = new Set<number>();
  const rows = sheet.rows.map((row, index) => {
    const [reference, label, quantity, unitPrice, total] = row;
    if (reference && typeof reference === 'object' && 'text' in reference && !(total && typeof total === 'object')) {
      sectionPriced = true;
      bold.add(index);
      return [reference.text, '', '', '', ''];
    }
    if (typeof quantity === 'number') {
      if (unitPrice === null) sectionPriced = allPriced = false;
      const value = total && typeof total === 'object' && 'value' in total ? total.value : null;
      return [String(reference ?? ''), String(label ?? ''), number(quantity, 0), typeof unitPrice === 'number' ? euros(unitPrice) : unknown, unitPrice === null || value === null ? unknown : euros(value)];
    }
    // Subtotal (label in the designation column) or total (label in the first): unpriced lines make it partial.
    const value = total && typeof total === 'object' && 'value' in total ? total.value : null;
    const subtotal = typeof label === 'string';
    const priced = subtotal ? sectionPriced : allPriced;
    const amount = value === null || (!priced && value === 0) ? unknown : priced ? euros(value) : t('studyReport.partialTotal', { amount: euros(value) });
    if (!subtotal) bold.add(index);
    return subtotal ? ['', label, '', '', amount] : [reference && typeof reference === 'object' && 'text' in reference ? reference.text : '', '', '', '', amount];
  });
  const columns = sheet.columns;
  writer.table([{ header: columns[0]!.header, width: 1.7 }, { header: columns[1]!.header, width: 3.4 }, { header: columns[2]!.header, width: 0.9, align: 'right' }, { header: columns[3]!.header, width: 1.3, align: 'right' }, { header: columns[4]!.header, width: 1.5, align: 'right' }], rows, 8.5, bold);
  for (const note of sheet.notes) writer.paragraph(note, 8.5, MUTED);
}

const surveySummaries = new WeakMap<ProjectDocument, ReturnType<typeof summariseSurveys>>();

/** Measured figures of the study's own SSIDs, computed once per document for the sections that show them. */
function surveySummary(document: ProjectDocument): ReturnType<typeof summariseSurveys> {
  let summary = surveySummaries.get(document);
  if (!summary) {
    summary = summariseSurveys(document, new Set(document.ssids.map((ssid) => ssid.name)));
    surveySummaries.set(document, summary);
  }
  return summary;
}

/** The band with the most measured points on a level (the one drawn on the audit plan). */
function strongestBand(measured: ReturnType<typeof surveySummary>['bands'], levelId: string): string | undefined {
  return measured.filter((candidate) => candidate.levelId === levelId).sort((a, b) => b.points.length - a.points.length)[0]?.band;
}

function surveys(writer: PdfWriter, data: StudyReportData, startSection: StartSection): void {
  startSection('surveys');
  const { document } = data;
  const columns = messages().studyReport.surveyTable;
  const levels = new Map(document.levels.map((level) => [level.id, level.name]));
  writer.table(
    [{ header: columns.dataset, width: 2.5 }, { header: columns.level, width: 2 }, { header: columns.points, width: 1, align: 'right' }, { header: columns.readings, width: 1, align: 'right' }, { header: columns.offset, width: 1.2, align: 'right' }],
    document.surveys.map((dataset) => [dataset.name, levels.get(dataset.levelId) ?? '', String(dataset.points.length), String(dataset.points.reduce((sum, point) => sum + point.readings.length, 0)), number(dataset.deviceOffsetDb)]),
  );
  const summaries = surveySummary(document);
  const stats = messages().studyReport.measuredTable;
  writer.heading(t('studyReport.measuredTitle'), 2);
  writer.table(
    [{ header: stats.dataset, width: 2.2 }, { header: stats.band, width: 0.9 }, { header: stats.points, width: 0.9, align: 'right' }, { header: stats.min, width: 0.9, align: 'right' }, { header: stats.median, width: 0.9, align: 'right' }, { header: stats.max, width: 0.9, align: 'right' }, { header: stats.at67, width: 1.1, align: 'right' }, { header: stats.at72, width: 1.1, align: 'right' }],
    summaries.bands.map((row) => [row.datasetName, `${band(row.band)} GHz`, String(row.points.length), number(row.minDbm, 0), number(row.medianDbm, 1), number(row.maxDbm, 0), share(row.shareAtLeast67), share(row.shareAtLeast72)]),
  );
  if (summaries.neighbours.length > 0) {
    writer.heading(t('studyReport.neighboursTitle'), 2);
    writer.paragraph(summaries.neighbours.map((entry) => t('studyReport.neighbour', { label: entry.label, count: entry.bssidCount })).join('\n'));
  }
}

function findings(writer: PdfWriter, data: StudyReportData, predictions: ReportPredictions, forecast: StudyForecast, startSection: StartSection): void {
  startSection('findings');
  const zones = new Map(data.document.coverageZones.map((zone) => [zone.id, zone]));
  const levels = new Map(data.document.levels.map((level) => [level.id, level.name]));
  const profiles = new Map(data.document.requirementProfiles.map((profile) => [profile.id, profile.name]));
  const lines: string[] = [];
  // Zones meeting their profile collapse into one line; each failing one gets its own, the analysis report says why.
  const met: string[] = [];
  for (const result of predictions.results) {
    const failing: string[] = [];
    for (const { zoneId, statistics } of result.zones) {
      const zone = zones.get(zoneId)!;
      const level = levels.get(result.levelId) ?? '';
      if (statistics.all >= 0.95) met.push(`${zone.name} (${level}, ${band(result.band)} GHz)`);
      else failing.push(t('studyReport.findings.zoneShare', { zone: zone.name, profile: profiles.get(zone.requirementProfileId) ?? '', share: share(statistics.all) }));
    }
    if (failing.length > 0) lines.push(t('studyReport.findings.zonesFail', { level: levels.get(result.levelId) ?? '', band: band(result.band), count: failing.length, list: failing.join(' ; ') }));
    const roaming = result.zones.map(({ zoneId }) => `${zones.get(zoneId)!.name} ${share(result.roamingShare.get(zoneId) ?? 0)}`);
    if (roaming.length > 0) lines.push(t('studyReport.findings.roaming', { level: levels.get(result.levelId) ?? '', band: band(result.band), list: roaming.join(', ') }));
  }
  if (met.length > 0) lines.unshift(t('studyReport.findings.zonesMeet', { count: met.length, list: met.join(' ; ') }));
  for (const ap of ['2.4', '5', '6'] as const) {
    const byChannel = new Map<number, string[]>();
    for (const row of data.accessPoints) for (const radio of row.radios) if (radio.band === ap) byChannel.set(radio.channel, [...(byChannel.get(radio.channel) ?? []), row.name]);
    for (const [channel, names] of byChannel) if (names.length > 1) lines.push(t('studyReport.findings.sameChannel', { band: band(ap), aps: names.join(', '), channel }));
    // Partly overlapping 2.4 GHz channels (fewer than 5 channels apart) leak into each other (mask −1 to −7 dB).
    if (ap === '2.4') {
      const channels = [...byChannel.keys()].sort((a, b) => a - b);
      for (let i = 0; i < channels.length; i++) for (let j = i + 1; j < channels.length; j++) {
        if (channels[j]! - channels[i]! < 5) lines.push(t('studyReport.findings.adjacentChannel', { first: channels[i]!, second: channels[j]!, aps: [...byChannel.get(channels[i]!)!, ...byChannel.get(channels[j]!)!].join(', ') }));
      }
    }
  }
  for (const violation of eirpViolations(data.document)) {
    lines.push(t('studyReport.findings.eirpOver', { ap: violation.apName, band: band(violation.band), channel: violation.channel, eirp: number(violation.eirpDbm, 1), max: violation.maxDbm }));
  }
  for (const row of forecast.radios.filter((candidate) => candidate.overLimit)) {
    lines.push(t('studyReport.findings.overLimit', { ap: row.apName, band: band(row.band), airtime: number(row.airtime * 100, 0), limit: number(row.airtimeLimit * 100, 0), clients: number(row.clients, 1) }));
  }
  const zoneNames = new Map(data.document.coverageZones.map((zone) => [zone.id, zone.name]));
  for (const check of data.document.surveys.length ? surveySummary(data.document).zones : []) {
    lines.push(t('studyReport.findings.measuredZone', { zone: zoneNames.get(check.zoneId) ?? check.zoneId, band: band(check.band), meeting: check.meetingPrimary, points: check.measuredPoints, threshold: check.thresholdDbm }));
  }
  for (const source of data.document.interferenceSources) {
    lines.push(t('studyReport.findings.interference', { name: source.name, kind: source.kind, band: band(source.band), level: levels.get(source.levelId) ?? '', x: number(source.position.xM), y: number(source.position.yM) }));
  }
  for (const item of data.missing) lines.push(t('studyReport.findings.missing', { item }));
  if (predictions.error) lines.push(t('studyReport.noPrediction', { reason: predictions.error }));
  if (lines.length === 0) lines.push(t('studyReport.findings.nothing'));
  for (const line of lines) writer.paragraph(`• ${line}`);
}
