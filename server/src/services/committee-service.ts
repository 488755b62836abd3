/**
 * Committees (CCTP §3): the contractor's manager plans the quarterly steering committee and the monthly operations
 * committee with each DIT, with the agenda it proposes (due 5 working days before a steering committee); after the
 * meeting the contractor submits the minutes as a PDF (due 2 working days after); the administration validates them or
 * makes observations, and the contractor submits a new version.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { PortalDatabase } from '../db/database.ts';
import { COMMITTEE_KINDS, type CommitteeKind } from '../db/schema.ts';
import { findCommittee, insertCommittee, listCommittees, recordMinutesDecision, storeMinutes } from '../queries/committees.ts';
import { PortalError } from './errors.ts';
import { can, canSeeCommittee, visibleDit, type Actor } from './permissions.ts';
import { addWorkingDays } from '../calendar/working-days.ts';

export const MINUTES_MAX_BYTES = 20 * 1024 * 1024;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type CommitteeStatus = 'planifie' | 'a-rediger' | 'soumis' | 'observations' | 'valide';

/** The agenda's deadline (steering committee only) and the minutes' deadline. */
export function committeeDeadlines(kind: CommitteeKind, heldOn: string): { agendaDue: string | null; minutesDue: string } {
  const held = new Date(`${heldOn}T00:00:00Z`);
  return { agendaDue: kind === 'pilotage' ? addWorkingDays(held, -5) : null, minutesDue: addWorkingDays(held, 2) };
}

type Listed = Awaited<ReturnType<typeof listCommittees>>[number];

function describe(row: Listed, today: string) {
  const status: CommitteeStatus = row.decision === 'valide' ? 'valide' : row.decision === 'observations' ? 'observations' : row.minutes_at ? 'soumis' : row.held_on <= today ? 'a-rediger' : 'planifie';
  const deadlines = committeeDeadlines(row.kind, row.held_on);
  return {
    id: row.id,
    kind: row.kind,
    dit: row.dit,
    heldOn: row.held_on,
    agenda: row.agenda,
    ...deadlines,
    status,
    minutesLate: !row.minutes_at && today > deadlines.minutesDue,
    minutes: row.minutes_at ? { name: row.minutes_name!, sha256: row.minutes_sha256!, at: row.minutes_at } : null,
    remarks: row.remarks,
    decidedAt: row.decided_at,
  };
}
export type CommitteeView = ReturnType<typeof describe>;

export async function committeesFor(db: PortalDatabase, actor: Actor, today: string): Promise<CommitteeView[]> {
  return (await listCommittees(db, visibleDit(actor))).map((row) => describe(row, today));
}

async function committeeFor(db: PortalDatabase, actor: Actor, id: string) {
  const committee = await findCommittee(db, id);
  if (!committee || !canSeeCommittee(actor, committee)) throw new PortalError(404, 'Comité introuvable.');
  return committee;
}

export async function planCommittee(db: PortalDatabase, actor: Actor, input: Record<string, unknown>): Promise<string> {
  if (!can.planCommittee(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire planifie un comité.');
  const kind = input.kind;
  if (typeof kind !== 'string' || !(COMMITTEE_KINDS as readonly string[]).includes(kind)) throw new PortalError(400, 'Type de comité attendu : « pilotage » ou « exploitation ».');
  const dit = typeof input.dit === 'string' ? input.dit.trim().slice(0, 120) : '';
  if (kind === 'exploitation' && dit === '') throw new PortalError(400, 'Un comité d’exploitation se tient avec une DIT : indiquez-la.');
  const heldOn = input.heldOn;
  if (typeof heldOn !== 'string' || !DAY.test(heldOn) || Number.isNaN(Date.parse(heldOn))) throw new PortalError(400, 'Champ « date de la réunion » : une date AAAA-MM-JJ est attendue.');
  const agenda = typeof input.agenda === 'string' ? input.agenda.trim().slice(0, 5000) : '';
  const id = randomUUID();
  await insertCommittee(db, { id, kind: kind as CommitteeKind, dit: kind === 'exploitation' ? dit : null, held_on: heldOn, agenda, created_by: actor.id });
  return id;
}

export async function submitMinutes(db: PortalDatabase, actor: Actor, id: string, bytes: Uint8Array, name: string, today: string) {
  const committee = await committeeFor(db, actor, id);
  if (!can.writeMinutes(actor)) throw new PortalError(403, 'Le compte rendu est rédigé par le titulaire.');
  if (committee.held_on > today) throw new PortalError(409, 'La réunion n’a pas encore eu lieu : son compte rendu viendra après.');
  if (committee.decision === 'valide') throw new PortalError(409, 'Ce compte rendu est validé : il ne change plus.');
  if (bytes.byteLength === 0 || new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') throw new PortalError(400, 'Le compte rendu doit être un fichier PDF.');
  const fileName = /^[\w .()’'-]{1,200}\.pdf$/i.test(name) ? name : 'compte-rendu.pdf';
  await storeMinutes(db, id, { bytes, name: fileName, sha256: createHash('sha256').update(bytes).digest('hex'), by: actor.id });
}

export async function decideMinutes(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>) {
  const committee = await committeeFor(db, actor, id);
  if (!can.validateMinutes(actor, committee)) throw new PortalError(403, 'Le compte rendu est validé par l’administration.');
  const decision = input.decision;
  if (decision !== 'valide' && decision !== 'observations') throw new PortalError(400, 'Décision attendue : « valide » ou « observations ».');
  const remarks = typeof input.remarks === 'string' ? input.remarks.trim().slice(0, 5000) : '';
  if (decision === 'observations' && remarks === '') throw new PortalError(400, 'Indiquez vos observations sur le compte rendu.');
  if (!committee.minutes_at || committee.decision !== null) throw new PortalError(409, 'Aucun compte rendu en attente de validation pour ce comité.');
  await recordMinutesDecision(db, id, { decision, remarks, by: actor.id });
}

export async function minutesContent(db: PortalDatabase, actor: Actor, id: string): Promise<{ name: string; bytes: Uint8Array }> {
  const committee = await committeeFor(db, actor, id);
  if (!committee.minutes) throw new PortalError(404, 'Aucun compte rendu déposé pour ce comité.');
  return { name: committee.minutes_name ?? 'compte-rendu.pdf', bytes: committee.minutes };
}
