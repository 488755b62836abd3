/**
 * PDF bookmarks (the outline a reader shows beside the pages): one entry per section of the contents, pointing at its
 * first page. pdf-lib has no outline API, so the dictionaries are written as ISO 32000-1 §12.3.3 describes them.
 */
import { PDFHexString, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';

export function addOutline(pdf: PDFDocument, entries: readonly { title: string; pageIndex: number }[]): void {
  if (entries.length === 0) return;
  const { context } = pdf;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();
  const itemRefs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, index) => {
    const page = pages[Math.min(pages.length - 1, Math.max(0, entry.pageIndex))]!;
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: rootRef,
      Dest: [page.ref, PDFName.of('XYZ'), null, null, null],
    });
    if (index > 0) item.set(PDFName.of('Prev'), itemRefs[index - 1]!);
    if (index < entries.length - 1) item.set(PDFName.of('Next'), itemRefs[index + 1]!);
    context.assign(itemRefs[index]!, item);
  });
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs.at(-1)!, Count: entries.length }));
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
