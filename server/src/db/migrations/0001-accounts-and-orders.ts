/** First version: organisations, accounts, server-side sessions, login attempts, orders and their history. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('titulaire', 'administration')`))
    .addColumn('dit', 'text')
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('administrateur', 'gestionnaire', 'ingenieur', 'relecteur', 'correspondant')`))
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('attempted_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('login_attempts_key').on('login_attempts').columns(['key', 'attempted_at']).execute();
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('number', 'text', (column) => column.notNull().unique())
    .addColumn('entity_kind', 'text', (column) => column.notNull())
    .addColumn('entity_name', 'text', (column) => column.notNull())
    .addColumn('dit', 'text', (column) => column.notNull())
    .addColumn('service', 'text', (column) => column.notNull())
    .addColumn('complexity', 'text', (column) => column.notNull())
    .addColumn('legal_commitment', 'text', (column) => column.notNull())
    .addColumn('quote_number', 'text', (column) => column.notNull())
    .addColumn('ordered_days', 'double precision', (column) => column.notNull())
    .addColumn('amount_ht', 'double precision', (column) => column.notNull())
    .addColumn('ordered_on', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('en-cours', 'livre', 'receptionne', 'refuse', 'solde')`))
    .addColumn('consumed_days', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('invoicing', 'text', (column) => column.notNull().check(sql`invoicing in ('a-facturer', 'facture', 'paye')`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('order_history')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('order_id', 'text', (column) => column.notNull().references('orders.id'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('detail', 'jsonb', (column) => column.notNull())
    .execute();
  // Append-only: the history cannot be changed or deleted, whatever the server's code does.
  await sql`create function order_history_append_only() returns trigger language plpgsql as $$ begin raise exception 'historique en ajout seul'; end $$`.execute(db);
  await sql`create trigger order_history_no_change before update or delete on order_history for each row execute function order_history_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_history', 'orders', 'login_attempts', 'sessions', 'users', 'organisations']) await db.schema.dropTable(table).execute();
  await sql`drop function if exists order_history_append_only()`.execute(db);
}
