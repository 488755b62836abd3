/**
 * Survey CSV files read with papaparse (RFC 4180 quoting, delimiter guessed among `,` `;` tab and `|`), decoded
 * first whatever their encoding (decode-text.ts). Rows that cannot be read are counted by their reason, never
 * dropped silently: an unclosed quote, more cells than the header (often a decimal comma in a comma-separated
 * file), rows beyond the limit. Pure: runs in the survey worker and in tests.
 */
import Papa from 'papaparse';
import { t } from '../../i18n/index.ts';
import type { RejectedRows } from './survey-import.ts';

export interface CsvTable {
  header: string[];
  rows: string[][];
  delimiter: string;
  /** Rows left out while reading the text, by French reason. */
  rejected: RejectedRows;
}

export const MAX_CSV_ROWS = 2_000_000;
const DELIMITERS = [',', ';', '\t', '|'];

export function detectDelimiter(firstLine: string): string {
  const counts = DELIMITERS.map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function parseCsv(text: string, maxRows = MAX_CSV_ROWS): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = source.search(/\r?\n/);
  const delimiter = detectDelimiter(firstBreak < 0 ? source : source.slice(0, firstBreak));
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: 'greedy' });
  const [header = [], ...body] = parsed.data;
  const rejected: RejectedRows = {};
  const count = (reason: string, rows = 1) => void (rejected[reason] = (rejected[reason] ?? 0) + rows);
  // papaparse reports errors by row index in `data` (header included).
  const broken = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row === undefined) continue;
    const reason = error.type === 'Quotes' ? t('survey.rejected.quote') : error.code === 'TooManyFields' ? t('survey.rejected.tooManyCells') : null;
    if (reason && !broken.has(error.row)) broken.set(error.row, reason);
  }
  const rows: string[][] = [];
  body.forEach((row, index) => {
    const reason = broken.get(index + 1);
    if (reason) return count(reason);
    if (row.length > header.length && header.length > 0 && row.slice(header.length).some((cell) => cell.trim() !== '')) return count(t('survey.rejected.tooManyCells'));
    rows.push(row);
  });
  if (rows.length > maxRows) {
    count(t('survey.rejected.overLimit', { max: maxRows }), rows.length - maxRows);
    rows.length = maxRows;
  }
  return { header: header.map((cell) => cell.trim()), rows, delimiter, rejected };
}

/** A number from a cell, accepting a decimal comma; null for empty or non-numeric text. */
export function cellNumber(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const trimmed = cell.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** A header name compared without case, accents or surrounding spaces (« Étage » = « etage »). */
export function normaliseHeader(name: string): string {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').trim().toLowerCase();
}
