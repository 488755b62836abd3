/**
 * Delivering the demo study's package to an order and receiving it, over HTTP on both databases: the MD5 is checked
 * before anything is stored, hostile archives are refused without change, only the contractor delivers, only the
 * administration receives, a refusal needs reasons, and a refused order is delivered again then admitted.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeReportResources } from '../../scripts/report-resources.ts';
import { unpackProject } from '../../src/io/project-package.ts';
import { generateDeliverables } from '../../src/report/deliverables.ts';
import { BACKENDS, Client, seedPeople, startPortal, type Harness } from './portal-harness.ts';

const root = resolve(import.meta.dirname, '../..');
const demo = await unpackProject(new Uint8Array(readFileSync(resolve(root, 'public/demo/palais-de-justice.ondeplan'))));
const delivery = (await generateDeliverables(demo.document, await nodeReportResources(), { now: new Date('2026-11-20T10:00:00Z'), assets: demo.assets, documents: ['etude'] })).package;
const ORDER = { number: 'BC-LIV-001', entityKind: 'juridiction', entityName: 'Tribunal judiciaire de Villeneuve (fictif)', dit: 'DIT Paris', service: '4.1.6', complexity: 'Moyenne', legalCommitment: 'EJ-1', quoteNumber: 'DEV-1', orderedDays: 5, amountHt: 4250, orderedOn: '2026-11-02' };

async function upload(client: Client, base: string, orderId: string, zip: Uint8Array, md5: string, name = 'livrables.zip') {
  const response = await fetch(`${base}/api/orders/${orderId}/deliverables`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip', 'x-md5': md5, 'x-file-name': encodeURIComponent(name), 'x-csrf-token': client.csrf, cookie: client.cookie },
    body: Buffer.from(zip),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.each(BACKENDS)('dépôt et réception des livrables sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let orderId = '';
  const signedIn = async (email: string) => {
    const session = new Client(portal.base);
    expect((await session.login(email)).status).toBe(200);
    return session;
  };
  const stored = async () => Number((await portal.db.selectFrom('deliverables').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const status = async () => (await portal.db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
    orderId = String((await (await signedIn(people.manager.email)).request('POST', '/api/orders', ORDER)).json.id);
  }, 60_000);
  afterAll(async () => portal?.close());

  it('refuse une archive dont la somme MD5 ne correspond pas, et n’enregistre rien', async () => {
    const engineer = await signedIn(people.engineer.email);
    const altered = delivery.zip.slice();
    altered[altered.length - 30] = altered[altered.length - 30]! ^ 0xff;
    const answer = await upload(engineer, portal.base, orderId, altered, new TextDecoder().decode(delivery.md5File));
    expect(answer.status).toBe(400);
    expect(String(answer.json.erreur)).toMatch(/^La somme MD5 de l’archive reçue \([0-9a-f]{32}\) ne correspond pas à celle fournie/);
    expect(await stored()).toBe(0);
    expect(await status()).toBe('en-cours');
  });

  it('refuse les archives piégées : chemin remontant, bombe ZIP, fichier qui n’est pas un ZIP', async () => {
    const engineer = await signedIn(people.engineer.email);
    const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
    const traversal = zipSync({ '../../etc/passwd': new TextEncoder().encode('x') });
    expect((await upload(engineer, portal.base, orderId, traversal, md5(traversal))).json.erreur).toMatch(/Nom de fichier refusé dans l’archive : « \.\.\/\.\.\/etc\/passwd »/);
    // 1.1 GB of zeros declared: refused from the directory, nothing inflated.
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let offset = 0; offset + 46 <= bomb.length; offset++) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 1_100_000_000, true);
      if (view.getUint32(offset, true) === 0x04034b50) view.setUint32(offset + 22, 1_100_000_000, true);
    }
    const bombAnswer = await upload(engineer, portal.base, orderId, bomb, md5(bomb));
    expect(bombAnswer.status).toBe(413);
    const notZip = new TextEncoder().encode('ceci n’est pas une archive');
    expect((await upload(engineer, portal.base, orderId, notZip, md5(notZip))).json.erreur).toBe('Ce fichier n’est pas une archive ZIP lisible : renvoyez l’archive des livrables produite par Ondeplan.');
    expect(await stored()).toBe(0);
  });

  it('refuse un envoi de plus de 200 Mio dès son en-tête, sans le lire ni rien enregistrer', async () => {
    const engineer = await signedIn(people.engineer.email);
    const url = new URL(`${portal.base}/api/orders/${orderId}/deliverables`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/zip', 'content-length': String(300 * 1024 * 1024), 'x-md5': '0'.repeat(32), 'x-csrf-token': engineer.csrf, cookie: engineer.cookie } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on('error', reject);
      // A first megabyte only: the server answers from the declared length.
      request.write(Buffer.alloc(1024 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ erreur: 'Envoi trop volumineux.' });
    expect(await stored()).toBe(0);
  });

  it('seul le titulaire dépose ; sans jeton CSRF rien n’est déposé', async () => {
    const reviewer = await signedIn(people.reviewer.email);
    expect((await upload(reviewer, portal.base, orderId, delivery.zip, delivery.md5)).status).toBe(403);
    const engineer = await signedIn(people.engineer.email);
    engineer.csrf = 'faux';
    expect((await upload(engineer, portal.base, orderId, delivery.zip, delivery.md5)).status).toBe(403);
    expect(await stored()).toBe(0);
  });

  it('dépose le paquet de l’étude de démonstration ; la commande passe « livré » ; la DNUM ouvre le plan en PDF', async () => {
    const engineer = await signedIn(people.engineer.email);
    const answer = await upload(engineer, portal.base, orderId, delivery.zip, new TextDecoder().decode(delivery.md5File), delivery.zipName);
    expect(answer.status).toBe(201);
    expect(await status()).toBe('livre');
    const row = await portal.db.selectFrom('deliverables').select(['md5', 'sha256', 'size']).executeTakeFirstOrThrow();
    expect(row).toEqual({ md5: delivery.md5, sha256: createHash('sha256').update(delivery.zip).digest('hex'), size: delivery.zip.byteLength });
    const reviewer = await signedIn(people.reviewer.email);
    const listed = (await reviewer.request('GET', `/api/orders/${orderId}/deliverables`)).json as { deliverables: { id: string; files: { name: string }[] }[] };
    const plan = listed.deliverables[0]!.files.find((file) => file.name.endsWith('.pdf') && file.name.startsWith('plan-implantation'))!;
    const pdf = await fetch(`${portal.base}/api/deliverables/${listed.deliverables[0]!.id}?fichier=${encodeURIComponent(plan.name)}`, { headers: { cookie: reviewer.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-security-policy')).toContain('sandbox');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    // Another DIT's correspondent cannot fetch it.
    const lyon = await signedIn(people.lyon.email);
    expect((await lyon.request('GET', `/api/deliverables/${listed.deliverables[0]!.id}`)).status).toBe(404);
  });

  it('la réception : le titulaire ne peut pas, un refus sans motif est refusé, un refus motivé rouvre le dépôt', async () => {
    const engineer = await signedIn(people.engineer.email);
    expect((await engineer.request('POST', `/api/orders/${orderId}/reception`, { decision: 'admis' })).status).toBe(403);
    const reviewer = await signedIn(people.reviewer.email);
    expect((await reviewer.request('POST', `/api/orders/${orderId}/reception`, { decision: 'refuse' })).json.erreur).toBe('Un refus doit être motivé : indiquez les motifs.');
    expect(await status()).toBe('livre');
    expect((await reviewer.request('POST', `/api/orders/${orderId}/reception`, { decision: 'refuse', reasons: 'Le plan du 1er étage ne montre pas la salle des scellés.' })).status).toBe(200);
    expect(await status()).toBe('refuse');
    // Delivered again, then admitted.
    expect((await upload(engineer, portal.base, orderId, delivery.zip, delivery.md5, delivery.zipName)).status).toBe(201);
    expect(await status()).toBe('livre');
    expect((await reviewer.request('POST', `/api/orders/${orderId}/reception`, { decision: 'admis' })).status).toBe(200);
    expect(await status()).toBe('receptionne');
    const { receptions } = (await reviewer.request('GET', `/api/orders/${orderId}/deliverables`)).json as { receptions: { version: number; decision: string; reasons: string }[] };
    expect(receptions.map((entry) => [entry.version, entry.decision])).toEqual([[1, 'refuse'], [2, 'admis']]);
    const history = (await reviewer.request('GET', `/api/orders/${orderId}/history`)).json.history as { action: string }[];
    expect(history.map((line) => line.action)).toEqual(['creation', 'depot', 'reception', 'depot', 'reception']);
    // Received: no more deliveries.
    expect((await upload(engineer, portal.base, orderId, delivery.zip, delivery.md5)).status).toBe(409);
  });
});
