/** What the quarterly statement (§2.9) lists and orders lacked: the bureau, the profile type and the person. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('bureau', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('orders').addColumn('profile_type', 'text', (column) => column.notNull().defaultTo('')).execute();
  await db.schema.alterTable('orders').addColumn('profile_name', 'text', (column) => column.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['bureau', 'profile_type', 'profile_name']) await db.schema.alterTable('orders').dropColumn(column).execute();
}
