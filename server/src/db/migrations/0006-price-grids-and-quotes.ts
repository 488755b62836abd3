/**
 * Price grids (BPU, one immutable row per imported version), quotes priced with one of them, and the quotes'
 * append-only history (the same trigger functions as the orders' history).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('price_grids')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull().unique())
    .addColumn('label', 'text', (column) => column.notNull())
    .addColumn('content', 'jsonb', (column) => column.notNull())
    .addColumn('source_name', 'text', (column) => column.notNull())
    .addColumn('source_sha256', 'text', (column) => column.notNull())
    .addColumn('imported_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('imported_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('number', 'text', (column) => column.notNull().unique())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('brouillon', 'envoye', 'a-ajuster', 'valide', 'abandonne')`))
    .addColumn('grid_id', 'text', (column) => column.notNull().references('price_grids.id'))
    .addColumn('entity_kind', 'text', (column) => column.notNull())
    .addColumn('entity_name', 'text', (column) => column.notNull())
    .addColumn('bureau', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('dit', 'text', (column) => column.notNull())
    .addColumn('site', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('territory', 'text', (column) => column.notNull())
    .addColumn('requested_on', 'text', (column) => column.notNull())
    .addColumn('wanted_start', 'text')
    .addColumn('wanted_end', 'text')
    .addColumn('need', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('lines', 'jsonb', (column) => column.notNull())
    .addColumn('priced', 'jsonb', (column) => column.notNull())
    .addColumn('study', 'jsonb')
    .addColumn('remarks', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('order_id', 'text', (column) => column.references('orders.id'))
    .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('quote_history')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('quote_id', 'text', (column) => column.notNull().references('quotes.id'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('detail', 'jsonb', (column) => column.notNull())
    .execute();
  await sql`create trigger quote_history_no_change before update or delete on quote_history for each row execute function order_history_append_only()`.execute(db);
  await sql`create trigger quote_history_no_truncate before truncate on quote_history for each statement execute function order_history_no_truncate()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quote_history').execute();
  await db.schema.dropTable('quotes').execute();
  await db.schema.dropTable('price_grids').execute();
}
