/** Price grids, quotes and the quotes' append-only history. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { PortalDatabase } from '../db/database.ts';
import type { PriceGridTable, QuoteTable } from '../db/schema.ts';

export function insertPriceGrid(db: PortalDatabase, grid: Omit<Insertable<PriceGridTable>, 'version'>) {
  // The next version number in the same statement: two imports at once cannot both take it (unique).
  return db
    .insertInto('price_grids')
    .values({ ...grid, version: sql<number>`(select coalesce(max(version), 0) + 1 from price_grids)` })
    .returning('version')
    .executeTakeFirstOrThrow();
}

export function listPriceGrids(db: PortalDatabase) {
  return db
    .selectFrom('price_grids')
    .innerJoin('users', 'users.id', 'price_grids.imported_by')
    .select(['price_grids.id as id', 'version', 'label', 'source_name as sourceName', 'source_sha256 as sourceSha256', 'imported_at as importedAt', 'users.display_name as importedBy'])
    .orderBy('version', 'desc')
    .execute();
}

export function findPriceGrid(db: PortalDatabase, id: string) {
  return db.selectFrom('price_grids').selectAll().where('id', '=', id).executeTakeFirst();
}

export function latestPriceGrid(db: PortalDatabase) {
  return db.selectFrom('price_grids').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function quotesOfYear(db: PortalDatabase, year: number) {
  return db.selectFrom('quotes').select('number').where('number', 'like', `DEV-${year}-%`).execute();
}

export function insertQuote(db: PortalDatabase, quote: Insertable<QuoteTable>) {
  return db.insertInto('quotes').values(quote).execute();
}

export function updateQuote(db: PortalDatabase, id: string, patch: Updateable<QuoteTable>) {
  return db.updateTable('quotes').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
}

export function listQuotes(db: PortalDatabase, onlyDit: string | null) {
  let query = db.selectFrom('quotes').innerJoin('price_grids', 'price_grids.id', 'quotes.grid_id').selectAll('quotes').select('price_grids.version as gridVersion').orderBy('requested_on', 'desc').orderBy('number', 'desc');
  if (onlyDit !== null) query = query.where('dit', '=', onlyDit);
  return query.execute();
}

export function findQuote(db: PortalDatabase, id: string) {
  return db.selectFrom('quotes').innerJoin('price_grids', 'price_grids.id', 'quotes.grid_id').selectAll('quotes').select(['price_grids.version as gridVersion', 'price_grids.label as gridLabel']).where('quotes.id', '=', id).executeTakeFirst();
}

export function appendQuoteHistory(db: PortalDatabase, entry: { quote_id: string; user_id: string; action: string; detail: Record<string, unknown> }) {
  return db.insertInto('quote_history').values({ ...entry, detail: JSON.stringify(entry.detail) }).execute();
}

export function quoteHistory(db: PortalDatabase, quoteId: string) {
  return db
    .selectFrom('quote_history')
    .innerJoin('users', 'users.id', 'quote_history.user_id')
    .select(['quote_history.at as at', 'quote_history.action as action', 'quote_history.detail as detail', 'users.display_name as who'])
    .where('quote_id', '=', quoteId)
    .orderBy('quote_history.id')
    .execute();
}

/** The name of the organisation that wrote the quote (the contractor, on the PDF). */
export async function quoteAuthorOrganisation(db: PortalDatabase, quoteId: string): Promise<string> {
  const row = await db.selectFrom('quotes').innerJoin('users', 'users.id', 'quotes.created_by').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select('organisations.name as name').where('quotes.id', '=', quoteId).executeTakeFirstOrThrow();
  return row.name;
}
