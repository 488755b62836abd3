/**
 * A portal on a fresh database for a test file, on PGlite (in memory) or on the test PostgreSQL server (a new
 * database per harness), listening on a loopback port; and a small HTTP client that keeps its cookie and CSRF token.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { openDatabase, type PortalDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { buildPortal } from '../../server/src/http/app.ts';
import { createAccount, createOrganisation } from '../../server/src/services/auth-service.ts';

export type Backend = 'PGlite' | 'PostgreSQL';
export const BACKENDS: Backend[] = ['PGlite', 'PostgreSQL'];

export interface Harness {
  db: PortalDatabase;
  base: string;
  close(): Promise<void>;
}

export async function startPortal(backend: Backend): Promise<Harness> {
  let url: string | undefined;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (backend === 'PostgreSQL') {
    const admin = inject('postgresUrl');
    const name = `portail_${randomUUID().replace(/-/g, '')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    url = admin.replace(/\/[^/]*$/, `/${name}`);
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }
  const db = await openDatabase(url ? { url } : {});
  await migrateToLatest(db);
  const app = await buildPortal({ db, secureCookies: false, databaseKind: backend });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    db,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.destroy();
      await dropDatabase?.();
    },
  };
}

/** The demo cast of the tests: the contractor's manager and engineer, a DNUM reviewer, two DIT correspondents. */
export const PASSWORD = 'mot-de-passe-de-test-1';
export async function seedPeople(db: PortalDatabase) {
  const contractor = await createOrganisation(db, { name: 'Titulaire', kind: 'titulaire' });
  const dnum = await createOrganisation(db, { name: 'DNUM — bureau des infrastructures', kind: 'administration' });
  const paris = await createOrganisation(db, { name: 'DIT de Paris', kind: 'administration', dit: 'DIT Paris' });
  const lyon = await createOrganisation(db, { name: 'DIT de Lyon', kind: 'administration', dit: 'DIT Lyon' });
  const people = {
    manager: { email: 'gestion@titulaire.fr', organisationId: contractor, role: 'gestionnaire' as const },
    engineer: { email: 'radio@titulaire.fr', organisationId: contractor, role: 'ingenieur' as const },
    reviewer: { email: 'relecture@justice.gouv.fr', organisationId: dnum, role: 'relecteur' as const },
    paris: { email: 'dit-paris@justice.gouv.fr', organisationId: paris, role: 'correspondant' as const },
    lyon: { email: 'dit-lyon@justice.gouv.fr', organisationId: lyon, role: 'correspondant' as const },
  };
  for (const person of Object.values(people)) await createAccount(db, { ...person, displayName: person.email.split('@')[0]!, password: PASSWORD });
  return people;
}

export class Client {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.csrf !== false && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: response.status, json: json ?? {}, headers: response.headers, setCookie };
  }

  async login(email: string, password = PASSWORD) {
    const answer = await this.request('POST', '/api/session', { email, password });
    if (answer.status === 200) this.csrf = String(answer.json.csrfToken);
    return answer;
  }
}

/** A client signed in as this person; the test fails here if the login is refused. */
export async function signedIn(base: string, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(base);
  expect((await client.login(email, password)).status, email).toBe(200);
  return client;
}
