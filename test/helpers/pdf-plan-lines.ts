/** Straight lines of a PDF page as the app reads them (pdf.js operator list → extractSegments), for tests and bench. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractSegments, type Matrix, type PdfOps } from '../../src/import/plan/pdf-vectors.ts';
import type { Segment } from '../../src/editor/geometry.ts';

export interface PdfPageLines {
  segments: Segment[];
  styles: { filled: boolean; widthPt: number; count: number }[];
  viewport: { width: number; height: number };
  rotate: number;
}

export async function pdfPageLines(path: string, pageNumber = 1): Promise<PdfPageLines> {
  const standardFontDataUrl = resolve(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts') + '/';
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, standardFontDataUrl }).promise;
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const operators = await page.getOperatorList();
  const { segments: values, styles } = extractSegments(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as PdfOps, viewport.transform as Matrix);
  const segments: Segment[] = [];
  for (let i = 0; i < values.length; i += 4) segments.push({ a: { x: values[i]!, y: values[i + 1]! }, b: { x: values[i + 2]!, y: values[i + 3]! } });
  await pdf.destroy();
  return { segments, styles, viewport: { width: viewport.width, height: viewport.height }, rotate: page.rotate };
}
