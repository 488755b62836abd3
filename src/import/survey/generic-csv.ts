/**
 * The documented generic survey CSV (docs/audit.md): one row per reading, columns found by name (French or English)
 * or mapped by the user when the headers differ. Rows at the same position (and time) form one survey point.
 * Rejected rows are counted by reason, never silently dropped.
 */
import { t } from '../../i18n/index.ts';
import type { Band } from '../../model/schema.ts';
import { cellNumber, normaliseHeader, type CsvTable } from './csv.ts';
import { LIMITS } from '../../model/schema.ts';
import { reject, type ImportedDataset, type SurveyImportResult, type SurveyReading } from './survey-import.ts';

export const SURVEY_FIELDS = ['x', 'y', 'xPx', 'yPx', 'level', 'bssid', 'ssid', 'band', 'frequency', 'channel', 'width', 'rssi', 'noise', 'time'] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
export type ColumnMapping = Partial<Record<SurveyField, number>>;

const SYNONYMS: Record<SurveyField, string[]> = {
  x: ['x_m', 'x', 'pos_x', 'position_x', 'x (m)'],
  y: ['y_m', 'y', 'pos_y', 'position_y', 'y (m)'],
  xPx: ['x_px', 'x_pixel', 'pixel_x'],
  yPx: ['y_px', 'y_pixel', 'pixel_y'],
  level: ['niveau', 'level', 'floor', 'etage', 'étage'],
  bssid: ['bssid', 'mac', 'adresse_mac'],
  ssid: ['ssid', 'reseau', 'réseau', 'network'],
  band: ['bande', 'band'],
  frequency: ['frequence_mhz', 'fréquence_mhz', 'frequency_mhz', 'frequence', 'fréquence', 'frequency', 'freq'],
  channel: ['canal', 'channel', 'ch'],
  width: ['largeur_mhz', 'largeur', 'width_mhz', 'width', 'channel_width'],
  rssi: ['rssi_dbm', 'rssi', 'signal_dbm', 'signal', 'niveau_dbm'],
  noise: ['bruit_dbm', 'bruit', 'noise_dbm', 'noise'],
  time: ['heure', 'horodatage', 'time', 'timestamp', 'date'],
};

/** Columns recognised by name; the user completes or corrects the mapping when something required is missing. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const normalised = header.map(normaliseHeader);
  for (const field of SURVEY_FIELDS) {
    const names = SYNONYMS[field].map(normaliseHeader);
    const index = normalised.findIndex((name) => names.includes(name));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

/** Fields still needed: a position (metres or pixels) and a signal level. */
export function missingFields(mapping: ColumnMapping): SurveyField[] {
  const missing: SurveyField[] = [];
  const metres = mapping.x !== undefined && mapping.y !== undefined;
  const pixels = mapping.xPx !== undefined && mapping.yPx !== undefined;
  if (!metres && !pixels) missing.push('x', 'y');
  if (mapping.rssi === undefined) missing.push('rssi');
  return missing;
}

export function bandOf(band: string | undefined, frequencyMHz: number | null, channel: number | null): Band | null {
  const text = (band ?? '').trim().replace(',', '.').toLowerCase().replace(/\s*ghz$/, '');
  if (text === '2.4' || text === '2' || text === '2.4g') return '2.4';
  if (text === '5' || text === '5g') return '5';
  if (text === '6' || text === '6g' || text === '6e') return '6';
  if (frequencyMHz !== null) return frequencyMHz < 3000 ? '2.4' : frequencyMHz < 5925 ? '5' : '6';
  if (channel !== null) return channel <= 14 ? '2.4' : '5';
  return null;
}

export interface GenericOptions {
  /** Metres per plan pixel, to convert pixel positions (null: pixel positions are refused). */
  metersPerPixel: number | null;
  /** Plan bounds in metres; points outside are rejected. */
  bounds: { minX: number; minY: number; maxX: number; maxY: number } | null;
  defaultName: string;
}

