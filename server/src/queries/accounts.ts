/** Organisations, users, sessions and login attempts. */
import { sql } from 'kysely';
import type { PortalDatabase } from '../db/database.ts';
import type { OrganisationTable, Role, UserTable } from '../db/schema.ts';

export type UserRow = Omit<UserTable, 'created_at'> & { created_at: Date };

export function insertOrganisation(db: PortalDatabase, organisation: OrganisationTable) {
  return db.insertInto('organisations').values(organisation).execute();
}

export function insertUser(db: PortalDatabase, user: { id: string; organisation_id: string; email: string; display_name: string; role: Role; password_hash: string }) {
  return db.insertInto('users').values(user).execute();
}

export function findUserByEmail(db: PortalDatabase, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findSessionUser(db: PortalDatabase, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id as id', 'users.email as email', 'users.display_name as displayName', 'users.role as role', 'organisations.id as organisationId', 'organisations.name as organisationName', 'organisations.kind as organisationKind', 'organisations.dit as dit', 'sessions.csrf_token as csrfToken'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export function insertSession(db: PortalDatabase, session: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date }) {
  return db.insertInto('sessions').values(session).execute();
}

export function deleteSession(db: PortalDatabase, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function recentLoginAttempts(db: PortalDatabase, key: string, windowMinutes: number): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('key', '=', key)
    .where('attempted_at', '>', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function recordLoginAttempt(db: PortalDatabase, key: string) {
  return db.insertInto('login_attempts').values({ key }).execute();
}
