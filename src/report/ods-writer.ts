/**
 * OpenDocument spreadsheet (ODS) written directly: a zip with an uncompressed `mimetype` first, the manifest, and
 * content.xml with one table per sheet. Enough for LibreOffice and every ODF reader; text is XML-escaped.
 */
import { escapeXml } from '../io/xml.ts';
import { strToU8, zipSync } from 'fflate';
import type { SheetTable } from './spreadsheet-tables.ts';


function cell(value: string | number | null, bold: boolean): string {
  const style = bold ? ' table:style-name="entete"' : '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<table:table-cell${style} office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  if (value === null || value === '') return '<table:table-cell/>';
  return `<table:table-cell${style} office:value-type="string"><text:p>${escapeXml(String(value))}</text:p></table:table-cell>`;
}

export function writeOds(tables: readonly SheetTable[]): Uint8Array {
  const body = tables
    .map((table) => {
      const header = `<table:table-row>${table.headers.map((value) => cell(value, true)).join('')}</table:table-row>`;
      const rows = table.rows.map((row) => `<table:table-row>${row.map((value) => cell(value, false)).join('')}</table:table-row>`).join('');
      return `<table:table table:name="${escapeXml(table.name)}">${header}${rows}</table:table>`;
    })
    .join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"><office:automatic-styles><style:style style:name="entete" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
      'META-INF/manifest.xml': strToU8(manifest),
    },
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}
