/**
 * Who may do what, in one place: every route asks here. The contractor's staff see every order; a reviewer of the
 * administration sees every order; a DIT correspondent sees only the orders of their DIT. Only the contractor records
 * progress; only a manager creates orders and changes invoicing.
 */
import type { Role } from '../db/schema.ts';

export interface Actor {
  id: string;
  role: Role;
  organisationKind: 'titulaire' | 'administration';
  dit: string | null;
}

/** The DIT an actor is limited to, or null when they see every order. */
export function visibleDit(actor: Actor): string | null {
  return actor.role === 'correspondant' ? (actor.dit ?? '\u0000aucune') : null;
}

export function canSeeOrder(actor: Actor, order: { dit: string }): boolean {
  const dit = visibleDit(actor);
  return dit === null || dit === order.dit;
}

/** The steering committee is the DNUM's and the contractor's; a DIT correspondent sees their DIT's operations committees. */
export function canSeeCommittee(actor: Actor, committee: { kind: string; dit: string | null }): boolean {
  const dit = visibleDit(actor);
  return dit === null || (committee.kind === 'exploitation' && committee.dit === dit);
}

export const can = {
  importPriceGrid: (actor: Actor) => actor.organisationKind === 'titulaire' && actor.role === 'gestionnaire',
  prepareQuote: (actor: Actor) => actor.organisationKind === 'titulaire' && actor.role === 'gestionnaire',
  /** A DNUM reviewer, or the DIT correspondent for their DIT's quotes (visibility is checked first). */
  decideQuote: (actor: Actor) => actor.organisationKind === 'administration' && (actor.role === 'relecteur' || actor.role === 'correspondant'),
  planCommittee: (actor: Actor) => actor.organisationKind === 'titulaire' && actor.role === 'gestionnaire',
  writeMinutes: (actor: Actor) => actor.organisationKind === 'titulaire' && (actor.role === 'gestionnaire' || actor.role === 'ingenieur'),
  /** A DNUM reviewer for any committee; the DIT's correspondent for their operations committee (visibility first). */
  validateMinutes: (actor: Actor, committee: { kind: string }) => actor.organisationKind === 'administration' && (actor.role === 'relecteur' || (actor.role === 'correspondant' && committee.kind === 'exploitation')),
  createOrder: (actor: Actor) => actor.organisationKind === 'titulaire' && (actor.role === 'gestionnaire' || actor.role === 'administrateur'),
  recordProgress: (actor: Actor) => actor.organisationKind === 'titulaire' && (actor.role === 'ingenieur' || actor.role === 'gestionnaire'),
  changeInvoicing: (actor: Actor) => actor.organisationKind === 'titulaire' && actor.role === 'gestionnaire',
  /** The end-of-contract export and destruction: the portal's administrator on the contractor's side. */
  endContract: (actor: Actor) => actor.organisationKind === 'titulaire' && actor.role === 'administrateur',
  deliver: (actor: Actor) => actor.organisationKind === 'titulaire' && (actor.role === 'ingenieur' || actor.role === 'gestionnaire'),
  /** Reviewers of the administration, and the DIT correspondent for their own orders (visibility is checked first). */
  receive: (actor: Actor) => actor.organisationKind === 'administration' && (actor.role === 'relecteur' || actor.role === 'correspondant'),
};
