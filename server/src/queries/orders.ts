/** Orders and their append-only history. */
import type { PortalDatabase } from '../db/database.ts';
import { sql, type Insertable } from 'kysely';
import type { OrderTable } from '../db/schema.ts';

export type NewOrder = Omit<Insertable<OrderTable>, 'created_at' | 'updated_at'> & { id: string; number: string };

/** The orders (a DIT's, or all), each with the app's study its quote was started from, if any. */
export function listOrders(db: PortalDatabase, onlyDit: string | null) {
  let query = db
    .selectFrom('orders')
    .leftJoin('quotes', 'quotes.order_id', 'orders.id')
    .selectAll('orders')
    .select(sql<string | null>`quotes.study->>'projectId'`.as('study_project_id'))
    .orderBy('orders.ordered_on', 'desc')
    .orderBy('orders.number');
  if (onlyDit !== null) query = query.where('orders.dit', '=', onlyDit);
  return query.execute();
}

export function findOrder(db: PortalDatabase, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertOrder(db: PortalDatabase, order: NewOrder) {
  return db.insertInto('orders').values(order).execute();
}

export function updateOrder(db: PortalDatabase, id: string, patch: Partial<Pick<OrderTable, 'status' | 'consumed_days' | 'invoicing'>>) {
  return db.updateTable('orders').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
}

export function appendHistory(db: PortalDatabase, entry: { order_id: string; user_id: string; action: string; detail: Record<string, unknown> }) {
  return db.insertInto('order_history').values({ ...entry, detail: JSON.stringify(entry.detail) }).execute();
}

export function orderHistory(db: PortalDatabase, orderId: string) {
  return db
    .selectFrom('order_history')
    .innerJoin('users', 'users.id', 'order_history.user_id')
    .select(['order_history.at as at', 'order_history.action as action', 'order_history.detail as detail', 'users.display_name as who'])
    .where('order_id', '=', orderId)
    .orderBy('order_history.id')
    .execute();
}
