/// <reference lib="webworker" />
/**
 * Survey files are decoded, parsed and read off the main thread. The parsed table stays here while the user maps
 * its columns, so only its header and a few rows cross to the page. The app terminates the worker to cancel.
 */
import * as Comlink from 'comlink';
import { readMappedSurvey, readSurveyBytes } from '../../audit/import-survey-file.ts';
import type { CsvTable } from './csv.ts';
import type { ColumnMapping, GenericOptions } from './generic-csv.ts';
import type { SurveyImportResult } from './survey-import.ts';

export type SurveyWorkerReading =
  | { kind: 'read'; result: SurveyImportResult; encoding: string }
  | { kind: 'needs-mapping'; header: string[]; sample: string[][]; rowCount: number; mapping: ColumnMapping; encoding: string }
  | { kind: 'empty' };

let pending: CsvTable | null = null;

const api = {
  read(bytes: Uint8Array, fileName: string, options: GenericOptions): SurveyWorkerReading {
    const reading = readSurveyBytes(bytes, fileName, options);
    pending = null;
    if (reading.kind !== 'needs-mapping') return reading;
    pending = reading.table;
    const { header, rows } = reading.table;
    return { kind: 'needs-mapping', header, sample: rows.slice(0, 5), rowCount: rows.length, mapping: reading.mapping, encoding: reading.encoding };
  },
  applyMapping(mapping: ColumnMapping, options: GenericOptions): SurveyImportResult | null {
    return pending ? readMappedSurvey(pending, mapping, options) : null;
  },
};
export type SurveyWorkerApi = typeof api;
Comlink.expose(api);
