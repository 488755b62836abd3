/// <reference lib="webworker" />
/**
 * Survey files are decoded, parsed and read off the main thread. The parsed table stays here while the user maps its
 * columns, and the readings while the user places each dataset on a level: only a summary crosses to the page until
 * the import is confirmed (a million readings take seconds to cross). The app terminates the worker to cancel.
 */
import * as Comlink from 'comlink';
import { readMappedSurvey, readSurveyBytes } from '../../audit/import-survey-file.ts';
import type { CsvTable } from './csv.ts';
import type { ColumnMapping, GenericOptions } from './generic-csv.ts';
import type { SurveyImportResult } from './survey-import.ts';

/** What the placement dialog needs: the datasets' names and sizes, and what was left out. */
export interface SurveySummary extends Omit<SurveyImportResult, 'datasets'> {
  datasets: { name: string; pointCount: number }[];
}

export type SurveyWorkerReading =
  | { kind: 'read'; summary: SurveySummary }
  | { kind: 'needs-mapping'; header: string[]; mapping: ColumnMapping }
  | { kind: 'empty' };

let table: CsvTable | null = null;
let result: SurveyImportResult | null = null;

function summarise(read: SurveyImportResult): SurveySummary {
  result = read;
  return { ...read, datasets: read.datasets.map((dataset) => ({ name: dataset.name, pointCount: dataset.points.length })) };
}

const api = {
  async read(file: File, options: GenericOptions): Promise<SurveyWorkerReading> {
    const reading = readSurveyBytes(new Uint8Array(await file.arrayBuffer()), file.name, options);
    table = null;
    result = null;
    if (reading.kind === 'empty') return reading;
    if (reading.kind === 'read') return { kind: 'read', summary: summarise(reading.result) };
    table = reading.table;
    return { kind: 'needs-mapping', header: table.header, mapping: reading.mapping };
  },
  applyMapping(mapping: ColumnMapping, options: GenericOptions): SurveySummary | null {
    return table ? summarise(readMappedSurvey(table, mapping, options)) : null;
  },
  /** The readings themselves, once the user confirmed the import. */
  take(): SurveyImportResult | null {
    return result;
  },
};
export type SurveyWorkerApi = typeof api;
Comlink.expose(api);
