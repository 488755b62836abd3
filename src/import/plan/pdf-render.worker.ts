/// <reference lib="webworker" />
/**
 * A PDF plan's page read, its vector lines extracted and the page rendered to a PNG off the main thread: pdf.js runs
 * here with an OffscreenCanvas (glyphs drawn as paths, no DOM), so a dense CAD page never freezes the editor.
 * The page terminates this worker to cancel.
 */
import * as Comlink from 'comlink';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { extractSegments, type Matrix, type PdfOps } from './pdf-vectors.ts';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Canvases pdf.js needs for masks and patterns, made without a document. */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
    return { canvas, context: canvas.getContext('2d')! };
  }
  reset(target: { canvas: OffscreenCanvas }, width: number, height: number) {
    target.canvas.width = Math.max(1, width);
    target.canvas.height = Math.max(1, height);
  }
  destroy(target: { canvas: OffscreenCanvas | null }) {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
  }
}

/** pdf.js's filter factory without SVG filters (they need a document); plans do not use transfer functions. */
class NoFilterFactory {
  addFilter() {
    return 'none';
  }
  addHCMFilter() {
    return 'none';
  }
  addAlphaFilter() {
    return 'none';
  }
  addLuminosityFilter() {
    return 'none';
  }
  addHighlightHCMFilter() {
    return 'none';
  }
  destroy() {}
}

export type PdfOpenResult = { ok: true; pageCount: number } | { ok: false; reason: 'encrypted' | 'corrupt' };

export interface RenderedPdfPage {
  png: Uint8Array;
  vectors: Float32Array;
  styles: { widthPt: number; filled: boolean; count: number }[];
  widthUnits: number;
  heightUnits: number;
}

let document: pdfjs.PDFDocumentProxy | null = null;

const api = {
  async open(bytes: Uint8Array): Promise<PdfOpenResult> {
    const task = pdfjs.getDocument({
      data: bytes,
      isEvalSupported: false,
      enableXfa: false,
      stopAtErrors: false,
      disableFontFace: true,
      isOffscreenCanvasSupported: true,
      CanvasFactory: OffscreenCanvasFactory,
      FilterFactory: NoFilterFactory,
    } as Parameters<typeof pdfjs.getDocument>[0]);
    try {
      document = await task.promise;
      return { ok: true, pageCount: document.numPages };
    } catch (error) {
      return { ok: false, reason: (error as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'corrupt' };
    }
  },

  async render(pageNumber: number, maxSidePx: number, maxScale: number, onStage: (stage: 'vecteurs' | 'rendu') => void): Promise<RenderedPdfPage> {
    if (!document) throw new Error('no document');
    const page = await document.getPage(Math.min(Math.max(1, pageNumber), document.numPages));
    const unit = page.getViewport({ scale: 1 });
    onStage('vecteurs');
    const operators = await page.getOperatorList();
    const { segments, styles } = extractSegments(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as PdfOps, unit.transform as Matrix);
    onStage('rendu');
    const scale = Math.min(maxScale, maxSidePx / Math.max(unit.width, unit.height));
    const viewport = page.getViewport({ scale });
    const canvas = new OffscreenCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport, background: '#ffffff' }).promise;
    const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    canvas.width = canvas.height = 0;
    return Comlink.transfer({ png, vectors: segments, styles, widthUnits: unit.width, heightUnits: unit.height }, [png.buffer as ArrayBuffer, segments.buffer as ArrayBuffer]);
  },
};

export type PdfRenderWorkerApi = typeof api;
Comlink.expose(api);
