import type { ImportedPlan } from './imported-plan.ts';
import { PlanImportError } from './plan-import-error.ts';
import { MAX_PLAN_FILE_BYTES } from './plan-limits.ts';
import { svgRefusal, svgSize } from './svg-safety.ts';

export async function importSvgPlan(file: File): Promise<ImportedPlan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanImportError('tooHeavy', { size: Math.round(file.size / 1024 / 1024), max: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const refusal = svgRefusal(text);
  if (refusal) throw new PlanImportError(`svg.${refusal}`, { name: file.name });
  const size = svgSize(text);
  if (!size) throw new PlanImportError('svg.noSize', { name: file.name });
  return { format: 'svg', picture: { bytes, mimeType: 'image/svg+xml', name: file.name }, source: null, vectors: null, vectorLayers: [], page: 1, pageCount: 1, widthUnits: size.width, heightUnits: size.height, metersPerUnit: null };
}
