import type { ImportedPlan } from './imported-plan.ts';
import { imageHeaderSize } from './image-header.ts';
import { PlanImportError } from './plan-import-error.ts';
import { MAX_PLAN_FILE_BYTES, MAX_PLAN_PIXELS, MAX_PLAN_SIDE_PX } from './plan-limits.ts';

const RASTER_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };

export const rasterMimeType = (name: string): string | null => RASTER_TYPES[name.toLowerCase().split('.').pop() ?? ''] ?? null;

function checkPixels(width: number, height: number): void {
  if (width > MAX_PLAN_SIDE_PX || height > MAX_PLAN_SIDE_PX || width * height > MAX_PLAN_PIXELS) throw new PlanImportError('tooManyPixels', { width, height });
}

/** A PNG, JPEG or WebP plan: size limits checked on its header before decoding, decoded once to prove it is readable. */
export async function importRasterPlan(file: File): Promise<ImportedPlan> {
  const mimeType = rasterMimeType(file.name) ?? file.type;
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanImportError('tooHeavy', { size: Math.round(file.size / 1024 / 1024), max: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const declared = imageHeaderSize(bytes);
  if (!declared) throw new PlanImportError('unreadableImage', { name: file.name });
  checkPixels(declared.width, declared.height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: mimeType }));
  } catch {
    throw new PlanImportError('unreadableImage', { name: file.name });
  }
  const { width, height } = bitmap;
  bitmap.close();
  checkPixels(width, height);
  return { format: 'image', picture: { bytes, mimeType, name: file.name }, source: null, vectors: null, vectorLayers: [], page: 1, pageCount: 1, widthUnits: width, heightUnits: height, metersPerUnit: null };
}
