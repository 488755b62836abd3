/**
 * The portal's database: PostgreSQL through Kysely. With `DATABASE_URL`, a PostgreSQL server (pg pool); otherwise the
 * embedded PGlite, in a local folder (or in memory for tests). Same migrations, same queries.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type PortalDatabase = Kysely<Database>;

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server. */
  url?: string;
  /** PGlite data folder; absent: in memory. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<PortalDatabase> {
  if (options.url) {
    // Numeric and bigint columns come back as JS numbers (days, amounts, ids fit in a double).
    pg.types.setTypeParser(20, (value) => Number(value));
    pg.types.setTypeParser(1700, (value) => Number(value));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: options.url, max: 10 }) }) });
  }
  const database = new PGlite(options.dataDir);
  await database.waitReady;
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(database) as never }) });
}
