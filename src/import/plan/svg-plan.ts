import type { ImportedPlan } from './imported-plan.ts';
import { PlanImportError } from './plan-import-error.ts';
import { MAX_PLAN_FILE_BYTES } from './plan-limits.ts';
import { sanitizeSvg, svgSize } from './svg-safety.ts';

export async function importSvgPlan(file: File): Promise<ImportedPlan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanImportError('tooHeavy', { size: Math.round(file.size / 1024 / 1024), max: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { svg, refusal } = sanitizeSvg(new TextDecoder().decode(bytes));
  if (refusal) throw new PlanImportError(`svg.${refusal}`, { name: file.name });
  const size = svgSize(svg);
  if (!size) throw new PlanImportError('svg.noSize', { name: file.name });
  // What is stored and shown is the sanitised text, not the file as received.
  return { format: 'svg', picture: { bytes: new TextEncoder().encode(svg), mimeType: 'image/svg+xml', name: file.name }, source: null, vectors: null, vectorLayers: [], page: 1, pageCount: 1, widthUnits: size.width, heightUnits: size.height, metersPerUnit: null };
}
