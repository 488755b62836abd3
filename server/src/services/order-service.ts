/**
 * Orders: creation by the contractor's manager, the list and page each person may see, progress recorded by the
 * contractor (notes, consumed days, delivered), invoicing state. Every change and its history line are written in
 * one transaction; the history table refuses updates and deletes.
 */
import { randomUUID } from 'node:crypto';
import type { PortalDatabase } from '../db/database.ts';
import { INVOICING_STATES } from '../db/schema.ts';
import { appendHistory, findOrder, insertOrder, listOrders, orderHistory, updateOrder, type NewOrder } from '../queries/orders.ts';
import { PortalError } from './errors.ts';
import { findService, WIFI_STUDY } from '../catalogue/catalogue.ts';
import { serviceNumberOf } from '../catalogue/deliverable-checklist.ts';
import { interventionReportPdf } from '../catalogue/intervention-report-pdf.ts';
import { can, canSeeOrder, visibleDit, type Actor } from './permissions.ts';

const text = (value: unknown, field: string, max = 300): string => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw new PortalError(400, `Champ « ${field} » manquant ou trop long (${max} caractères au plus).`);
  return value.trim();
};
const amount = (value: unknown, field: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e9) throw new PortalError(400, `Champ « ${field} » : un nombre positif est attendu.`);
  return value;
};
const date = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new PortalError(400, `Champ « ${field} » : une date AAAA-MM-JJ est attendue.`);
  return value;
};

export async function ordersFor(db: PortalDatabase, actor: Actor) {
  return listOrders(db, visibleDit(actor));
}

/** The order if the actor may see it; 404 otherwise (an order of another DIT does not exist for them). */
export async function orderFor(db: PortalDatabase, actor: Actor, id: string) {
  const order = await findOrder(db, id);
  if (!order || !canSeeOrder(actor, order)) throw new PortalError(404, 'Bon de commande introuvable.');
  return order;
}

export async function historyFor(db: PortalDatabase, actor: Actor, id: string) {
  await orderFor(db, actor, id);
  return orderHistory(db, id);
}

