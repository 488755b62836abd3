/** XLSX through exceljs (well kept, reads back in tests): one sheet per table, bold frozen header, fitted widths. */
import ExcelJS from 'exceljs';
import type { SheetTable } from './spreadsheet-tables.ts';

export async function writeXlsx(tables: readonly SheetTable[], creator: string, created: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.created = created;
  workbook.modified = created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ''));
    sheet.columns.forEach((column, index) => {
      const lengths = [table.headers[index] ?? '', ...table.rows.map((row) => String(row[index] ?? ''))].map((text) => text.length);
      column.width = Math.min(60, Math.max(8, ...lengths) + 2);
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
