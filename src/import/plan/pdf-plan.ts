/** PDF plans through pdf.js (its own worker parses; the page is rendered here once, then kept as a PNG). */
import { t } from '../../i18n/index.ts';
import type { ImportedPlan } from './imported-plan.ts';
import { PlanImportCancelled, PlanImportError } from './plan-import-error.ts';
import { MAX_PLAN_FILE_BYTES, PDF_RENDER_MAX_SCALE, PDF_RENDER_MAX_SIDE_PX } from './plan-limits.ts';
import * as Comlink from 'comlink';
import type { PdfRenderWorkerApi } from './pdf-render.worker.ts';

type PdfJs = typeof import('pdfjs-dist');

let pdfjsModule: Promise<PdfJs> | null = null;
/** pdf.js with its worker, loaded on first use (it is large and most sessions never import a PDF). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return pdfjsModule;
}

export interface PdfImportOptions {
  signal: AbortSignal;
  onProgress: (stage: 'lecture' | 'vecteurs' | 'rendu', fraction: number) => void;
  /** Asked when the document has several pages; resolves to a 1-based page number. */
  choosePage: (pageCount: number) => Promise<number>;
}

/**
 * A PDF plan: read, its lines extracted and its page rendered in a worker (pdf.js on an OffscreenCanvas), so that the
 * page stays responsive on a dense CAD export; the page choice is asked in between. Cancel terminates the worker.
 */
export async function importPdfPlan(file: File, options: PdfImportOptions): Promise<ImportedPlan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanImportError('tooHeavy', { size: Math.round(file.size / 1024 / 1024), max: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  options.onProgress('lecture', 0);
  const worker = new Worker(new URL('./pdf-render.worker.ts', import.meta.url), { type: 'module', name: 'ondeplan-pdf' });
  const cancelled = new Promise<never>((_, reject) => options.signal.addEventListener('abort', () => reject(new PlanImportCancelled()), { once: true }));
  cancelled.catch(() => undefined);
  const abort = () => worker.terminate();
  options.signal.addEventListener('abort', abort);
  try {
    const api = Comlink.wrap<PdfRenderWorkerApi>(worker);
    // pdf.js takes ownership of the buffer it is given: the worker gets a copy, the original is stored as the source.
    const opened = await Promise.race([api.open(bytes.slice()), cancelled]);
    if (!opened.ok) throw new PlanImportError(`pdf.${opened.reason}`, { name: file.name });
    const pageNumber = opened.pageCount > 1 ? await Promise.race([options.choosePage(opened.pageCount), cancelled]) : 1;
    const stages = { vecteurs: 0.2, rendu: 0.5 } as const;
    const rendered = await Promise.race([
      api.render(pageNumber, PDF_RENDER_MAX_SIDE_PX, PDF_RENDER_MAX_SCALE, Comlink.proxy((stage: 'vecteurs' | 'rendu') => options.onProgress(stage, stages[stage]))),
      cancelled,
    ]).catch((error: unknown) => {
      if (error instanceof PlanImportCancelled || error instanceof PlanImportError) throw error;
      throw new PlanImportError('pdf.render', { name: file.name });
    });
    options.onProgress('rendu', 0.9);
    return {
      format: 'pdf',
      picture: { bytes: rendered.png, mimeType: 'image/png', name: `${file.name}-page-${pageNumber}.png` },
      source: { bytes, mimeType: 'application/pdf', name: file.name },
      vectors: rendered.vectors,
      vectorLayers: rendered.styles.map((style) => ({ name: style.filled ? t('editor.import.pdfStyle.fill') : t('editor.import.pdfStyle.stroke', { width: style.widthPt }), count: style.count })),
      page: pageNumber,
      pageCount: opened.pageCount,
      widthUnits: rendered.widthUnits,
      heightUnits: rendered.heightUnits,
      metersPerUnit: null,
    };
  } finally {
    options.signal.removeEventListener('abort', abort);
    worker.terminate();
  }
}