export async function createOrder(db: PortalDatabase, actor: Actor, input: Record<string, unknown>) {
  if (!can.createOrder(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire crée un bon de commande.');
  const order: NewOrder = {
    id: randomUUID(),
    number: text(input.number, 'numéro', 60),
    entity_kind: text(input.entityKind, 'type d’entité', 60),
    entity_name: text(input.entityName, 'entité'),
    dit: text(input.dit, 'DIT', 120),
    service: text(input.service, 'prestation'),
    complexity: text(input.complexity, 'complexité', 30),
    legal_commitment: text(input.legalCommitment, 'numéro d’engagement juridique', 60),
    quote_number: text(input.quoteNumber, 'numéro de devis', 60),
    ordered_days: amount(input.orderedDays, 'jours commandés'),
    amount_ht: amount(input.amountHt, 'montant HT'),
    ordered_on: date(input.orderedOn, 'date de commande'),
    due_on: input.dueOn ? date(input.dueOn, 'échéance') : null,
    bureau: typeof input.bureau === 'string' ? input.bureau.trim().slice(0, 200) : '',
    profile_type: typeof input.profileType === 'string' ? input.profileType.trim().slice(0, 200) : '',
    profile_name: typeof input.profileName === 'string' ? input.profileName.trim().slice(0, 200) : '',
    status: 'en-cours',
    consumed_days: 0,
    invoicing: 'a-facturer',
  };
  try {
    await db.transaction().execute(async (trx) => {
      await insertOrder(trx, order);
      await appendHistory(trx, { order_id: order.id, user_id: actor.id, action: 'creation', detail: { number: order.number } });
    });
  } catch (error) {
    if (/unique|duplicate/i.test(String(error))) throw new PortalError(409, `Le bon de commande ${order.number} existe déjà.`);
    throw error;
  }
  return order.id;
}

export async function recordProgress(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>) {
  const order = await orderFor(db, actor, id);
  if (!can.recordProgress(actor)) throw new PortalError(403, 'Seul le titulaire renseigne l’avancement d’une commande.');
  if (order.status === 'solde') throw new PortalError(409, 'Cette commande est soldée : son avancement ne change plus.');
  const note = text(input.note, 'note', 2000);
  const consumed = input.consumedDays === undefined ? order.consumed_days : amount(input.consumedDays, 'jours consommés');
  const delivered = input.delivered === true;
  if (delivered && order.status !== 'en-cours' && order.status !== 'refuse') throw new PortalError(409, 'Cette commande n’est plus en cours : elle ne peut pas être déclarée livrée.');
  await db.transaction().execute(async (trx) => {
    await updateOrder(trx, id, { consumed_days: consumed, ...(delivered ? { status: 'livre' as const } : {}) });
    await appendHistory(trx, { order_id: id, user_id: actor.id, action: delivered ? 'livraison' : 'avancement', detail: { note, consumedDays: consumed } });
  });
}

export async function setInvoicing(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>) {
  await orderFor(db, actor, id);
  if (!can.changeInvoicing(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire change l’état de facturation.');
  const state = input.invoicing;
  if (typeof state !== 'string' || !(INVOICING_STATES as readonly string[]).includes(state)) throw new PortalError(400, 'État de facturation inconnu.');
  await db.transaction().execute(async (trx) => {
    await updateOrder(trx, id, { invoicing: state as (typeof INVOICING_STATES)[number] });
    await appendHistory(trx, { order_id: id, user_id: actor.id, action: 'facturation', detail: { invoicing: state } });
  });
}

/** The manager closes (« solde ») an order once it is received and paid: it takes no more progress or packages. */
export async function closeOrder(db: PortalDatabase, actor: Actor, id: string) {
  const order = await orderFor(db, actor, id);
  if (!can.changeInvoicing(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire solde une commande.');
  if (order.status !== 'receptionne' || order.invoicing !== 'paye') throw new PortalError(409, 'Une commande se solde une fois réceptionnée et payée.');
  await db.transaction().execute(async (trx) => {
    await updateOrder(trx, id, { status: 'solde' });
    await appendHistory(trx, { order_id: id, user_id: actor.id, action: 'solde', detail: { consumedDays: order.consumed_days } });
  });
}

/**
 * The intervention report of an order (services other than 4.1.6): the contractor says which of the catalogue's tasks
 * were done, when, and what was observed; the progress notes come from the order's history.
 */
export async function interventionReport(db: PortalDatabase, actor: Actor & { name: string; organisation: string }, id: string, input: Record<string, unknown>, now: Date): Promise<{ name: string; bytes: Uint8Array }> {
  const order = await orderFor(db, actor, id);
  if (!can.recordProgress(actor)) throw new PortalError(403, 'Le rapport d’intervention est rédigé par le titulaire.');
  const number = serviceNumberOf(order.service);
  const service = number ? findService(number) : undefined;
  if (!service) throw new PortalError(409, 'La prestation de cette commande n’est pas une prestation du catalogue : pas de modèle de rapport.');
  if (service.number === WIFI_STUDY) throw new PortalError(409, 'Pour une étude Wi-Fi (4.1.6), le compte rendu fait partie des livrables générés par Ondeplan.');
  const done = Array.isArray(input.tasksDone) ? input.tasksDone : [];
  const history = await orderHistory(db, id);
  const bytes = await interventionReportPdf({
    service,
    order: { number: order.number, legalCommitment: order.legal_commitment, quoteNumber: order.quote_number, entity: order.entity_name, bureau: order.bureau, dit: order.dit, complexity: order.complexity, orderedOn: order.ordered_on, orderedDays: order.ordered_days, consumedDays: order.consumed_days },
    contractor: actor.organisation,
    technician: typeof input.technician === 'string' ? input.technician.trim().slice(0, 200) : actor.name,
    site: typeof input.site === 'string' ? input.site.trim().slice(0, 300) : '',
    interventionDates: typeof input.interventionDates === 'string' ? input.interventionDates.trim().slice(0, 200) : '',
    tasksDone: service.tasks.items.map((_, index) => done.includes(index)),
    progress: history.filter((line) => (line.action === 'avancement' || line.action === 'livraison') && typeof line.detail.note === 'string').map((line) => ({ at: new Date(line.at), who: line.who, note: String(line.detail.note) })),
    observations: typeof input.observations === 'string' ? input.observations.trim().slice(0, 5000) : '',
    issuedOn: now,
  });
  return { name: `rapport-intervention-${order.number}.pdf`, bytes };
}
