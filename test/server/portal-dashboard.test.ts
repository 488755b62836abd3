/** The steering indicators on both databases, with a fixed date and hand-counted expectations; CSV export; access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard, dashboardCsv } from '../../server/src/services/dashboard-service.ts';
import { BACKENDS, Client, seedPeople, startPortal, type Harness } from './portal-harness.ts';

describe.each(BACKENDS)('tableau de bord sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const ids: Record<string, string> = {};
  const users: Record<string, { id: string; role: 'gestionnaire' | 'correspondant'; organisationKind: 'titulaire' | 'administration'; dit: string | null }> = {};
  const signedIn = async (email: string) => {
    const session = new Client(portal.base);
    expect((await session.login(email)).status).toBe(200);
    return session;
  };
  const base = { entityKind: 'juridiction', entityName: 'Entité', service: '4.1.6', complexity: 'Simple', legalCommitment: 'EJ', quoteNumber: 'DEV', orderedDays: 1, orderedOn: '2026-10-01' };

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
    const manager = await signedIn(people.manager.email);
    ids.a = String((await manager.request('POST', '/api/orders', { ...base, number: 'A', dit: 'DIT Paris', amountHt: 4000, dueOn: '2026-11-16' })).json.id);
    ids.b = String((await manager.request('POST', '/api/orders', { ...base, number: 'B', dit: 'DIT Lyon', amountHt: 8000, dueOn: '2026-12-20' })).json.id);
    ids.c = String((await manager.request('POST', '/api/orders', { ...base, number: 'C', dit: 'DIT Paris', amountHt: 1000, dueOn: '2026-11-10' })).json.id);
    await manager.request('POST', `/api/orders/${ids.b}/invoicing`, { invoicing: 'facture' });
    await manager.request('POST', `/api/orders/${ids.c}/invoicing`, { invoicing: 'paye' });
    await (await signedIn(people.engineer.email)).request('POST', `/api/orders/${ids.c}/progress`, { note: 'Livré', delivered: true });
    const rows = await portal.db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select(['users.id', 'users.email', 'users.role', 'organisations.kind', 'organisations.dit']).execute();
    for (const row of rows) users[row.email] = { id: row.id, role: row.role as 'gestionnaire', organisationKind: row.kind, dit: row.dit };
  }, 60_000);
  afterAll(async () => portal?.close());

  it('compte par état, repère les retards, totalise la facturation et les commandes par DIT', async () => {
    const data = await dashboard(portal.db, users[people.manager.email]!, '2026-11-30');
    expect(data.total).toBe(3);
    expect(data.byStatus).toEqual({ 'en-cours': 2, livre: 1, receptionne: 0, refuse: 0, solde: 0 });
    // A (due 16/11, in progress) and C (due 10/11, delivered but not received) are late; B is due 20/12.
    expect(data.late.map((order) => order.number).sort()).toEqual(['A', 'C']);
    expect(data.invoicing).toEqual({ aFacturerHt: 4000, factureHt: 8000, payeHt: 1000 });
    expect(data.perDit).toEqual([{ dit: 'DIT Lyon', orders: 1, open: 1 }, { dit: 'DIT Paris', orders: 2, open: 2 }]);
    // On 30/11/2026 the Q3 statement (due 14/10) is past: the next is Q4, due 15/01/2027; on 05/10 it is still Q3's.
    expect(data.nextStatement).toEqual({ year: 2026, quarter: 4, deadline: '2027-01-15' });
    expect((await dashboard(portal.db, users[people.manager.email]!, '2026-10-05')).nextStatement).toEqual({ year: 2026, quarter: 3, deadline: '2026-10-14' });
    // Consumption: 4 000 + 8 000 + 1 000 = 13 000 € HT committed; no grid: the server's maximum, 52 000 → 25 %.
    expect((await dashboard(portal.db, users[people.manager.email]!, '2026-11-30', 52_000)).consumption).toMatchObject({ committedHt: 13_000, maximumHt: 52_000, share: 0.25 });
    expect(data.consumption.maximumHt).toBeNull();
    const csv = dashboardCsv(data);
    expect(csv).toContain('commandes en retard;2\r\n');
    expect(csv).toContain('facturé € HT;8000,00\r\n');
  });

  it('un correspondant de DIT n’a que les indicateurs de sa DIT ; sans session, rien', async () => {
    const paris = await dashboard(portal.db, users[people.paris.email]!, '2026-11-30');
    expect([paris.total, paris.perDit.map((entry) => entry.dit)]).toEqual([2, ['DIT Paris']]);
    const lyon = await signedIn(people.lyon.email);
    expect(((await lyon.request('GET', '/api/dashboard')).json as { total: number }).total).toBe(1);
    expect((await new Client(portal.base).request('GET', '/api/dashboard')).status).toBe(401);
    const response = await fetch(`${portal.base}/api/dashboard.csv`, { headers: { cookie: lyon.cookie } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toContain('commandes DIT Lyon;1');
  });
});
