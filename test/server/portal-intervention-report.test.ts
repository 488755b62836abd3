/**
 * The intervention report of a non-Wi-Fi order, over HTTP on both databases: written by the contractor only, from the
 * catalogue's tasks (those done ticked), the order's progress notes and the observations; read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findService } from '../../server/src/catalogue/catalogue.ts';
import { BACKENDS, Client, seedPeople, signedIn, startPortal, type Harness } from './portal-harness.ts';

const ORDER = { entityKind: 'juridiction', entityName: 'Tribunal de proximité de Saint-Denis (fictif)', dit: 'DIT Paris', complexity: 'Moyenne', legalCommitment: 'EJ-77', quoteNumber: 'DEV-77', orderedDays: 3, amountHt: 1410, orderedOn: '2026-11-09' };

describe.each(BACKENDS)('rapport d’intervention sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const ids = { network: '', wifi: '' };
  const as = (email: string) => signedIn(portal.base, email);
  const report = (client: Client, id: string, body: unknown) => fetch(`${portal.base}/api/orders/${id}/intervention-report`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf, cookie: client.cookie }, body: JSON.stringify(body) });

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
    const manager = await as(people.manager.email);
    ids.network = String((await manager.request('POST', '/api/orders', { ...ORDER, number: 'BC-RES-1', service: '4.3.2 INSTALLATION ET MISE EN SERVICE CATEGORIE RESEAU' })).json.id);
    ids.wifi = String((await manager.request('POST', '/api/orders', { ...ORDER, number: 'BC-WIFI-1', service: '4.1.6 ETUDE/AUDIT DE RESEAU SANS FIL' })).json.id);
    await (await as(people.engineer.email)).request('POST', `/api/orders/${ids.network}/progress`, { note: 'Baie brassée, commutateurs installés', consumedDays: 2 });
  }, 60_000);
  afterAll(async () => portal?.close());

  it('refuse à l’administration, à une autre DIT, et pour une étude Wi-Fi', async () => {
    expect((await report(await as(people.reviewer.email), ids.network, {})).status).toBe(403);
    expect((await report(await as(people.lyon.email), ids.network, {})).status).toBe(404);
    const wifi = await report(await as(people.engineer.email), ids.wifi, {});
    expect(wifi.status).toBe(409);
    expect(((await wifi.json()) as { erreur: string }).erreur).toBe('Pour une étude Wi-Fi (4.1.6), le compte rendu fait partie des livrables générés par Ondeplan.');
  });

  it('coche les tâches faites parmi celles du catalogue, reprend l’avancement et les observations', async () => {
    const tasks = findService('4.3.2')!.tasks.items;
    const answer = await report(await as(people.engineer.email), ids.network, { tasksDone: [0, 2], interventionDates: 'du 16 au 18 novembre 2026', observations: 'Prise murale B12 hors service : signalée au correspondant local.', site: '2 rue Rivière, Saint-Denis' });
    expect(answer.status).toBe(200);
    const folder = mkdtempSync(join(tmpdir(), 'intervention-'));
    try {
      writeFileSync(join(folder, 'rapport.pdf'), new Uint8Array(await answer.arrayBuffer()));
      const text = execFileSync('pdftotext', [join(folder, 'rapport.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Rapport d’intervention');
      expect(text).toContain('BC-RES-1 — engagement juridique EJ-77 — devis DEV-77');
      expect(text).toContain(`☑ ${tasks[0]!.slice(0, 30)}`);
      expect(text).toContain(`☐ ${tasks[1]!.slice(0, 30)}`);
      expect(text).toContain(`☑ ${tasks[2]!.slice(0, 30)}`);
      expect(text).toContain('Baie brassée, commutateurs installés');
      expect(text).toContain('2 sur 3 commandés');
      expect(text).toContain('Prise murale B12 hors service');
      expect(text).toContain('Pour l’administration (correspondant local)');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
