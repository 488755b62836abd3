import type { ProjectDocument } from '../model/schema.ts';
import type { ImportReport } from './import-report.ts';

/** A file from another tool converted in a worker, before the page's last step (SVG plans sanitised where a DOM exists). */
export interface ConvertedImport {
  document: ProjectDocument;
  assets: Map<string, Uint8Array>;
  report: ImportReport;
  /** Levels whose plan is an SVG still to be sanitised (then re-hashed), with a bitmap fallback. */
  svgPlans: { levelId: string; sha256: string; fallback: { sha256: string; mimeType: string; name: string } | null }[];
}
