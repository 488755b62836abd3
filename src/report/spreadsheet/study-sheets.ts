/**
 * The sheets of the equipment list, ready for a purchase order: « Matériel » groups the lines by kind (APs, mounts,
 * licences, other accessories, spare APs, PoE switch ports, copper runs) with a subtotal each, then the total before
 * tax, the VAT and the total with tax, all as formulas; « Bornes » is the AP table with room, position and the
 * estimated cable run; the forecast sheets give shares as percentages. Every sheet starts with the study's
 * identification.
 */
import { formatNumber, messages, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { POE_CLASSES } from '../../model/poe.ts';
import type { StudyReportData } from '../report-data.ts';
import type { StudyForecast } from '../study-forecast.ts';
import { cableRuns, MAX_PERMANENT_LINK_M } from './cable-runs.ts';
import type { Cell, Column, Sheet } from './sheet-model.ts';

/** French VAT on equipment (metropolitan rate). */
export const VAT_RATE = 0.2;

const band = (value: string) => `${value.replace('.', ',')} GHz`;

export function preamble(document: ProjectDocument, documentTitle: string, now: Date): string[] {
  const { study } = document;
  const references = [study.delivery.contractNumber && t('documentControl.contractRef', { ref: study.delivery.contractNumber }), study.orderReference && t('documentControl.orderRef', { ref: study.orderReference }), study.quoteReference && t('sheets.quoteRef', { ref: study.quoteReference })].filter(Boolean).join(' — ');
  return [
    `${documentTitle} — ${study.title}`,
    [study.site.entityName, study.site.address].filter(Boolean).join(', '),
    references || t('documentControl.notGiven'),
    t('sheets.generated', { date: now.toISOString().slice(0, 10).split('-').reverse().join('/'), author: study.author || '—' }),
  ];
}

type Kind = 'aps' | 'mounts' | 'licences' | 'accessories' | 'spares' | 'poe' | 'cabling';

interface Line {
  kind: Kind;
  reference: string;
  label: string;
  quantity: number;
  unitPriceEur: number | null;
}

function kindOfAccessory(reference: string, label: string): Kind {
  const text = `${reference} ${label}`;
  if (/licen/i.test(text)) return 'licences';
  if (/support|fixation|mount|bracket|rail/i.test(text)) return 'mounts';
  return 'accessories';
}

function equipmentLines(document: ProjectDocument): { lines: Line[]; runs: Map<string, number> | null } {
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const lines = new Map<string, Line>();
  const add = (kind: Kind, reference: string, label: string, unitPriceEur: number | null, quantity = 1) => {
    const key = `${kind}/${reference}`;
    const line = lines.get(key) ?? { kind, reference, label, quantity: 0, unitPriceEur };
    line.quantity += quantity;
    lines.set(key, line);
  };
  const perModel = new Map<string, number>();
  for (const ap of document.accessPoints) {
    const model = models.get(ap.modelId);
    if (!model) continue;
    add('aps', model.bomReference || model.model, `${model.vendor} ${model.model}`.trim(), model.priceEur);
    perModel.set(model.id, (perModel.get(model.id) ?? 0) + 1);
    for (const accessory of model.accessories) add(kindOfAccessory(accessory.reference, accessory.label), accessory.reference, accessory.label, accessory.priceEur);
  }
  const share = document.study.delivery.spareShare;
  for (const [modelId, count] of perModel) {
    const model = models.get(modelId)!;
    const spares = Math.ceil(count * share);
    if (spares > 0) add('spares', model.bomReference || model.model, t('sheets.spareOf', { model: `${model.vendor} ${model.model}`.trim(), share: formatNumber(share * 100, 0) }), model.priceEur, spares);
  }
  const aps = document.accessPoints.length;
  // One switch port per AP, of the PoE class its model needs; a model whose class is unknown is counted as 802.3at.
  const byClass = new Map<number | null, number>();
  for (const ap of document.accessPoints) {
    const poeClass = models.get(ap.modelId)?.poeClass ?? null;
    byClass.set(poeClass, (byClass.get(poeClass) ?? 0) + 1);
  }
  for (const [poeClass, count] of [...byClass].sort((a, b) => (a[0] ?? 99) - (b[0] ?? 99))) {
    const entry = poeClass === null ? null : POE_CLASSES[poeClass]!;
    if (entry) add('poe', t('sheets.poeClassReference', { poeClass: entry.poeClass }), t('sheets.poeClassLabel', { standard: entry.standard, poeClass: entry.poeClass, watts: formatNumber(entry.pseW, 1) }), null, count);
    else add('poe', t('sheets.poeReference'), t('sheets.poeLabel'), null, count);
  }
  const runs = cableRuns(document);
  if (aps > 0) {
    add('cabling', t('sheets.cableReference'), t('sheets.cableRuns'), null, aps);
    if (runs) add('cabling', t('sheets.cableMetresReference'), t('sheets.cableMetres'), null, Math.ceil([...runs.values()].reduce((sum, value) => sum + value, 0)));
  }
  return { lines: [...lines.values()], runs };
}

export function purchaseOrderSheet(document: ProjectDocument, now: Date): Sheet {
  const columns = messages().studyReport.equipmentTable;
  const { lines, runs } = equipmentLines(document);
  const sheet: Sheet = {
    name: t('deliverables.sheets.equipment'),
    preamble: preamble(document, t('sheets.equipmentTitle'), now),
    columns: [
      { header: columns.reference, format: 'text', width: 24 },
      { header: columns.label, format: 'text', width: 46 },
      { header: columns.quantity, format: 'integer', width: 10 },
      { header: columns.unitPrice, format: 'euro', width: 18 },
      { header: columns.total, format: 'euro', width: 18 },
    ],
    rows: [],
    notes: [],
  };
  const subtotals: number[] = [];
  let complete = true;
  const kinds: Kind[] = ['aps', 'mounts', 'licences', 'accessories', 'spares', 'poe', 'cabling'];
  for (const kind of kinds) {
    const section = lines.filter((line) => line.kind === kind);
    if (section.length === 0) continue;
    sheet.rows.push([{ text: t(`sheets.kinds.${kind}`), bold: true }, null, null, null, null]);
    const first = sheet.rows.length;
    // Cached values are what the formulas give: an empty price counts as 0, as in any spreadsheet.
    let sectionTotal = 0;
    for (const line of section) {
      const row = sheet.rows.length;
      const total = (line.unitPriceEur ?? 0) * line.quantity;
      if (line.unitPriceEur === null) complete = false;
      sectionTotal += total;
      sheet.rows.push([line.reference, line.label, line.quantity, line.unitPriceEur, { formula: { kind: 'product', a: [2, row], b: [3, row] }, value: total }]);
    }
    subtotals.push(sheet.rows.length);
    sheet.rows.push([null, t('sheets.subtotal', { kind: t(`sheets.kinds.${kind}`) }), null, null, { formula: { kind: 'sum', column: 4, from: first, to: sheet.rows.length - 1 }, value: sectionTotal, bold: true }]);
  }
  const totalHt = subtotals.map((row) => (sheet.rows[row]![4] as { value: number }).value).reduce((sum, value) => sum + value, 0);
  const totalRow = sheet.rows.length;
  sheet.rows.push([{ text: t('sheets.totalHt'), bold: true }, null, null, null, { formula: { kind: 'add', cells: subtotals.map((row) => [4, row] as const) }, value: totalHt, bold: true }]);
  const vatRow = sheet.rows.length;
  sheet.rows.push([{ text: t('sheets.vat', { rate: formatNumber(VAT_RATE * 100, 0) }), bold: true }, null, null, null, { formula: { kind: 'scaled', a: [4, totalRow], factor: VAT_RATE }, value: totalHt * VAT_RATE, bold: true }]);
  sheet.rows.push([{ text: t('sheets.totalTtc'), bold: true }, null, null, null, { formula: { kind: 'add', cells: [[4, totalRow], [4, vatRow]] }, value: totalHt * (1 + VAT_RATE), bold: true }]);
  if (!complete) sheet.notes.push(t('sheets.pricesMissing'));
  const budget = poeBudget(document);
  if (budget.ports > 0) sheet.notes.push(t('sheets.poeBudget', { watts: formatNumber(budget.reservedW, 1), ports: budget.ports, unknown: budget.unknown }));
  sheet.notes.push(runs ? t('sheets.cableMethod', { max: MAX_PERMANENT_LINK_M }) : t('sheets.noTechnicalRoom'));
  const long = runs ? [...runs.values()].filter((run) => run > MAX_PERMANENT_LINK_M).length : 0;
  if (long > 0) sheet.notes.push(t('sheets.longRuns', { count: long, max: MAX_PERMANENT_LINK_M }));
  return sheet;
}

export function accessPointSheet(data: StudyReportData, document: ProjectDocument, servedAreaM2: ReadonlyMap<string, number>, expectedUsers: ReadonlyMap<string, number>, now: Date): Sheet {
  const text = messages().studyReport.apTable;
  const runs = cableRuns(document);
  const columns: Column[] = [
    { header: text.number, format: 'integer', width: 5 },
    { header: text.name, format: 'text', width: 14 },
    { header: text.level, format: 'text', width: 24 },
    { header: t('sheets.room'), format: 'text', width: 24 },
    { header: t('sheets.x'), format: 'm', width: 9 },
    { header: t('sheets.y'), format: 'm', width: 9 },
    { header: text.model, format: 'text', width: 22 },
    { header: text.height, format: 'm', width: 9 },
    { header: text.band, format: 'text', width: 9 },
    { header: text.channel, format: 'integer', width: 8 },
    { header: text.width, format: 'integer', width: 9 },
    { header: text.power, format: 'dbm', width: 12 },
    { header: text.ssid, format: 'text', width: 14 },
    { header: text.served, format: 'm2', width: 16 },
    { header: text.users, format: 'decimal1', width: 12 },
    { header: t('sheets.cableRun'), format: 'm', width: 12 },
  ];
  const rows: Cell[][] = [];
  for (const ap of data.accessPoints) {
    for (const radio of ap.radios) {
      for (const ssid of radio.ssids.length ? radio.ssids : ['']) {
        rows.push([ap.number, ap.name, ap.levelName, ap.room, ap.xM, ap.yM, ap.modelName, ap.mountingHeightM, band(radio.band), radio.channel, radio.widthMHz, radio.txPowerDbm, ssid, servedAreaM2.get(radio.id) ?? null, expectedUsers.has(radio.id) ? Math.round(expectedUsers.get(radio.id)! * 10) / 10 : null, runs?.get(ap.id) ?? null]);
      }
    }
  }
  return { name: t('deliverables.sheets.accessPoints'), preamble: preamble(document, t('sheets.apTitle'), now), columns, rows, notes: [] };
}

/** Forecast per radio, per SSID and per zone and band; shares are fractions shown as percentages. */
export function forecastSheets(forecast: StudyForecast, document: ProjectDocument, now: Date): Sheet[] {
  const text = messages().results.forecast;
  const head = preamble(document, t('sheets.forecastTitle'), now);
  return [
    {
      name: t('deliverables.sheets.forecast'),
      preamble: head,
      columns: [
        { header: text.radios.ap, format: 'text', width: 14 },
        { header: text.radios.level, format: 'text', width: 24 },
        { header: text.radios.band, format: 'text', width: 9 },
        { header: text.radios.channel, format: 'integer', width: 8 },
        ...forecast.thresholdsDbm.map((threshold) => ({ header: t('results.forecast.radios.served', { threshold }), format: 'm2' as const, width: 16 })),
        { header: text.radios.clients, format: 'decimal1', width: 12 },
        { header: t('deliverables.columns.airtime'), format: 'percent', width: 14 },
        { header: t('deliverables.columns.airtimeLimit'), format: 'percent', width: 14 },
        { header: text.radios.edgeRate, format: 'mbps', width: 14 },
        { header: text.radios.ssids, format: 'text', width: 16 },
        { header: text.radios.beacons, format: 'percent', width: 12 },
      ],
      rows: forecast.radios.map((row) => [row.apName, row.levelName, band(row.band), row.channel, ...row.servedAreaM2, row.clients, row.airtime, row.airtimeLimit, row.edgeRateMbps, row.ssids.join(', '), row.beaconOverhead]),
      notes: [text.method],
    },
    {
      name: t('deliverables.sheets.ssids'),
      preamble: head,
      columns: [
        { header: text.ssids.ssid, format: 'text', width: 14 },
        { header: text.ssids.band, format: 'text', width: 9 },
        { header: text.ssids.radios, format: 'integer', width: 8 },
        { header: t('results.forecast.ssids.served', { threshold: forecast.thresholdsDbm[0] ?? -67 }), format: 'm2', width: 18 },
        { header: text.ssids.clients, format: 'decimal1', width: 12 },
        { header: text.ssids.beacons, format: 'percent', width: 12 },
      ],
      rows: forecast.ssids.map((row) => [row.ssid, band(row.band), row.radios, row.servedAreaM2, row.clients, row.beaconOverhead]),
      notes: [],
    },
    {
      name: t('deliverables.sheets.zones'),
      preamble: head,
      columns: [
        { header: text.zones.zone, format: 'text', width: 22 },
        { header: text.zones.level, format: 'text', width: 24 },
        { header: text.zones.band, format: 'text', width: 9 },
        { header: text.zones.share, format: 'percent', width: 12 },
        { header: text.zones.users, format: 'decimal1', width: 12 },
        { header: text.zones.airtime, format: 'percent', width: 12 },
        { header: text.zones.needed, format: 'integer', width: 12 },
        { header: text.zones.unserved, format: 'decimal1', width: 12 },
      ],
      rows: forecast.zones.map((row) => [row.zoneName, row.levelName, band(row.band), row.userShare, row.users, row.airtime, row.radiosNeeded, row.unservedUsers]),
      notes: [],
    },
  ];
}

/** Power the switches reserve for the APs (W, by PoE class; an unknown class counts as 802.3at's 30 W). */
export function poeBudget(document: ProjectDocument): { reservedW: number; ports: number; unknown: number } {
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  let reservedW = 0;
  let unknown = 0;
  for (const ap of document.accessPoints) {
    const poeClass = models.get(ap.modelId)?.poeClass ?? null;
    if (poeClass === null) unknown++;
    reservedW += POE_CLASSES[poeClass ?? 4]!.pseW;
  }
  return { reservedW, ports: document.accessPoints.length, unknown };
}
