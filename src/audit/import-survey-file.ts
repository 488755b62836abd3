/** Reads a survey file of any supported layout; the generic layout may need the user's column mapping. Pure. */
import { parseCsv, type CsvTable } from '../import/survey/csv.ts';
import { decodeText } from '../import/survey/decode-text.ts';
import { isFengTable, readFeng } from '../import/survey/feng-csv.ts';
import { guessMapping, missingFields, readGenericSurvey, type ColumnMapping, type GenericOptions } from '../import/survey/generic-csv.ts';
import { isNetSpotTable, readNetSpot } from '../import/survey/netspot-csv.ts';
import type { RejectedRows, SurveyImportResult } from '../import/survey/survey-import.ts';

export type SurveyFileReading = { kind: 'read'; result: SurveyImportResult } | { kind: 'needs-mapping'; table: CsvTable; mapping: ColumnMapping } | { kind: 'empty' };

/** A file's bytes, decoded whatever their encoding, then read as below. */
export function readSurveyBytes(bytes: Uint8Array, fileName: string, options: GenericOptions): SurveyFileReading {
  return readSurveyText(decodeText(bytes).text, fileName, options);
}

export function readSurveyText(text: string, fileName: string, options: GenericOptions): SurveyFileReading {
  const table = parseCsv(text);
  if (table.header.length === 0 || (table.rows.length === 0 && Object.keys(table.rejected).length === 0)) return { kind: 'empty' };
  if (isNetSpotTable(table)) return { kind: 'read', result: withTableRejections(readNetSpot(table), table) };
  if (isFengTable(table)) return { kind: 'read', result: withTableRejections(readFeng(table, fileName.replace(/\.[^.]+$/, '')), table) };
  const mapping = guessMapping(table.header);
  if (missingFields(mapping).length > 0) return { kind: 'needs-mapping', table, mapping };
  return { kind: 'read', result: readMappedSurvey(table, mapping, options) };
}

/** The generic layout once its columns are known, with the rows the CSV reader left out counted too. */
export function readMappedSurvey(table: CsvTable, mapping: ColumnMapping, options: GenericOptions): SurveyImportResult {
  return withTableRejections(readGenericSurvey(table, mapping, options), table);
}

function withTableRejections(result: SurveyImportResult, table: CsvTable): SurveyImportResult {
  const rejected: RejectedRows = { ...table.rejected };
  for (const [reason, count] of Object.entries(result.rejected)) rejected[reason] = (rejected[reason] ?? 0) + count;
  const leftOutByReader = Object.values(table.rejected).reduce((sum, count) => sum + count, 0);
  return { ...result, rejected, rowCount: result.rowCount + leftOutByReader };
}
