/**
 * End of contract: the exports made (their checksum and the fingerprint of the data they hold), the certificates of
 * destruction, and the one exception to the history's append-only rule: emptying it during the destruction.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contract_exports')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('made_by', 'text', (column) => column.notNull())
    .addColumn('made_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('fingerprint', 'text', (column) => column.notNull())
    .addColumn('counts', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('destruction_certificates')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('destroyed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('pdf', 'bytea', (column) => column.notNull())
    .addColumn('csv', 'text', (column) => column.notNull())
    .execute();
  // Emptying the history is refused unless the destruction's transaction says so (set local).
  await sql`create function order_history_no_truncate() returns trigger language plpgsql as $$ begin if coalesce(current_setting('ondeplan.destruction', true), '') <> 'autorisee' then raise exception 'historique en ajout seul'; end if; return null; end $$`.execute(db);
  await sql`create trigger order_history_no_truncate before truncate on order_history for each statement execute function order_history_no_truncate()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists order_history_no_truncate on order_history`.execute(db);
  await sql`drop function if exists order_history_no_truncate()`.execute(db);
  await db.schema.dropTable('destruction_certificates').execute();
  await db.schema.dropTable('contract_exports').execute();
}
