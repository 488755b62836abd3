import type { PlanSource } from '../../model/schema.ts';

export interface ImportedFile {
  bytes: Uint8Array;
  mimeType: string;
  name: string;
}

/** What an importer produces: the picture, the original when it differs, the vector lines, and what it knows of the scale. */
export interface ImportedPlan {
  format: PlanSource['format'];
  picture: ImportedFile;
  source: ImportedFile | null;
  /** x0, y0, x1, y1, … in plan units. */
  vectors: Float32Array | null;
  /** Groups of `vectors` in order (DXF layers, PDF line styles); empty when ungrouped. */
  vectorLayers: { name: string; count: number }[];
  page: number;
  pageCount: number;
  widthUnits: number;
  heightUnits: number;
  /** Known scale (DXF units), else null: the user calibrates. */
  metersPerUnit: number | null;
}
