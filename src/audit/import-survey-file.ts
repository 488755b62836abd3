/** Reads a survey CSV of any supported layout; the generic layout may need the user's column mapping. */
import { parseCsv, type CsvTable } from '../import/survey/csv.ts';
import { isFengTable, readFeng } from '../import/survey/feng-csv.ts';
import { guessMapping, missingFields, readGenericSurvey, type ColumnMapping, type GenericOptions } from '../import/survey/generic-csv.ts';
import { isNetSpotTable, readNetSpot } from '../import/survey/netspot-csv.ts';
import type { SurveyImportResult } from '../import/survey/survey-import.ts';

export type SurveyFileReading = { kind: 'read'; result: SurveyImportResult } | { kind: 'needs-mapping'; table: CsvTable; mapping: ColumnMapping } | { kind: 'empty' };

export function readSurveyText(text: string, fileName: string, options: GenericOptions): SurveyFileReading {
  const table = parseCsv(text);
  if (table.header.length === 0 || table.rows.length === 0) return { kind: 'empty' };
  if (isNetSpotTable(table)) return { kind: 'read', result: readNetSpot(table) };
  if (isFengTable(table)) return { kind: 'read', result: readFeng(table, fileName.replace(/\.[^.]+$/, '')) };
  const mapping = guessMapping(table.header);
  if (missingFields(mapping).length > 0) return { kind: 'needs-mapping', table, mapping };
  return { kind: 'read', result: readGenericSurvey(table, mapping, options) };
}
