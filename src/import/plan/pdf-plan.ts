/** PDF plans through pdf.js (its own worker parses; the page is rendered here once, then kept as a PNG). */
import { t } from '../../i18n/index.ts';
import type { ImportedPlan } from './imported-plan.ts';
import { PlanImportCancelled, PlanImportError } from './plan-import-error.ts';
import { MAX_PLAN_FILE_BYTES, PDF_RENDER_MAX_SCALE, PDF_RENDER_MAX_SIDE_PX } from './plan-limits.ts';
import { extractSegments, type Matrix, type PdfOps } from './pdf-vectors.ts';

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

export async function importPdfPlan(file: File, options: PdfImportOptions): Promise<ImportedPlan> {
  if (file.size > MAX_PLAN_FILE_BYTES) throw new PlanImportError('tooHeavy', { size: Math.round(file.size / 1024 / 1024), max: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const pdfjs = await loadPdfJs();
  options.onProgress('lecture', 0);
  // pdf.js takes ownership of the buffer it is given: hand it a copy, the original is stored as the source.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false });
  const abort = () => void task.destroy();
  options.signal.addEventListener('abort', abort);
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      if (options.signal.aborted) throw new PlanImportCancelled();
      const name = (error as { name?: string }).name;
      if (name === 'PasswordException') throw new PlanImportError('pdf.encrypted', { name: file.name });
      throw new PlanImportError('pdf.corrupt', { name: file.name });
    }
    const pageNumber = pdf.numPages > 1 ? await options.choosePage(pdf.numPages) : 1;
    if (options.signal.aborted) throw new PlanImportCancelled();
    const page = await pdf.getPage(Math.min(Math.max(1, pageNumber), pdf.numPages));
    const unit = page.getViewport({ scale: 1 });
    options.onProgress('vecteurs', 0.2);
    const operators = await page.getOperatorList();
    const { segments: vectors, styles } = extractSegments(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as PdfOps, unit.transform as Matrix, { shouldStop: () => options.signal.aborted });
    if (options.signal.aborted) throw new PlanImportCancelled();
    options.onProgress('rendu', 0.5);
    const scale = Math.min(PDF_RENDER_MAX_SCALE, PDF_RENDER_MAX_SIDE_PX / Math.max(unit.width, unit.height));
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    const render = page.render({ canvas, canvasContext: context, viewport, background: '#ffffff' });
    options.signal.addEventListener('abort', () => render.cancel());
    try {
      await render.promise;
    } catch (error) {
      if (options.signal.aborted) throw new PlanImportCancelled();
      throw error;
    }
    options.onProgress('rendu', 0.9);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    canvas.width = canvas.height = 0; // free the pixels now, not at the next collection
    if (!blob) throw new PlanImportError('pdf.render', { name: file.name });
    return {
      format: 'pdf',
      picture: { bytes: new Uint8Array(await blob.arrayBuffer()), mimeType: 'image/png', name: `${file.name}-page-${pageNumber}.png` },
      source: { bytes, mimeType: 'application/pdf', name: file.name },
      vectors,
      vectorLayers: styles.map((style) => ({ name: style.filled ? t('editor.import.pdfStyle.fill') : t('editor.import.pdfStyle.stroke', { width: style.widthPt }), count: style.count })),
      page: pageNumber,
      pageCount: pdf.numPages,
      widthUnits: unit.width,
      heightUnits: unit.height,
      metersPerUnit: null,
    };
  } finally {
    options.signal.removeEventListener('abort', abort);
    void task.destroy();
  }
}
