/** Deliverable packages and reception decisions. */
import type { PortalDatabase } from '../db/database.ts';
import type { DeliverableFile, ReceptionTable } from '../db/schema.ts';

export async function nextVersion(db: PortalDatabase, orderId: string): Promise<number> {
  const row = await db.selectFrom('deliverables').select((eb) => eb.fn.max('version').as('version')).where('order_id', '=', orderId).executeTakeFirst();
  return Number(row?.version ?? 0) + 1;
}

export function insertDeliverable(db: PortalDatabase, deliverable: { id: string; order_id: string; version: number; zip_name: string; zip: Uint8Array; size: number; md5: string; sha256: string; files: DeliverableFile[]; uploaded_by: string }) {
  // A Buffer, which both pg and PGlite send as bytea.
  return db.insertInto('deliverables').values({ ...deliverable, zip: Buffer.from(deliverable.zip.buffer, deliverable.zip.byteOffset, deliverable.zip.byteLength), files: JSON.stringify(deliverable.files) }).execute();
}

export function listDeliverables(db: PortalDatabase, orderId: string) {
  return db
    .selectFrom('deliverables')
    .innerJoin('users', 'users.id', 'deliverables.uploaded_by')
    .select(['deliverables.id as id', 'version', 'zip_name as zipName', 'size', 'md5', 'sha256', 'files', 'uploaded_at as uploadedAt', 'users.display_name as uploadedBy'])
    .where('order_id', '=', orderId)
    .orderBy('version')
    .execute();
}

export function findDeliverable(db: PortalDatabase, id: string) {
  return db.selectFrom('deliverables').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertReception(db: PortalDatabase, reception: Omit<ReceptionTable, 'decided_at'>) {
  return db.insertInto('receptions').values(reception).execute();
}

export function receptionsOf(db: PortalDatabase, orderId: string) {
  return db
    .selectFrom('receptions')
    .innerJoin('deliverables', 'deliverables.id', 'receptions.deliverable_id')
    .innerJoin('users', 'users.id', 'receptions.decided_by')
    .select(['receptions.id as id', 'deliverables.version as version', 'decision', 'reasons', 'decided_at as decidedAt', 'users.display_name as decidedBy'])
    .where('deliverables.order_id', '=', orderId)
    .orderBy('receptions.decided_at')
    .execute();
}
