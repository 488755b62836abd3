/**
 * Deliverable packages stored in the database (bytes, MD5 and SHA-256, written in the transaction that records them:
 * nothing acknowledged is lost, nothing half-written is kept), the files they hold, and the administration's
 * reception decisions.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deliverables')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('order_id', 'text', (column) => column.notNull().references('orders.id'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('zip_name', 'text', (column) => column.notNull())
    .addColumn('zip', 'bytea', (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('md5', 'text', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('files', 'jsonb', (column) => column.notNull())
    .addColumn('uploaded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('deliverables_order_version', ['order_id', 'version'])
    .execute();
  await db.schema
    .createTable('receptions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('deliverable_id', 'text', (column) => column.notNull().references('deliverables.id'))
    .addColumn('decision', 'text', (column) => column.notNull().check(sql`decision in ('admis', 'admis-reserves', 'refuse')`))
    .addColumn('reasons', 'text', (column) => column.notNull())
    .addColumn('decided_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('decided_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receptions').execute();
  await db.schema.dropTable('deliverables').execute();
}
