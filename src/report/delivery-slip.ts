/**
 * The delivery slip (bordereau de livraison) inside the ZIP: every file of the delivery with what it is, its size and
 * its MD5, as a PDF the reviewer reads and as an `md5sum` list (`md5sum -c bordereau-de-livraison.md5` checks the
 * extracted files).
 */
import { formatNumber, messages, t } from '../i18n/index.ts';
import type { ProjectDocument } from '../model/schema.ts';
import type { DeliverableFile } from './deliverable-package.ts';
import { md5Hex } from './deliverable-package.ts';
import { PdfWriter, type ReportFonts } from './pdf/pdf-writer.ts';
import { documentControlRows } from './sections/document-control.ts';

/** What a delivered file is, from its name. */
export function describeFile(name: string): string {
  const text = messages().deliverables.describe;
  const extension = name.split('.').pop()!;
  if (name.startsWith(messages().deliverables.files.plan)) return `${text.plan} (${extension === 'odg' ? text.odg : extension === 'vsdx' ? text.vsdx : extension.toUpperCase()})`;
  for (const [prefix, label] of Object.entries(text.byName)) if (name.startsWith(prefix)) return `${label} (${name.split('.').pop()!.toUpperCase()})`;
  return name;
}

export async function deliverySlip(document: ProjectDocument, files: readonly DeliverableFile[], fonts: ReportFonts, now: Date): Promise<DeliverableFile[]> {
  const names = messages().deliverables.files;
  const rows = files.map((file) => ({ name: file.name, size: file.bytes.byteLength, md5: md5Hex(file.bytes) }));
  const title = t('deliverables.slipTitle');
  const writer = await PdfWriter.create(fonts, `${title} — ${document.study.title}`, document.study.author, now);
  writer.newPage();
  writer.heading(title);
  writer.paragraph(document.study.title, 11);
  writer.keyValues([[t('deliverables.slipDate'), now.toISOString().slice(0, 10).split('-').reverse().join('/')], ...documentControlRows(document.study)]);
  writer.table(
    [{ header: t('deliverables.slipFile'), width: 3.2 }, { header: t('deliverables.slipWhat'), width: 2.4 }, { header: t('deliverables.slipSize'), width: 1.2, align: 'right' }, { header: 'MD5', width: 3.1 }],
    rows.map((row) => [row.name, describeFile(row.name), formatNumber(row.size, 0), row.md5]),
    7.5,
  );
  writer.paragraph(t('deliverables.slipCheck', { list: `${names.slip}.md5` }), 8.5);
  writer.addFooters(`${document.study.title} — ${title}`, document.study.delivery.restricted ? t('documentControl.restricted') : undefined);
  return [
    { name: `${names.slip}.pdf`, bytes: await writer.pdf.save({ useObjectStreams: true }) },
    { name: `${names.slip}.md5`, bytes: new TextEncoder().encode(rows.map((row) => `${row.md5}  ${row.name}\n`).join('')) },
  ];
}
