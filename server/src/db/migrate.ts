/** Versioned migrations, applied in order at start (Kysely's migrator keeps the applied list in the database). */
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as accountsAndOrders from './migrations/0001-accounts-and-orders.ts';
import * as deliverablesAndReception from './migrations/0002-deliverables-and-reception.ts';
import * as orderProfiles from './migrations/0003-order-profiles.ts';
import * as contractEnd from './migrations/0004-contract-end.ts';
import * as committees from './migrations/0005-committees.ts';
import * as priceGridsAndQuotes from './migrations/0006-price-grids-and-quotes.ts';
import type { PortalDatabase } from './database.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-and-orders': accountsAndOrders,
  '0002-deliverables-and-reception': deliverablesAndReception,
  '0003-order-profiles': orderProfiles,
  '0004-contract-end': contractEnd,
  '0005-committees': committees,
  '0006-price-grids-and-quotes': priceGridsAndQuotes,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: PortalDatabase): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} impossible : ${error instanceof Error ? error.message : String(error)}`);
}
