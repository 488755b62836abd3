/**
 * The spreadsheets' content, independent of the file format: each sheet opens with the study's identification, then
 * a header row and typed cells (number formats for %, €, dBm, m², m) and formulas (products, sums, VAT) that the
 * XLSX and ODS writers both render, with the computed value cached so readers that do not recalculate show it.
 */

export type CellFormat = 'text' | 'integer' | 'decimal1' | 'decimal2' | 'percent' | 'euro' | 'dbm' | 'db' | 'm2' | 'm' | 'mbps';

export interface Column {
  header: string;
  format: CellFormat;
  /** Width in characters. */
  width: number;
}

/** A cell of the data rows: `row` indices count data rows (0 = the first row under the header). */
export type CellRef = readonly [column: number, row: number];

export type Formula = { kind: 'product'; a: CellRef; b: CellRef } | { kind: 'sum'; column: number; from: number; to: number } | { kind: 'add'; cells: CellRef[] } | { kind: 'scaled'; a: CellRef; factor: number };

export type Cell = string | number | null | { formula: Formula; value: number | null; format?: CellFormat; bold?: boolean } | { text: string; bold: true };

export interface Sheet {
  name: string;
  /** Identification lines above the table (study, site, references, date). */
  preamble: string[];
  columns: Column[];
  rows: Cell[][];
  /** Notes under the table (method, assumptions). */
  notes: string[];
}

/** Sheet row (1-based) of a data row, as both writers lay sheets out: preamble, a blank row, the header, the data. */
export function sheetRow(sheet: Pick<Sheet, 'preamble'>, dataRow: number): number {
  return sheet.preamble.length + 2 + dataRow + 1;
}

export function columnLetter(column: number): string {
  let out = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const a1 = (sheet: Sheet, [column, row]: CellRef) => `${columnLetter(column)}${sheetRow(sheet, row)}`;

/** The formula in Excel syntax (without the leading « = », as exceljs wants it). */
export function excelFormula(sheet: Sheet, formula: Formula): string {
  switch (formula.kind) {
    case 'product':
      return `${a1(sheet, formula.a)}*${a1(sheet, formula.b)}`;
    case 'sum':
      return `SUM(${a1(sheet, [formula.column, formula.from])}:${a1(sheet, [formula.column, formula.to])})`;
    case 'add':
      return formula.cells.map((cell) => a1(sheet, cell)).join('+');
    case 'scaled':
      return `${a1(sheet, formula.a)}*${formula.factor}`;
  }
}

/** The formula in OpenFormula syntax, as ODS stores it (`of:=[.C5]*[.D5]`). */
export function openFormula(sheet: Sheet, formula: Formula): string {
  const ref = (cell: CellRef) => `[.${a1(sheet, cell)}]`;
  switch (formula.kind) {
    case 'product':
      return `of:=${ref(formula.a)}*${ref(formula.b)}`;
    case 'sum':
      return `of:=SUM([.${a1(sheet, [formula.column, formula.from])}:.${a1(sheet, [formula.column, formula.to])}])`;
    case 'add':
      return `of:=${formula.cells.map(ref).join('+')}`;
    case 'scaled':
      return `of:=${ref(formula.a)}*${formula.factor}`;
  }
}

/** Excel number formats (French display: space before %, €, units). */
export const EXCEL_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal1: '0.0',
  decimal2: '0.00',
  percent: '0.0" "%',
  euro: '#,##0.00" €"',
  dbm: '0.0" dBm"',
  db: '0.0" dB"',
  m2: '#,##0.0" m²"',
  m: '#,##0.0" m"',
  mbps: '0" Mb/s"',
};