export function readGenericSurvey(table: CsvTable, mapping: ColumnMapping, options: GenericOptions): SurveyImportResult {
  const rejected = {};
  const datasets = new Map<string, ImportedDataset>();
  const pointIndex = new Map<string, number>();
  const seen = new Set<string>();
  const cell = (row: string[], field: SurveyField) => (mapping[field] === undefined ? undefined : row[mapping[field]!]);
  const usePixels = mapping.x === undefined || mapping.y === undefined;
  for (const row of table.rows) {
    const rowKey = row.join('\u0001');
    if (seen.has(rowKey)) {
      reject(rejected, t('survey.rejected.duplicate'));
      continue;
    }
    seen.add(rowKey);
    let xM = cellNumber(cell(row, usePixels ? 'xPx' : 'x'));
    let yM = cellNumber(cell(row, usePixels ? 'yPx' : 'y'));
    if (xM === null || yM === null) {
      reject(rejected, t('survey.rejected.position'));
      continue;
    }
    if (usePixels) {
      if (!options.metersPerPixel) {
        reject(rejected, t('survey.rejected.pixelsWithoutScale'));
        continue;
      }
      xM *= options.metersPerPixel;
      yM *= options.metersPerPixel;
    }
    if (Math.abs(xM) > LIMITS.coordinateM || Math.abs(yM) > LIMITS.coordinateM) {
      reject(rejected, t('survey.rejected.coordinateRange'));
      continue;
    }
    const bounds = options.bounds;
    if (bounds && (xM < bounds.minX || xM > bounds.maxX || yM < bounds.minY || yM > bounds.maxY)) {
      reject(rejected, t('survey.rejected.outside'));
      continue;
    }
    const rssi = cellNumber(cell(row, 'rssi'));
    if (rssi === null) {
      reject(rejected, t('survey.rejected.rssiNotNumber'));
      continue;
    }
    if (rssi >= 0 || rssi < -150) {
      reject(rejected, t('survey.rejected.rssiRange'));
      continue;
    }
    const channelValue = cellNumber(cell(row, 'channel'));
    const channel = channelValue !== null && Number.isInteger(channelValue) && channelValue >= 1 && channelValue <= 233 ? channelValue : null;
    const band = bandOf(cell(row, 'band'), cellNumber(cell(row, 'frequency')), channel);
    if (!band) {
      reject(rejected, t('survey.rejected.band'));
      continue;
    }
    const widthValue = cellNumber(cell(row, 'width'));
    const widthMHz = widthValue === 20 || widthValue === 40 || widthValue === 80 || widthValue === 160 ? widthValue : null;
    const noise = cellNumber(cell(row, 'noise'));
    const reading: SurveyReading = {
      bssid: (cell(row, 'bssid') ?? '').trim().toLowerCase().slice(0, 40),
      ssid: (cell(row, 'ssid') ?? '').trim().slice(0, 64),
      band,
      channel,
      widthMHz,
      rssiDbm: rssi,
      noiseDbm: noise !== null && noise < 0 && noise >= -150 ? noise : null,
    };
    const name = (cell(row, 'level') ?? '').trim().slice(0, 120) || options.defaultName;
    const dataset = datasets.get(name) ?? { name, points: [] };
    datasets.set(name, dataset);
    const time = (cell(row, 'time') ?? '').trim().slice(0, 40) || null;
    const key = `${name}|${xM}|${yM}|${time ?? ''}`;
    const existing = pointIndex.get(key);
    if (existing !== undefined) dataset.points[existing]!.readings.push(reading);
    else {
      pointIndex.set(key, dataset.points.length);
      dataset.points.push({ position: { xM, yM }, time, readings: [reading], active: null });
    }
  }
  return { format: 'generique', datasets: [...datasets.values()], rowCount: table.rows.length, rejected };
}
