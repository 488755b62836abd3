/** Committees and their minutes. */
import type { Insertable } from 'kysely';
import type { PortalDatabase } from '../db/database.ts';
import type { CommitteeTable } from '../db/schema.ts';

const LISTED = ['id', 'kind', 'dit', 'held_on', 'agenda', 'minutes_name', 'minutes_sha256', 'minutes_at', 'decision', 'remarks', 'decided_at'] as const;

/** Every committee the DIT filter lets through (null: all), without the minutes' bytes, latest first. */
export function listCommittees(db: PortalDatabase, onlyDit: string | null) {
  let query = db.selectFrom('committees').select(LISTED).orderBy('held_on', 'desc').orderBy('id');
  if (onlyDit !== null) query = query.where('kind', '=', 'exploitation').where('dit', '=', onlyDit);
  return query.execute();
}

export function findCommittee(db: PortalDatabase, id: string) {
  return db.selectFrom('committees').select([...LISTED, 'minutes']).where('id', '=', id).executeTakeFirst();
}

export function insertCommittee(db: PortalDatabase, committee: Insertable<CommitteeTable>) {
  return db.insertInto('committees').values(committee).execute();
}

export function storeMinutes(db: PortalDatabase, id: string, minutes: { bytes: Uint8Array; name: string; sha256: string; by: string }) {
  return db
    .updateTable('committees')
    // A new version after observations: the decision is cleared, the observations stay until the next decision.
    .set({ minutes: Buffer.from(minutes.bytes.buffer, minutes.bytes.byteOffset, minutes.bytes.byteLength), minutes_name: minutes.name, minutes_sha256: minutes.sha256, minutes_by: minutes.by, minutes_at: new Date(), decision: null, decided_by: null, decided_at: null })
    .where('id', '=', id)
    .execute();
}

export function recordMinutesDecision(db: PortalDatabase, id: string, decision: { decision: 'valide' | 'observations'; remarks: string; by: string }) {
  return db.updateTable('committees').set({ decision: decision.decision, remarks: decision.remarks, decided_by: decision.by, decided_at: new Date() }).where('id', '=', id).execute();
}
