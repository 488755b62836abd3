/**
 * The indicators a steering committee looks at (CCTP §3.1), for the orders the person may see: orders per status,
 * late ones (past their end date and not yet received), invoicing totals before tax, orders per DIT, and the next
 * quarterly statement's deadline. Also as CSV (semicolon-separated, as French spreadsheets expect).
 */
import type { PortalDatabase } from '../db/database.ts';
import { ORDER_STATUSES } from '../db/schema.ts';
import { listOrders } from '../queries/orders.ts';
import { visibleDit, type Actor } from './permissions.ts';
import { statementDeadline } from './working-days.ts';

const OPEN = new Set(['en-cours', 'livre', 'refuse']);

export async function dashboard(db: PortalDatabase, actor: Actor, today: string) {
  const orders = await listOrders(db, visibleDit(actor));
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((status) => [status, orders.filter((order) => order.status === status).length]));
  const late = orders.filter((order) => OPEN.has(order.status) && order.due_on !== null && order.due_on < today).map((order) => ({ id: order.id, number: order.number, entity: order.entity_name, dueOn: order.due_on!, status: order.status }));
  const invoicing = { aFacturerHt: 0, factureHt: 0, payeHt: 0 };
  for (const order of orders) {
    if (order.invoicing === 'a-facturer') invoicing.aFacturerHt += order.amount_ht;
    else if (order.invoicing === 'facture') invoicing.factureHt += order.amount_ht;
    else invoicing.payeHt += order.amount_ht;
  }
  const dits = [...new Set(orders.map((order) => order.dit))].sort((a, b) => a.localeCompare(b, 'fr'));
  const perDit = dits.map((dit) => ({ dit, orders: orders.filter((order) => order.dit === dit).length, open: orders.filter((order) => order.dit === dit && OPEN.has(order.status)).length }));
  const [year, month] = today.split('-').map(Number) as [number, number];
  // The statement due next: the quarter just ended, while its deadline has not passed; else the current quarter's.
  const quarter = Math.floor((month - 1) / 3) + 1;
  const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  const previousDeadline = statementDeadline(previous.year, previous.quarter as 1 | 2 | 3 | 4);
  const nextStatement = today <= previousDeadline ? { ...previous, deadline: previousDeadline } : { year, quarter, deadline: statementDeadline(year, quarter as 1 | 2 | 3 | 4) };
  return { total: orders.length, byStatus, late, invoicing, perDit, nextStatement };
}

export function dashboardCsv(data: Awaited<ReturnType<typeof dashboard>>): string {
  const euros = (value: number) => value.toFixed(2).replace('.', ',');
  const lines = [
    'indicateur;valeur',
    `commandes;${data.total}`,
    ...Object.entries(data.byStatus).map(([status, count]) => `commandes ${status};${count}`),
    `commandes en retard;${data.late.length}`,
    `à facturer € HT;${euros(data.invoicing.aFacturerHt)}`,
    `facturé € HT;${euros(data.invoicing.factureHt)}`,
    `payé € HT;${euros(data.invoicing.payeHt)}`,
    ...data.perDit.map((entry) => `commandes ${entry.dit.replace(/;/g, ',')};${entry.orders}`),
    `prochain état trimestriel;T${data.nextStatement.quarter} ${data.nextStatement.year} avant le ${data.nextStatement.deadline.split('-').reverse().join('/')}`,
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
