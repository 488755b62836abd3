/** Price grids: the manager imports a BPU (xlsx or CSV); each import is a new, immutable version. */
import { createHash, randomUUID } from 'node:crypto';
import type { PortalDatabase } from '../db/database.ts';
import { findPriceGrid, insertPriceGrid, listPriceGrids } from '../queries/quotes.ts';
import { priceGridFromCsv, priceGridFromXlsx, PriceGridError, type PriceGrid } from '../quotes/price-grid.ts';
import { PortalError } from './errors.ts';
import { can, type Actor } from './permissions.ts';

export const GRID_MAX_BYTES = 5 * 1024 * 1024;

export async function importPriceGrid(db: PortalDatabase, actor: Actor, bytes: Uint8Array, fileName: string): Promise<{ id: string; version: number }> {
  if (!can.importPriceGrid(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire importe un bordereau des prix.');
  if (bytes.byteLength === 0) throw new PortalError(400, 'Fichier vide : joignez le bordereau (xlsx ou csv).');
  let grid: PriceGrid;
  try {
    // An xlsx is a ZIP (« PK »); anything else is read as CSV text.
    grid = bytes[0] === 0x50 && bytes[1] === 0x4b ? await priceGridFromXlsx(bytes) : priceGridFromCsv(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch (error) {
    if (error instanceof PriceGridError) throw new PortalError(400, error.message);
    throw error;
  }
  const id = randomUUID();
  const name = fileName.replace(/[^\w .()’'-]+/g, '_').slice(0, 200) || 'bordereau';
  const { version } = await insertPriceGrid(db, { id, label: grid.label, content: JSON.stringify(grid), source_name: name, source_sha256: createHash('sha256').update(bytes).digest('hex'), imported_by: actor.id });
  return { id, version };
}

export const priceGridsFor = (db: PortalDatabase) => listPriceGrids(db);

export async function priceGridFor(db: PortalDatabase, id: string) {
  const grid = await findPriceGrid(db, id);
  if (!grid) throw new PortalError(404, 'Bordereau introuvable.');
  return grid;
}
