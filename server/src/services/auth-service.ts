/**
 * Logging in and out: Argon2id password hashes (@node-rs/argon2, OWASP parameters), sessions stored in the database
 * (the cookie carries a random token, the table its SHA-256), a CSRF token per session, and at most 10 failed
 * attempts per account and 50 per address in 15 minutes (counted in the database, so every server instance agrees).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PortalDatabase } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { deleteSession, findSessionUser, findUserByEmail, insertOrganisation, insertSession, insertUser, recentLoginAttempts, recordLoginAttempt } from '../queries/accounts.ts';
import { PortalError } from './errors.ts';

export const SESSION_HOURS = 8;
/** Failures allowed in the window, per account and per address (an address may be a whole ministry's proxy). */
const MAX_FAILURES = { account: 10, address: 50 };
const WINDOW_MINUTES = 15;
/** Argon2id, 19 MiB, 2 passes, 1 lane (OWASP Password Storage Cheat Sheet minimum). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Compared against when the account does not exist, so both answers take the same time. */
let dummyHash: Promise<string> | null = null;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function hashPassword(password: string): Promise<string> {
  if (password.length < 12) throw new PortalError(400, 'Mot de passe trop court : 12 caractères au moins.');
  return hash(password, ARGON2);
}

export async function login(db: PortalDatabase, email: string, password: string, address: string): Promise<{ token: string; csrfToken: string }> {
  const limits: [string, number][] = [[`adresse:${address}`, MAX_FAILURES.address], [`compte:${email.toLowerCase()}`, MAX_FAILURES.account]];
  for (const [key, limit] of limits) {
    if ((await recentLoginAttempts(db, key, WINDOW_MINUTES)) >= limit) throw new PortalError(429, `Trop de tentatives de connexion : réessayez dans ${WINDOW_MINUTES} minutes.`);
  }
  const user = await findUserByEmail(db, email);
  dummyHash ??= hash('mot de passe factice pour le temps constant', ARGON2);
  const valid = await verify(user?.password_hash ?? (await dummyHash), password).catch(() => false);
  if (!user || !valid) {
    for (const [key] of limits) await recordLoginAttempt(db, key);
    throw new PortalError(401, 'Adresse électronique ou mot de passe incorrect.');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await insertSession(db, { token_hash: tokenHash(token), user_id: user.id, csrf_token: csrfToken, expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) });
  return { token, csrfToken };
}

export function sessionUser(db: PortalDatabase, token: string) {
  return findSessionUser(db, tokenHash(token));
}

export function logout(db: PortalDatabase, token: string) {
  return deleteSession(db, tokenHash(token));
}

export async function createOrganisation(db: PortalDatabase, organisation: { name: string; kind: 'titulaire' | 'administration'; dit?: string | null }): Promise<string> {
  const id = randomUUID();
  await insertOrganisation(db, { id, name: organisation.name, kind: organisation.kind, dit: organisation.dit ?? null });
  return id;
}

export async function createAccount(db: PortalDatabase, account: { organisationId: string; email: string; displayName: string; role: Role; password: string }): Promise<string> {
  const organisationId = account.organisationId;
  const id = randomUUID();
  await insertUser(db, { id, organisation_id: organisationId, email: account.email.toLowerCase(), display_name: account.displayName, role: account.role, password_hash: await hashPassword(account.password) });
  return id;
}
