/**
 * The indicators a steering committee looks at (CCTP §3.1), for the orders the person may see: orders per status,
 * late ones (past their end date and not yet received), invoicing totals before tax, orders per DIT, the next
 * quarterly statement's deadline, and the committees: the next one, minutes late or awaiting validation. Also as CSV (semicolon-separated, as French spreadsheets expect).
 */
import type { PortalDatabase } from '../db/database.ts';
import { ORDER_STATUSES } from '../db/schema.ts';
import { listOrders } from '../queries/orders.ts';
import { visibleDit, type Actor } from './permissions.ts';
import { statementDeadline } from '../calendar/working-days.ts';
import { frenchDay } from '../calendar/french-day.ts';
import { committeesFor } from './committee-service.ts';
import { quotesFor } from './quote-service.ts';
import { latestPriceGrid } from '../queries/quotes.ts';

const OPEN = new Set(['en-cours', 'livre', 'refuse']);

export async function dashboard(db: PortalDatabase, actor: Actor, today: string, contractMaximumHt: number | null = null) {
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
  const committees = await committeesFor(db, actor, today);
  const upcoming = committees.filter((committee) => committee.heldOn >= today).sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0] ?? null;
  const committeeSummary = {
    next: upcoming && { kind: upcoming.kind, dit: upcoming.dit, heldOn: upcoming.heldOn, agendaDue: upcoming.agendaDue },
    minutesLate: committees.filter((committee) => committee.minutesLate).map((committee) => ({ kind: committee.kind, dit: committee.dit, heldOn: committee.heldOn, minutesDue: committee.minutesDue })),
    awaitingValidation: committees.filter((committee) => committee.status === 'soumis').length,
  };
  const quotes = await quotesFor(db, actor, today);
  const quoteSummary = {
    toAnswer: quotes.filter((quote) => quote.status === 'brouillon' || quote.status === 'a-ajuster').length,
    awaitingDecision: quotes.filter((quote) => quote.status === 'envoye').length,
    late: quotes.filter((quote) => quote.late).map((quote) => ({ id: quote.id, number: quote.number, dueOn: quote.dueOn, sent: quote.sent_at !== null })),
  };
  // Consumption: days and amounts ordered against the contract's maximum (the grid's, else the server's setting).
  const maximumHt = (await latestPriceGrid(db))?.content.contractMaximumHt ?? contractMaximumHt;
  const committedHt = orders.reduce((sum, order) => sum + order.amount_ht, 0);
  const consumption = {
    orderedDays: orders.reduce((sum, order) => sum + order.ordered_days, 0),
    consumedDays: orders.reduce((sum, order) => sum + order.consumed_days, 0),
    committedHt,
    maximumHt,
    share: maximumHt ? committedHt / maximumHt : null,
  };
  return { total: orders.length, byStatus, late, invoicing, perDit, nextStatement, committees: committeeSummary, quotes: quoteSummary, consumption };
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
    `jours commandés;${String(data.consumption.orderedDays).replace('.', ',')}`,
    `jours consommés;${String(data.consumption.consumedDays).replace('.', ',')}`,
    `engagé € HT;${euros(data.consumption.committedHt)}`,
    `montant maximum du marché € HT;${data.consumption.maximumHt === null ? '' : euros(data.consumption.maximumHt)}`,
    `devis à établir ou ajuster;${data.quotes.toAnswer}`,
    `devis en attente de décision;${data.quotes.awaitingDecision}`,
    `devis hors délai (5 jours ouvrés);${data.quotes.late.length}`,
    `comptes rendus de comité en retard;${data.committees.minutesLate.length}`,
    `comptes rendus en attente de validation;${data.committees.awaitingValidation}`,
    `prochain comité;${data.committees.next ? `${data.committees.next.kind} le ${frenchDay(data.committees.next.heldOn)}` : 'aucun'}`,
    `prochain état trimestriel;T${data.nextStatement.quarter} ${data.nextStatement.year} avant le ${frenchDay(data.nextStatement.deadline)}`,
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
