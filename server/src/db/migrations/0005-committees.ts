/** Committees (CCTP §3): steering (quarterly) and operations (monthly, per DIT) meetings, their agenda and minutes. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('committees')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('pilotage', 'exploitation')`))
    .addColumn('dit', 'text')
    .addColumn('held_on', 'text', (column) => column.notNull())
    .addColumn('agenda', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('minutes', 'bytea')
    .addColumn('minutes_name', 'text')
    .addColumn('minutes_sha256', 'text')
    .addColumn('minutes_by', 'text', (column) => column.references('users.id'))
    .addColumn('minutes_at', 'timestamptz')
    .addColumn('decision', 'text', (column) => column.check(sql`decision in ('valide', 'observations')`))
    .addColumn('remarks', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('decided_by', 'text', (column) => column.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint('committees_dit_for_operations', sql`(kind = 'exploitation') = (dit is not null)`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('committees').execute();
}
