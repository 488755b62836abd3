/** End of contract: every record read for the export, the exports made, the destruction and its certificate. */
import { sql } from 'kysely';
import type { PortalDatabase } from '../db/database.ts';

/** Every record the contract produced, without secrets (password hashes, sessions) and without the packages' bytes. */
export async function readRecords(db: PortalDatabase) {
  return {
    organisations: await db.selectFrom('organisations').selectAll().orderBy('id').execute(),
    utilisateurs: await db.selectFrom('users').select(['id', 'organisation_id', 'email', 'display_name', 'role', 'created_at']).orderBy('id').execute(),
    commandes: await db.selectFrom('orders').selectAll().orderBy('number').execute(),
    historique: await db.selectFrom('order_history').selectAll().orderBy('id').execute(),
    livrables: await db.selectFrom('deliverables').select(['id', 'order_id', 'version', 'zip_name', 'size', 'md5', 'sha256', 'files', 'uploaded_by', 'uploaded_at']).orderBy('order_id').orderBy('version').execute(),
    receptions: await db.selectFrom('receptions').selectAll().orderBy('decided_at').orderBy('id').execute(),
    bordereaux: await db.selectFrom('price_grids').selectAll().orderBy('version').execute(),
    devis: await db.selectFrom('quotes').selectAll().orderBy('number').execute(),
    historique_devis: await db.selectFrom('quote_history').selectAll().orderBy('id').execute(),
    comites: await db.selectFrom('committees').select(['id', 'kind', 'dit', 'held_on', 'agenda', 'created_by', 'created_at', 'minutes_name', 'minutes_sha256', 'minutes_by', 'minutes_at', 'decision', 'remarks', 'decided_by', 'decided_at']).orderBy('held_on').orderBy('id').execute(),
  };
}
export type ContractRecords = Awaited<ReturnType<typeof readRecords>>;

/** One package's bytes at a time, so an export never holds two copies of every file. */
export async function deliverableBytes(db: PortalDatabase, id: string): Promise<Uint8Array> {
  const row = await db.selectFrom('deliverables').select('zip').where('id', '=', id).executeTakeFirstOrThrow();
  return row.zip;
}

export async function minutesBytes(db: PortalDatabase, id: string): Promise<Uint8Array | null> {
  return (await db.selectFrom('committees').select('minutes').where('id', '=', id).executeTakeFirstOrThrow()).minutes;
}

export function insertExport(db: PortalDatabase, entry: { id: string; made_by: string; sha256: string; fingerprint: string; counts: Record<string, number> }) {
  return db.insertInto('contract_exports').values({ ...entry, counts: JSON.stringify(entry.counts) }).execute();
}

export function latestExport(db: PortalDatabase) {
  return db.selectFrom('contract_exports').selectAll().orderBy('made_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** Rows per table, the sessions and login attempts included (the certificate counts everything it destroys). */
export async function countRows(db: PortalDatabase): Promise<Record<string, number>> {
  const tables = ['organisations', 'users', 'sessions', 'login_attempts', 'orders', 'order_history', 'deliverables', 'receptions', 'committees', 'price_grids', 'quotes', 'quote_history', 'contract_exports'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return counts;
}

/** Empties every table of the contract's data in the caller's transaction (the history allows it only here). */
export async function emptyAllTables(db: PortalDatabase): Promise<void> {
  await sql`set local ondeplan.destruction = 'autorisee'`.execute(db);
  await sql`truncate table receptions, deliverables, order_history, quote_history, quotes, price_grids, orders, committees, sessions, login_attempts, users, organisations, contract_exports`.execute(db);
}

/**
 * TRUNCATE gives each table new, empty files; the old ones are emptied at commit and removed at the next checkpoint,
 * asked for here (a server may refuse it to a non-privileged account: it then comes on its own within minutes).
 */
export async function reclaimSpace(db: PortalDatabase): Promise<void> {
  await sql`checkpoint`.execute(db).catch(() => undefined);
}

export function insertCertificate(db: PortalDatabase, certificate: { id: string; pdf: Uint8Array; csv: string }) {
  return db.insertInto('destruction_certificates').values({ ...certificate, pdf: Buffer.from(certificate.pdf.buffer, certificate.pdf.byteOffset, certificate.pdf.byteLength) }).execute();
}

export function latestCertificate(db: PortalDatabase) {
  return db.selectFrom('destruction_certificates').selectAll().orderBy('destroyed_at', 'desc').executeTakeFirst();
}
