/** A quote as a spreadsheet: the references, then the lines with their amounts and the totals as formulas. */
import ExcelJS from 'exceljs';
import { findService } from '../catalogue/catalogue.ts';
import { TERRITORIES } from '../calendar/territories.ts';
import { frenchDay } from '../calendar/french-day.ts';
import type { QuoteDocument } from './quote-pdf.ts';

export async function quoteXlsx(quote: QuoteDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = quote.contractor;
  const sheet = workbook.addWorksheet(`Devis ${quote.number}`.slice(0, 31));
  sheet.columns = [{ width: 48 }, { width: 14 }, { width: 11 }, { width: 16 }, { width: 40 }, { width: 16 }];
  sheet.addRow([`Devis ${quote.number}`]).font = { bold: true, size: 14 };
  for (const [label, value] of [
    ['Titulaire', quote.contractor],
    ['Administration', ['Ministère de la Justice', quote.entity, quote.bureau, quote.dit].filter(Boolean).join(' — ')],
    ['Site', `${quote.site}${quote.site ? ', ' : ''}${TERRITORIES[quote.territory].name}`],
    ['Demande reçue le', frenchDay(quote.requestedOn)],
    ['Réponse due le', frenchDay(quote.dueOn)],
    ['Bordereau des prix', `version ${quote.gridVersion} — ${quote.gridLabel}`],
  ]) sheet.addRow([label, value]);
  sheet.addRow([]);
  const header = sheet.addRow(['Prestation', 'Niveau', 'Quantité (UO)', 'Prix unitaire € HT', 'Coefficients', 'Montant € HT']);
  header.font = { bold: true };
  const first = header.number + 1;
  for (const line of quote.priced.lines) {
    const factor = line.factors.reduce((product, entry) => product * entry.factor, 1);
    const row = sheet.addRow([`${line.service} ${findService(line.service)?.title ?? ''}`, line.level, line.quantity, line.unitPriceHt, line.factors.map((entry) => `${entry.label} × ${entry.factor}`).join(' ; ')]);
    row.getCell(6).value = { formula: `ROUND(C${row.number}*D${row.number}*${factor},2)`, result: line.amountHt };
  }
  const last = first + quote.priced.lines.length - 1;
  const total = sheet.addRow(['Total hors taxes', '', '', '', '', { formula: `SUM(F${first}:F${last})`, result: quote.priced.totalHt }]);
  const vat = sheet.addRow([`TVA ${quote.priced.vatRate * 100} %`, '', '', '', '', { formula: `ROUND(F${total.number}*${quote.priced.vatRate},2)`, result: quote.priced.vat }]);
  sheet.addRow(['Total toutes taxes comprises', '', '', '', '', { formula: `F${total.number}+F${vat.number}`, result: quote.priced.totalTtc }]).font = { bold: true };
  for (let row = first; row <= vat.number + 1; row++) for (const column of [4, 6]) sheet.getRow(row).getCell(column).numFmt = '#,##0.00 "€"';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
