/**
 * OpenDocument spreadsheet (ODS) written directly: a zip with an uncompressed `mimetype` first, the manifest, and
 * content.xml with one table per sheet: the identification on top, a bold header, column widths, number styles
 * (%, €, dBm, m², m) and OpenFormula formulas with their cached values. Texts go through the French typographic pass.
 */
import { strToU8, zipSync } from 'fflate';
import { frenchTypography } from '../i18n/typography.ts';
import { escapeXml } from '../io/xml.ts';
import { openFormula, type Cell, type CellFormat, type Sheet } from './spreadsheet/sheet-model.ts';

const text = (value: string) => escapeXml(frenchTypography(value));

/** Data styles: decimals and the unit after a no-break space. */
const DATA_STYLES: Record<Exclude<CellFormat, 'text'>, { decimals: number; suffix: string; kind: 'number' | 'percentage' | 'currency'; grouping?: boolean }> = {
  integer: { decimals: 0, suffix: '', kind: 'number' },
  decimal1: { decimals: 1, suffix: '', kind: 'number' },
  decimal2: { decimals: 2, suffix: '', kind: 'number' },
  percent: { decimals: 1, suffix: '\u00a0%', kind: 'percentage' },
  euro: { decimals: 2, suffix: '\u00a0€', kind: 'currency', grouping: true },
  dbm: { decimals: 1, suffix: '\u00a0dBm', kind: 'number' },
  db: { decimals: 1, suffix: '\u00a0dB', kind: 'number' },
  m2: { decimals: 1, suffix: '\u00a0m²', kind: 'number', grouping: true },
  m: { decimals: 1, suffix: '\u00a0m', kind: 'number', grouping: true },
  mbps: { decimals: 0, suffix: '\u00a0Mb/s', kind: 'number' },
};

function styles(sheets: readonly Sheet[]): string {
  const dataStyles = Object.entries(DATA_STYLES)
    .map(([name, style]) => {
      const number = `<number:number number:decimal-places="${style.decimals}" number:min-decimal-places="${style.decimals}" number:min-integer-digits="1"${style.grouping ? ' number:grouping="true"' : ''}/>`;
      const suffix = style.suffix ? `<number:text>${escapeXml(style.suffix)}</number:text>` : '';
      const element = style.kind === 'percentage' ? 'number:percentage-style' : style.kind === 'currency' ? 'number:currency-style' : 'number:number-style';
      return `<${element} style:name="N-${name}">${number}${suffix}</${element}>`;
    })
    .join('');
  const cellStyles = Object.keys(DATA_STYLES)
    .flatMap((name) => [`<style:style style:name="c-${name}" style:family="table-cell" style:data-style-name="N-${name}"/>`, `<style:style style:name="cb-${name}" style:family="table-cell" style:data-style-name="N-${name}"><style:text-properties fo:font-weight="bold"/></style:style>`])
    .join('');
  const widths = [...new Set(sheets.flatMap((sheet) => sheet.columns.map((column) => column.width)))]
    .map((width) => `<style:style style:name="w${width}" style:family="table-column"><style:table-column-properties style:column-width="${(width * 0.21).toFixed(2)}cm"/></style:style>`)
    .join('');
  return `${dataStyles}${cellStyles}${widths}<style:style style:name="entete" style:family="table-cell"><style:table-cell-properties fo:background-color="#e9edf3" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="gras" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="titre" style:family="table-cell"><style:text-properties fo:font-weight="bold" fo:font-size="12pt"/></style:style><style:style style:name="note" style:family="table-cell"><style:text-properties fo:font-style="italic" fo:color="#555555"/></style:style>`;
}

function valueAttributes(format: CellFormat, value: number): string {
  const kind = format === 'text' ? 'number' : DATA_STYLES[format].kind;
  if (kind === 'percentage') return `office:value-type="percentage" office:value="${value}"`;
  if (kind === 'currency') return `office:value-type="currency" office:currency="EUR" office:value="${value}"`;
  return `office:value-type="float" office:value="${value}"`;
}

function displayed(format: CellFormat, value: number): string {
  if (format === 'text') return String(value);
  const style = DATA_STYLES[format];
  // No « −0 »: a rounding to zero shows as 0.
  const shown = (style.kind === 'percentage' ? value * 100 : value) + 0;
  return frenchTypography(`${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: style.decimals, maximumFractionDigits: style.decimals, useGrouping: style.grouping ?? false }).format(shown)}${style.suffix}`).replace(/^[−-](0(,0+)?)(?!\d)/, '$1');
}

function cell(sheet: Sheet, value: Cell, format: CellFormat): string {
  if (value === null || value === '') return '<table:table-cell/>';
  if (typeof value === 'string') return `<table:table-cell office:value-type="string"><text:p>${text(value)}</text:p></table:table-cell>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '<table:table-cell/>';
    const style = format === 'text' ? '' : ` table:style-name="c-${format}"`;
    return `<table:table-cell${style} ${valueAttributes(format, value)}><text:p>${escapeXml(displayed(format, value))}</text:p></table:table-cell>`;
  }
  if ('text' in value) return `<table:table-cell table:style-name="gras" office:value-type="string"><text:p>${text(value.text)}</text:p></table:table-cell>`;
  const shownFormat = value.format ?? format;
  const style = shownFormat === 'text' ? '' : ` table:style-name="${value.bold ? 'cb' : 'c'}-${shownFormat}"`;
  const formula = ` table:formula="${escapeXml(openFormula(sheet, value.formula))}"`;
  if (value.value === null) return `<table:table-cell${style}${formula}/>`;
  return `<table:table-cell${style}${formula} ${valueAttributes(shownFormat, value.value)}><text:p>${escapeXml(displayed(shownFormat, value.value))}</text:p></table:table-cell>`;
}

function table(sheet: Sheet): string {
  const line = (content: string, style: string) => `<table:table-row><table:table-cell table:style-name="${style}" office:value-type="string"><text:p>${text(content)}</text:p></table:table-cell></table:table-row>`;
  const columns = sheet.columns.map((column) => `<table:table-column table:style-name="w${column.width}"/>`).join('');
  const preamble = sheet.preamble.map((content, index) => line(content, index === 0 ? 'titre' : 'note')).join('');
  const header = `<table:table-row>${sheet.columns.map((column) => `<table:table-cell table:style-name="entete" office:value-type="string"><text:p>${text(column.header)}</text:p></table:table-cell>`).join('')}</table:table-row>`;
  const rows = sheet.rows.map((row) => `<table:table-row>${row.map((value, index) => cell(sheet, value, sheet.columns[index]!.format)).join('')}</table:table-row>`).join('');
  const notes = sheet.notes.map((content) => line(content, 'note')).join('');
  return `<table:table table:name="${escapeXml(sheet.name)}">${columns}${preamble}<table:table-row><table:table-cell/></table:table-row>${header}${rows}${notes ? `<table:table-row><table:table-cell/></table:table-row>${notes}` : ''}</table:table>`;
}

export function writeOds(sheets: readonly Sheet[]): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"><office:automatic-styles>${styles(sheets)}</office:automatic-styles><office:body><office:spreadsheet>${sheets.map(table).join('')}</office:spreadsheet></office:body></office:document-content>`;
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
