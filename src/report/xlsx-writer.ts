/**
 * XLSX through exceljs (well kept, reads back in tests): one worksheet per sheet, the study's identification on top,
 * a bold frozen header, number formats per column (%, €, dBm, m², m), formulas with their values cached, the
 * widths each column asks for, notes under the table. Every text goes through the French typographic pass.
 */
import ExcelJS from 'exceljs';
import { frenchTypography } from '../i18n/typography.ts';
import { EXCEL_FORMATS, excelFormula, type Sheet } from './spreadsheet/sheet-model.ts';

export async function writeXlsx(sheets: readonly Sheet[], creator: string, created: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.created = created;
  workbook.modified = created;
  for (const sheet of sheets) {
    const headerRow = sheet.preamble.length + 2;
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
    sheet.preamble.forEach((line, index) => {
      const cell = worksheet.getCell(index + 1, 1);
      cell.value = frenchTypography(line);
      cell.font = index === 0 ? { bold: true, size: 12 } : { color: { argb: 'FF555555' } };
    });
    const header = worksheet.getRow(headerRow);
    sheet.columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = frenchTypography(column.header);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EDF3' } };
      cell.alignment = { wrapText: true, vertical: 'top' };
      worksheet.getColumn(index + 1).width = column.width;
    });
    sheet.rows.forEach((row, rowIndex) => {
      const target = worksheet.getRow(headerRow + 1 + rowIndex);
      row.forEach((value, columnIndex) => {
        if (value === null || value === '') return;
        const cell = target.getCell(columnIndex + 1);
        const column = sheet.columns[columnIndex]!;
        if (typeof value === 'string') cell.value = frenchTypography(value);
        else if (typeof value === 'number') {
          cell.value = value;
          cell.numFmt = EXCEL_FORMATS[column.format] ?? 'General';
        } else if ('text' in value) {
          cell.value = frenchTypography(value.text);
          cell.font = { bold: true };
        } else {
          cell.value = value.value === null ? { formula: excelFormula(sheet, value.formula) } : { formula: excelFormula(sheet, value.formula), result: value.value };
          cell.numFmt = EXCEL_FORMATS[value.format ?? column.format] ?? 'General';
          if (value.bold) cell.font = { bold: true };
        }
      });
    });
    sheet.notes.forEach((note, index) => {
      const cell = worksheet.getCell(headerRow + sheet.rows.length + 2 + index, 1);
      cell.value = frenchTypography(note);
      cell.font = { italic: true, color: { argb: 'FF555555' } };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
