import { rasterMimeType, importRasterPlan } from './image-plan.ts';
import type { ImportedPlan } from './imported-plan.ts';
import { importPdfPlan, type PdfImportOptions } from './pdf-plan.ts';
import { importDxfPlan, type DxfImportOptions } from './dxf-plan.ts';
import { PlanImportError } from './plan-import-error.ts';
import { importSvgPlan } from './svg-plan.ts';

export const PLAN_FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.svg,.dxf';

/** Picks the importer from the file's extension (or the MIME type for PDFs). */
export async function importPlanFile(file: File, options: PdfImportOptions & DxfImportOptions): Promise<ImportedPlan> {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (file.size === 0) throw new PlanImportError('empty', { name: file.name });
  if (extension === 'pdf' || file.type === 'application/pdf') return importPdfPlan(file, options);
  if (extension === 'svg') return importSvgPlan(file);
  if (rasterMimeType(file.name)) return importRasterPlan(file);
  if (extension === 'dxf') return importDxfPlan(file, options);
  if (extension === 'dwg') throw new PlanImportError('dwg', { name: file.name });
  throw new PlanImportError('unknownType', { name: file.name });
}
