/** What every survey importer returns: datasets ready for the project, and what was left out and why. */
import type { SurveyDataset } from '../../model/schema.ts';

export type SurveyPoint = SurveyDataset['points'][number];
export type SurveyReading = SurveyPoint['readings'][number];

export interface ImportedDataset {
  /** Name of the floor or dataset in the file (NetSpot floors), to be matched to a level. */
  name: string;
  points: SurveyPoint[];
}

export interface RejectedRows {
  /** Reason (French, shown to the user) → rows. */
  [reason: string]: number;
}

export interface SurveyImportResult {
  format: 'netspot' | 'feng' | 'generique';
  datasets: ImportedDataset[];
  rowCount: number;
  rejected: RejectedRows;
}

export function reject(rejected: RejectedRows, reason: string): void {
  rejected[reason] = (rejected[reason] ?? 0) + 1;
}
