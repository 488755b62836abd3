/**
 * The quarterly activity statement (CCTP §2.9) as an Excel workbook: one row per order active in the quarter with
 * every column §2.9 lists, then the amounts committed against the contract's maximum, before and after tax. Its
 * deadline is ten working days after the quarter (French public holidays counted).
 */
import ExcelJS from 'exceljs';
import type { PortalDatabase } from '../db/database.ts';
import { listOrders } from '../queries/orders.ts';
import { PortalError } from './errors.ts';
import { visibleDit, type Actor } from './permissions.ts';
import { quarterEnd, statementDeadline } from '../calendar/working-days.ts';
import { frenchDay } from '../calendar/french-day.ts';

export const VAT_RATE = 0.2;
export const MINISTRY = 'Ministère de la Justice';

export const STATEMENT_COLUMNS = [
  'Ministère',
  'Service, juridiction ou entité',
  'Bureau',
  'Prestations commandées',
  'Prestations livrées',
  'Jours commandés',
  'Jours consommés',
  'Jours restants',
  'Date de la commande',
  'Date de fin de la prestation',
  'Type de profil',
  'Nom et prénom du profil',
  'Numéro d’engagement juridique',
  'Numéro de devis',
  'Facturation € HT',
  'Facturation € TTC',
] as const;

const DELIVERED = new Set(['livre', 'receptionne', 'solde']);
const INVOICED = new Set(['facture', 'paye']);

export async function quarterlyStatement(db: PortalDatabase, actor: Actor, year: number, quarter: number, contractMaximumHt: number | null): Promise<{ name: string; bytes: Uint8Array; deadline: string }> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || ![1, 2, 3, 4].includes(quarter)) throw new PortalError(400, 'Trimestre attendu : année et numéro de 1 à 4.');
  const q = quarter as 1 | 2 | 3 | 4;
  const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = quarterEnd(year, q).toISOString().slice(0, 10);
  const orders = (await listOrders(db, visibleDit(actor))).filter((order) => order.ordered_on <= end && (order.due_on === null || order.due_on >= start || order.status !== 'solde'));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ondeplan — portail de suivi';
  const sheet = workbook.addWorksheet(`T${q} ${year}`);
  sheet.addRow([`État d’activité du ${q}${q === 1 ? 'er' : 'e'} trimestre ${year} (${frenchDay(start)} au ${frenchDay(end)}) — à remettre au plus tard le ${frenchDay(statementDeadline(year, q))}`]).font = { bold: true, size: 12 };
  sheet.addRow([]);
  const header = sheet.addRow([...STATEMENT_COLUMNS]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const order of orders) {
    const invoiced = INVOICED.has(order.invoicing) ? order.amount_ht : 0;
    const row = sheet.addRow([MINISTRY, order.entity_name, order.bureau, 1, DELIVERED.has(order.status) ? 1 : 0, order.ordered_days, order.consumed_days, null, order.ordered_on, order.due_on ?? '', order.profile_type, order.profile_name, order.legal_commitment, order.quote_number, invoiced, null]);
    row.getCell(8).value = { formula: `F${row.number}-G${row.number}`, result: order.ordered_days - order.consumed_days };
    row.getCell(16).value = { formula: `O${row.number}*${1 + VAT_RATE}`, result: invoiced * (1 + VAT_RATE) };
    for (const column of [15, 16]) row.getCell(column).numFmt = '#,##0.00" €"';
  }
  sheet.addRow([]);
  // Spending committed since the start of the contract (every order placed by the quarter's end), against its maximum.
  const committedHt = (await listOrders(db, visibleDit(actor))).filter((order) => order.ordered_on <= end).reduce((sum, order) => sum + order.amount_ht, 0);
  sheet.addRow(['Dépenses engagées au regard du montant total maximum du marché']).font = { bold: true };
  const amountRow = (label: string, valueHt: number) => {
    const row = sheet.addRow([label, null, null, null, null, null, null, null, null, null, null, null, null, null, valueHt]);
    row.getCell(16).value = { formula: `O${row.number}*${1 + VAT_RATE}`, result: valueHt * (1 + VAT_RATE) };
    for (const column of [15, 16]) row.getCell(column).numFmt = '#,##0.00" €"';
    return row;
  };
  const committedRow = amountRow('Dépenses engagées (bons de commande émis) — € HT et € TTC', committedHt);
  if (contractMaximumHt !== null) {
    const maximumRow = amountRow('Montant total maximum du marché — € HT et € TTC', contractMaximumHt);
    const share = sheet.addRow(['Part du maximum engagée', null, null, null, null, null, null, null, null, null, null, null, null, null, { formula: `O${committedRow.number}/O${maximumRow.number}`, result: contractMaximumHt > 0 ? committedHt / contractMaximumHt : 0 }]);
    share.getCell(15).numFmt = '0.0" "%';
  }
  STATEMENT_COLUMNS.forEach((title, index) => (sheet.getColumn(index + 1).width = Math.max(12, Math.min(32, title.length + 2))));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return { name: `etat-activite-${year}-T${q}.xlsx`, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), deadline: statementDeadline(year, q) };
}
