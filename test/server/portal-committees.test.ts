/**
 * Committees (CCTP §3) over HTTP on both databases: deadlines counted by hand (working days, French public holidays),
 * who plans, who writes the minutes, who validates them, who sees which committee — each denial changing nothing —
 * and the minutes' round: submitted, observations, new version, validated, then frozen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeDeadlines } from '../../server/src/services/committee-service.ts';
import { BACKENDS, Client, seedPeople, signedIn, startPortal, type Harness } from './portal-harness.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n% compte rendu fictif du comité\n%%EOF\n');

describe('échéances des comités', () => {
  it('ordre du jour 5 jours ouvrés avant un comité de pilotage ; compte rendu 2 jours ouvrés après', () => {
    // Thursday 17/12/2026: agenda by Thursday 10/12; minutes by Monday 21/12 (the weekend skipped).
    expect(committeeDeadlines('pilotage', '2026-12-17')).toEqual({ agendaDue: '2026-12-10', minutesDue: '2026-12-21' });
    // Friday 15/05/2026: Ascension (Thursday 14/05) and 8 May (Friday) skipped: 13, 12, 11, 7, 6 May.
    expect(committeeDeadlines('pilotage', '2026-05-15').agendaDue).toBe('2026-05-06');
    // Thursday 07/05/2026: Friday 8 May is a holiday, so Monday 11 then Tuesday 12.
    expect(committeeDeadlines('exploitation', '2026-05-07')).toEqual({ agendaDue: null, minutesDue: '2026-05-12' });
  });
});

describe.each(BACKENDS)('comités sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const as = (email: string) => signedIn(portal.base, email);
  const minutes = async (client: Client, id: string, bytes: Uint8Array, name = 'cr-comite.pdf') => {
    const response = await fetch(`${portal.base}/api/committees/${id}/minutes`, { method: 'POST', headers: { 'content-type': 'application/pdf', 'x-file-name': name, 'x-csrf-token': client.csrf, cookie: client.cookie }, body: Buffer.from(bytes) });
    return { status: response.status, json: (await response.json()) as { erreur?: string } };
  };
  const row = (id: string) => portal.db.selectFrom('committees').select(['minutes_sha256', 'decision', 'remarks']).where('id', '=', id).executeTakeFirstOrThrow();
  let steering = '';
  let paris = '';
  let future = '';

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
    const manager = await as(people.manager.email);
    steering = String((await manager.request('POST', '/api/committees', { kind: 'pilotage', heldOn: '2026-05-15', agenda: 'Situation des projets en région ; facturation ; propositions.' })).json.id);
    paris = String((await manager.request('POST', '/api/committees', { kind: 'exploitation', dit: 'DIT Paris', heldOn: '2026-05-07' })).json.id);
    future = String((await manager.request('POST', '/api/committees', { kind: 'pilotage', heldOn: '2099-03-12' })).json.id);
  }, 60_000);
  afterAll(async () => portal?.close());

  it('seul le gestionnaire du titulaire planifie ; un comité d’exploitation exige sa DIT', async () => {
    const before = await portal.db.selectFrom('committees').select('id').execute();
    for (const email of [people.engineer.email, people.reviewer.email, people.paris.email]) expect((await (await as(email)).request('POST', '/api/committees', { kind: 'pilotage', heldOn: '2026-12-17' })).status, email).toBe(403);
    const manager = await as(people.manager.email);
    expect((await manager.request('POST', '/api/committees', { kind: 'exploitation', heldOn: '2026-12-17' })).json.erreur).toBe('Un comité d’exploitation se tient avec une DIT : indiquez-la.');
    expect((await manager.request('POST', '/api/committees', { kind: 'copil', heldOn: '2026-12-17' })).status).toBe(400);
    expect(await portal.db.selectFrom('committees').select('id').execute()).toHaveLength(before.length);
  });

  it('un correspondant de DIT ne voit que les comités d’exploitation de sa DIT', async () => {
    const list = async (email: string) => ((await (await as(email)).request('GET', '/api/committees')).json.committees as { id: string }[]).map((committee) => committee.id).sort();
    expect(await list(people.paris.email)).toEqual([paris]);
    expect(await list(people.lyon.email)).toEqual([]);
    expect(await list(people.reviewer.email)).toEqual([steering, paris, future].sort());
    const lyon = await as(people.lyon.email);
    expect((await lyon.request('POST', `/api/committees/${paris}/decision`, { decision: 'valide' })).status).toBe(404);
    expect((await lyon.request('GET', `/api/committees/${paris}/minutes`)).status).toBe(404);
    // The Paris correspondent does not see the steering committee either.
    expect((await (await as(people.paris.email)).request('POST', `/api/committees/${steering}/decision`, { decision: 'valide' })).status).toBe(404);
  });

  it('le compte rendu : après la réunion, en PDF, par le titulaire ; en retard tant qu’il manque', async () => {
    const engineer = await as(people.engineer.email);
    expect((await minutes(engineer, future, PDF)).json.erreur).toBe('La réunion n’a pas encore eu lieu : son compte rendu viendra après.');
    expect((await minutes(engineer, paris, new TextEncoder().encode('pas un PDF'))).json.erreur).toBe('Le compte rendu doit être un fichier PDF.');
    expect((await minutes(await as(people.reviewer.email), paris, PDF)).status).toBe(403);
    expect((await row(paris)).minutes_sha256).toBeNull();
    const listed = (await engineer.request('GET', '/api/committees')).json.committees as { id: string; status: string; minutesLate: boolean; minutesDue: string; agendaDue: string | null }[];
    expect(listed.find((committee) => committee.id === paris)).toMatchObject({ status: 'a-rediger', minutesLate: true, minutesDue: '2026-05-12', agendaDue: null });
    expect(listed.find((committee) => committee.id === future)).toMatchObject({ status: 'planifie', minutesLate: false });
    const dashboard = (await engineer.request('GET', '/api/dashboard')).json.committees as { minutesLate: unknown[]; next: { heldOn: string; agendaDue: string } };
    expect(dashboard.minutesLate).toHaveLength(2);
    expect(dashboard.next).toMatchObject({ heldOn: '2099-03-12' });
    expect((await minutes(engineer, paris, PDF)).status).toBe(200);
    const download = await fetch(`${portal.base}/api/committees/${paris}/minutes`, { headers: { cookie: (await as(people.paris.email)).cookie } });
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
  });

  it('la validation : par l’administration ; des observations motivées appellent une nouvelle version ; validé, il est figé', async () => {
    const engineer = await as(people.engineer.email);
    expect((await engineer.request('POST', `/api/committees/${paris}/decision`, { decision: 'valide' })).status).toBe(403);
    const correspondent = await as(people.paris.email);
    expect((await correspondent.request('POST', `/api/committees/${paris}/decision`, { decision: 'observations' })).json.erreur).toBe('Indiquez vos observations sur le compte rendu.');
    expect((await row(paris)).decision).toBeNull();
    expect((await correspondent.request('POST', `/api/committees/${paris}/decision`, { decision: 'observations', remarks: 'Le planning du tribunal de Bobigny manque.' })).status).toBe(200);
    expect((await correspondent.request('POST', `/api/committees/${paris}/decision`, { decision: 'valide' })).status).toBe(409);
    const second = new TextEncoder().encode('%PDF-1.7\n% version 2 avec le planning de Bobigny\n%%EOF\n');
    expect((await minutes(engineer, paris, second, 'cr-v2.pdf')).status).toBe(200);
    expect(await row(paris)).toMatchObject({ decision: null, remarks: 'Le planning du tribunal de Bobigny manque.' });
    expect((await correspondent.request('POST', `/api/committees/${paris}/decision`, { decision: 'valide' })).status).toBe(200);
    expect((await minutes(engineer, paris, PDF)).json.erreur).toBe('Ce compte rendu est validé : il ne change plus.');
    const listed = (await correspondent.request('GET', '/api/committees')).json.committees as { id: string; status: string; minutes: { name: string } }[];
    expect(listed[0]).toMatchObject({ id: paris, status: 'valide', minutes: { name: 'cr-v2.pdf' } });
  });
});
