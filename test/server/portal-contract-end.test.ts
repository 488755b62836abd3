/**
 * End of contract, over HTTP on both databases: only the portal's administrator exports and destroys; the export holds
 * every record (no secrets) and every package byte for byte, with a manifest whose checksums hold; a destruction needs
 * the confirmation phrase and the last export's SHA-256, and is refused if anything changed since; after it, every
 * table is empty but the certificate, which lists the counts and each package's SHA-256 (computed here independently).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PortalDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { buildPortal } from '../../server/src/http/app.ts';
import { createAccount } from '../../server/src/services/auth-service.ts';
import { DESTRUCTION_PHRASE, storedCertificate } from '../../server/src/services/contract-end-service.ts';
import { DESTRUCTION_PHRASE as APP_PHRASE } from '../../src/portal/portal-client.ts';
import { BACKENDS, Client, PASSWORD, seedPeople, signedIn, startPortal } from './portal-harness.ts';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const ORDER = (number: string, dit: string) => ({ number, entityKind: 'juridiction', entityName: `Tribunal ${number} (fictif)`, dit, service: '4.1.6', complexity: 'Simple', legalCommitment: `EJ-${number}`, quoteNumber: `DEV-${number}`, orderedDays: 1, amountHt: 850, orderedOn: '2026-10-05' });
const PACKAGE = zipSync({ 'rapport-etude.pdf': strToU8('%PDF-1.7 rapport fictif pour le test de fin de marché'), 'resultats.json': strToU8('{"points":3}') });
const MINUTES = strToU8('%PDF-1.7\n% compte rendu du comité d’exploitation de mai (fictif)\n%%EOF\n');
const TABLES = ['organisations', 'users', 'sessions', 'login_attempts', 'orders', 'order_history', 'deliverables', 'receptions', 'committees', 'price_grids', 'quotes', 'quote_history', 'contract_exports'] as const;

async function countAll(db: PortalDatabase) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return counts;
}

async function binary(client: Client, base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: client.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': client.csrf, 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, bytes, headers: response.headers, json: () => JSON.parse(new TextDecoder().decode(bytes)) as { erreur: string } };
}

/** The cast, two orders, a package delivered and refused: the data a contract leaves. */
async function contractData(db: PortalDatabase, base: string, numbers: [string, string]) {
  const people = await seedPeople(db);
  await createAccount(db, { organisationId: people.manager.organisationId, email: 'admin@titulaire.fr', displayName: 'Administratrice du portail', role: 'administrateur', password: PASSWORD });
  const as = (email: string) => signedIn(base, email);
  const manager = await as(people.manager.email);
  const first = String((await manager.request('POST', '/api/orders', ORDER(numbers[0], 'DIT Paris'))).json.id);
  await manager.request('POST', '/api/orders', ORDER(numbers[1], 'DIT Lyon'));
  const engineer = await as(people.engineer.email);
  const upload = await fetch(`${base}/api/orders/${first}/deliverables`, { method: 'POST', headers: { 'content-type': 'application/zip', 'x-md5': md5(PACKAGE), 'x-file-name': 'livrables.zip', 'x-csrf-token': engineer.csrf, cookie: engineer.cookie }, body: Buffer.from(PACKAGE) });
  expect(upload.status).toBe(201);
  const reviewer = await as(people.reviewer.email);
  expect((await reviewer.request('POST', `/api/orders/${first}/reception`, { decision: 'refuse', reasons: 'Plan du rez-de-chaussée manquant.' })).status).toBe(200);
  const committee = String((await manager.request('POST', '/api/committees', { kind: 'exploitation', dit: 'DIT Paris', heldOn: '2026-05-07' })).json.id);
  const minutes = await fetch(`${base}/api/committees/${committee}/minutes`, { method: 'POST', headers: { 'content-type': 'application/pdf', 'x-file-name': 'cr.pdf', 'x-csrf-token': engineer.csrf, cookie: engineer.cookie }, body: Buffer.from(MINUTES) });
  expect(minutes.status).toBe(200);
  const grid = await fetch(`${base}/api/price-grids`, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-file-name': 'bpu.csv', 'x-csrf-token': manager.csrf, cookie: manager.cookie }, body: readFileSync(resolve(import.meta.dirname, '../../fixtures/contract/bpu-exemple-prix-fictifs.csv')) });
  expect(grid.status).toBe(201);
  expect((await manager.request('POST', '/api/quotes', { entityName: 'Tribunal (fictif)', dit: 'DIT Paris', requestedOn: '2026-11-02', lines: [{ service: '4.1.6', level: 'Moyenne', quantity: 2 }] })).status).toBe(201);
  return { people, as, first };
}

describe.each(BACKENDS)('fin de marché sur %s : export, destruction, certificat', (backend) => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let data: Awaited<ReturnType<typeof contractData>>;
  let admin: Client;

  beforeAll(async () => {
    portal = await startPortal(backend);
    data = await contractData(portal.db, portal.base, ['BC-FIN-001', 'BC-FIN-002']);
    admin = await data.as('admin@titulaire.fr');
  }, 60_000);
  afterAll(async () => portal?.close());

  it('refuse l’export et la destruction à tout autre que l’administrateur, sans rien changer', async () => {
    const before = await countAll(portal.db);
    for (const email of [data.people.manager.email, data.people.engineer.email, data.people.reviewer.email, data.people.paris.email]) {
      const client = await data.as(email);
      expect((await binary(client, portal.base, 'GET', '/api/contract/export')).status).toBe(403);
      const destroy = await binary(client, portal.base, 'POST', '/api/contract/destruction', { confirmation: DESTRUCTION_PHRASE, exportSha256: 'x' });
      expect(destroy.status).toBe(403);
      expect(destroy.json().erreur).toBe('Seul l’administrateur du portail (titulaire) exporte ou détruit les données de fin de marché.');
    }
    expect((await binary(new Client(portal.base), portal.base, 'GET', '/api/contract/export')).status).toBe(401);
    const noCsrf = await fetch(`${portal.base}/api/contract/destruction`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ confirmation: DESTRUCTION_PHRASE }) });
    expect(noCsrf.status).toBe(403);
    const after = await countAll(portal.db);
    // Only the logins above added sessions; no export was made, nothing was destroyed.
    expect({ ...after, sessions: 0, login_attempts: 0 }).toEqual({ ...before, sessions: 0, login_attempts: 0 });
    expect(after.contract_exports).toBe(0);
  });

  it('l’application demande la phrase que le portail attend', () => expect(APP_PHRASE).toBe(DESTRUCTION_PHRASE));

  it('refuse une destruction sans export préalable', async () => {
    const answer = await binary(admin, portal.base, 'POST', '/api/contract/destruction', { confirmation: DESTRUCTION_PHRASE, exportSha256: '0'.repeat(64) });
    expect(answer.status).toBe(409);
    expect(answer.json().erreur).toBe('Aucun export n’a été fait : exportez toutes les données avant de les détruire.');
    expect((await countAll(portal.db)).orders).toBe(2);
  });

  it('l’historique reste en ajout seul : le vider hors destruction est refusé par la base', async () => {
    await expect(sql`truncate table order_history cascade`.execute(portal.db)).rejects.toThrow(/historique en ajout seul/);
  });

  it('exporte chaque enregistrement (sans secret) et chaque livrable à l’octet près, avec un manifeste juste', async () => {
    const answer = await binary(admin, portal.base, 'GET', '/api/contract/export');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-sha256')).toBe(sha256(answer.bytes));
    const files = unzipSync(answer.bytes);
    const csv = (name: string) => Papa.parse<Record<string, string>>(new TextDecoder().decode(files[`donnees/${name}.csv`]).replace(/^\ufeff/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(csv('commandes').data.map((row) => row.number).sort()).toEqual(['BC-FIN-001', 'BC-FIN-002']);
    const users = csv('utilisateurs');
    expect(users.data).toHaveLength(6);
    expect(users.meta.fields).not.toContain('password_hash');
    expect(new TextDecoder().decode(answer.bytes)).not.toContain('$argon2id$');
    const history = await portal.db.selectFrom('order_history').select('action').execute();
    expect(csv('historique').data).toHaveLength(history.length);
    const receptions = JSON.parse(new TextDecoder().decode(files['donnees/receptions.json'])) as { decision: string; reasons: string }[];
    expect(receptions).toEqual([expect.objectContaining({ decision: 'refuse', reasons: 'Plan du rez-de-chaussée manquant.' })]);
    expect(files['livrables/BC-FIN-001/v1-livrables.zip']).toEqual(PACKAGE);
    expect(files['comites/2026-05-07-exploitation-DIT Paris-cr.pdf']).toEqual(MINUTES);
    expect(csv('devis').data).toEqual([expect.objectContaining({ number: `DEV-${new Date().getUTCFullYear()}-0001`, status: 'brouillon' })]);
    expect(csv('comites').data).toEqual([expect.objectContaining({ kind: 'exploitation', dit: 'DIT Paris', minutes_name: 'cr.pdf', minutes_sha256: sha256(MINUTES) })]);
    const manifest = Papa.parse<string[]>(new TextDecoder().decode(files['manifeste.csv']).replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data.slice(1);
    expect(manifest.length).toBe(Object.keys(files).length - 1);
    for (const [path, size, digest] of manifest) {
      expect(files[path!]!.byteLength, path).toBe(Number(size));
      expect(sha256(files[path!]!), path).toBe(digest);
    }
  });

  it('refuse la destruction si la phrase ou la somme diffère, ou si une donnée a changé depuis l’export', async () => {
    const exported = await binary(admin, portal.base, 'GET', '/api/contract/export');
    const digest = sha256(exported.bytes);
    expect((await binary(admin, portal.base, 'POST', '/api/contract/destruction', { confirmation: 'détruire', exportSha256: digest })).json().erreur).toBe(`Pour confirmer, saisissez exactement « ${DESTRUCTION_PHRASE} ».`);
    expect((await binary(admin, portal.base, 'POST', '/api/contract/destruction', { confirmation: DESTRUCTION_PHRASE, exportSha256: 'f'.repeat(64) })).status).toBe(409);
    const engineer = await data.as(data.people.engineer.email);
    expect((await engineer.request('POST', `/api/orders/${data.first}/progress`, { note: 'Relevés complémentaires', consumedDays: 1 })).status).toBe(200);
    const changed = await binary(admin, portal.base, 'POST', '/api/contract/destruction', { confirmation: DESTRUCTION_PHRASE, exportSha256: digest });
    expect(changed.status).toBe(409);
    expect(changed.json().erreur).toBe('Des données ont changé depuis le dernier export : exportez-les de nouveau, puis détruisez-les.');
    expect((await countAll(portal.db)).orders).toBe(2);
  });

  it('détruit tout après un export à jour et remet un certificat (PDF et CSV) avec comptes et sommes', async () => {
    const exported = await binary(admin, portal.base, 'GET', '/api/contract/export');
    const before = await countAll(portal.db);
    const answer = await binary(admin, portal.base, 'POST', '/api/contract/destruction', { confirmation: DESTRUCTION_PHRASE, exportSha256: sha256(exported.bytes) });
    expect(answer.status).toBe(200);
    expect(Object.values(await countAll(portal.db))).toEqual(TABLES.map(() => 0));
    const certificate = unzipSync(answer.bytes);
    const day = new Date().toISOString().slice(0, 10);
    const csvText = new TextDecoder().decode(certificate[`certificat-de-destruction-${day}.csv`]);
    const rows = Papa.parse<string[]>(csvText.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    const value = (label: string) => rows.find((row) => row[0] === label)?.[1];
    expect(value('Export préalable — SHA-256 de l’archive')).toBe(sha256(exported.bytes));
    expect(value('Bons de commande')).toBe('2');
    expect(value('Comptes d’accès')).toBe('6');
    expect(value('Lignes d’historique des commandes')).toBe(String(before.order_history));
    expect(value('Livrables déposés (archives)')).toBe('1');
    expect(value('Décisions de réception')).toBe('1');
    expect(value('Comités et comptes rendus')).toBe('1');
    expect(value('Versions du bordereau des prix')).toBe('1');
    expect(value('Devis')).toBe('1');
    expect(rows.find((row) => row[0] === 'BC-FIN-001')).toEqual(['BC-FIN-001', '1', 'livrables.zip', String(PACKAGE.byteLength), sha256(PACKAGE)]);
    const folder = mkdtempSync(join(tmpdir(), 'certificat-'));
    try {
      writeFileSync(join(folder, 'certificat.pdf'), certificate[`certificat-de-destruction-${day}.pdf`]!);
      const text = execFileSync('pdftotext', ['-layout', join(folder, 'certificat.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Certificat de destruction des données');
      expect(text).toContain(backend);
      expect(text.replace(/\s+/g, ' ')).toMatch(/Bons de commande 2 /);
      expect(text).toContain(sha256(PACKAGE));
      expect(text).toContain('Administratrice du portail');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // The accounts are gone with the rest; the certificate stays for the command line.
    expect((await new Client(portal.base).login(data.people.manager.email)).status).toBe(401);
    expect((await storedCertificate(portal.db))?.bytes).toBeDefined();
  });
});

describe('fin de marché sur PGlite dans un dossier : plus aucune trace dans les fichiers de la base', () => {
  it('après la destruction, ni les engagements juridiques, ni les motifs, ni les adresses des comptes ne se lisent dans les fichiers de données', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portail-destruction-'));
    const db = await openDatabase({ dataDir });
    try {
      await migrateToLatest(db);
      const app = await buildPortal({ db, secureCookies: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      await contractData(db, base, ['BC-TRACE-7Q4Z', 'BC-TRACE-9W2K']);
      const admin = new Client(base);
      await admin.login('admin@titulaire.fr');
      const exported = await binary(admin, base, 'GET', '/api/contract/export');
      await sql`checkpoint`.execute(db);
      // The certificate names the orders and the administrator; these only the destroyed records held.
      const traces = ['EJ-BC-TRACE-7Q4Z', 'DEV-BC-TRACE-9W2K', 'rez-de-chaussée manquant', 'relecture@justice.gouv.fr'];
      const holding = () =>
        filesUnder(dataDir)
          .filter((path) => !path.includes('pg_wal'))
          .flatMap((path) => {
            const bytes = readFileSync(path);
            return traces.filter((trace) => bytes.includes(trace)).map((trace) => `${trace} dans ${path}`);
          });
      expect(holding().length).toBeGreaterThanOrEqual(traces.length);
      expect((await binary(admin, base, 'POST', '/api/contract/destruction', { confirmation: DESTRUCTION_PHRASE, exportSha256: sha256(exported.bytes) })).status).toBe(200);
      await app.close();
      expect(holding()).toEqual([]);
    } finally {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
