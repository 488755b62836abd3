/**
 * The portal over real HTTP on loopback, on both databases: logging in, sessions and CSRF, and every denial of the
 * orders routes — each refused request is checked to have changed nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, Client, PASSWORD, seedPeople, startPortal, type Harness } from './portal-harness.ts';

const ORDER = { number: 'BC-2026-001', entityKind: 'juridiction', entityName: 'Tribunal judiciaire de Paris', dit: 'DIT Paris', service: '4.1.6 Étude / audit de réseau sans fil', complexity: 'Moyenne', legalCommitment: 'EJ-1000001', quoteNumber: 'DEV-2026-001', orderedDays: 5, amountHt: 4250, orderedOn: '2026-11-02', dueOn: '2026-11-16' };

describe.each(BACKENDS)('portail de suivi sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const client = () => new Client(portal.base);
  const signedIn = async (email: string) => {
    const session = client();
    expect((await session.login(email)).status).toBe(200);
    return session;
  };
  const count = async (table: 'orders' | 'order_history') => Number((await portal.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let parisOrder = '';
  let lyonOrder = '';

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
    const manager = await signedIn(people.manager.email);
    parisOrder = String((await manager.request('POST', '/api/orders', ORDER)).json.id);
    lyonOrder = String((await manager.request('POST', '/api/orders', { ...ORDER, number: 'BC-2026-002', dit: 'DIT Lyon', entityName: 'Cour d’appel de Lyon' })).json.id);
  }, 60_000);
  afterAll(async () => portal?.close());

  it('ouvre une session : cookie HttpOnly SameSite=Strict, jeton CSRF, en-têtes de sécurité', async () => {
    const session = client();
    const answer = await session.login(people.engineer.email);
    expect(answer.status).toBe(200);
    expect(answer.setCookie).toMatch(/HttpOnly/i);
    expect(answer.setCookie).toMatch(/SameSite=Strict/i);
    expect(String(answer.json.csrfToken)).toMatch(/^[\w-]{43}$/);
    const me = await session.request('GET', '/api/session');
    expect((me.json.user as { role: string }).role).toBe('ingenieur');
    expect(me.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    // The session lives in the database, as a hash of the cookie's token.
    const stored = await portal.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('refuse un mauvais mot de passe en français, sans ouvrir de session', async () => {
    const before = Number((await portal.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const answer = await client().login(people.engineer.email, 'pas le bon mot de passe');
    expect(answer.status).toBe(401);
    expect(answer.json.erreur).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(Number((await portal.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });

  it('refuse toute modification sans jeton CSRF, et sans session', async () => {
    const manager = await signedIn(people.manager.email);
    const orders = await count('orders');
    const noCsrf = await manager.request('POST', '/api/orders', { ...ORDER, number: 'BC-SANS-CSRF' }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.erreur).toMatch(/CSRF/);
    const anonymous = await client().request('POST', '/api/orders', { ...ORDER, number: 'BC-ANONYME' });
    expect(anonymous.status).toBe(401);
    expect(await count('orders')).toBe(orders);
  });

  it('seul un gestionnaire du titulaire crée un bon de commande', async () => {
    const orders = await count('orders');
    for (const email of [people.engineer.email, people.reviewer.email, people.paris.email]) {
      const answer = await (await signedIn(email)).request('POST', '/api/orders', { ...ORDER, number: `BC-${email}` });
      expect(answer.status, email).toBe(403);
    }
    expect(await count('orders')).toBe(orders);
    const duplicate = await (await signedIn(people.manager.email)).request('POST', '/api/orders', ORDER);
    expect(duplicate.status).toBe(409);
    expect(await count('orders')).toBe(orders);
  });

  it('un correspondant de DIT ne voit que les commandes de sa DIT ; les autres n’existent pas pour lui', async () => {
    const paris = await signedIn(people.paris.email);
    const list = await paris.request('GET', '/api/orders');
    expect((list.json.orders as { number: string }[]).map((order) => order.number)).toEqual(['BC-2026-001']);
    expect((await paris.request('GET', `/api/orders/${lyonOrder}`)).status).toBe(404);
    expect((await paris.request('GET', `/api/orders/${lyonOrder}/history`)).status).toBe(404);
    expect((await paris.request('GET', `/api/orders/${parisOrder}`)).status).toBe(200);
    const reviewer = await signedIn(people.reviewer.email);
    expect((await reviewer.request('GET', '/api/orders')).json.orders).toHaveLength(2);
  });

  it('seul le titulaire renseigne l’avancement ; l’historique dit qui, quand et quoi', async () => {
    const history = await count('order_history');
    for (const email of [people.reviewer.email, people.paris.email]) {
      const answer = await (await signedIn(email)).request('POST', `/api/orders/${parisOrder}/progress`, { note: 'Tentative', consumedDays: 3 });
      expect(answer.status, email).toBe(403);
    }
    // Another DIT's correspondent gets 404, as if the order did not exist.
    expect((await (await signedIn(people.lyon.email)).request('POST', `/api/orders/${parisOrder}/progress`, { note: 'Tentative' })).status).toBe(404);
    expect(await count('order_history')).toBe(history);
    expect((await portal.db.selectFrom('orders').select('consumed_days').where('id', '=', parisOrder).executeTakeFirstOrThrow()).consumed_days).toBe(0);

    const engineer = await signedIn(people.engineer.email);
    expect((await engineer.request('POST', `/api/orders/${parisOrder}/progress`, { note: 'Plans reçus, murs saisis', consumedDays: 1.5 })).status).toBe(200);
    expect((await engineer.request('POST', `/api/orders/${parisOrder}/progress`, { note: 'Livrables déposés', consumedDays: 4, delivered: true })).status).toBe(200);
    const order = (await engineer.request('GET', `/api/orders/${parisOrder}`)).json.order as { status: string; consumed_days: number };
    expect(order).toMatchObject({ status: 'livre', consumed_days: 4 });
    const lines = (await engineer.request('GET', `/api/orders/${parisOrder}/history`)).json.history as { action: string; who: string; detail: { note?: string } }[];
    expect(lines.map((line) => line.action)).toEqual(['creation', 'avancement', 'livraison']);
    expect(lines[1]).toMatchObject({ who: 'radio', detail: { note: 'Plans reçus, murs saisis' } });
    // Delivered once: it cannot be delivered again.
    expect((await engineer.request('POST', `/api/orders/${parisOrder}/progress`, { note: 'Encore', delivered: true })).status).toBe(409);
  });

  it('seul un gestionnaire change l’état de facturation', async () => {
    expect((await (await signedIn(people.engineer.email)).request('POST', `/api/orders/${lyonOrder}/invoicing`, { invoicing: 'facture' })).status).toBe(403);
    expect((await portal.db.selectFrom('orders').select('invoicing').where('id', '=', lyonOrder).executeTakeFirstOrThrow()).invoicing).toBe('a-facturer');
    expect((await (await signedIn(people.manager.email)).request('POST', `/api/orders/${lyonOrder}/invoicing`, { invoicing: 'facture' })).status).toBe(200);
  });

  it('seul un gestionnaire solde une commande, et seulement réceptionnée et payée ; soldée, elle ne bouge plus', async () => {
    // Received (the reception itself is tested with real packages in portal-deliverables).
    await portal.db.updateTable('orders').set({ status: 'receptionne' }).where('id', '=', lyonOrder).execute();
    const history = await count('order_history');
    for (const email of [people.engineer.email, people.reviewer.email]) expect((await (await signedIn(email)).request('POST', `/api/orders/${lyonOrder}/closing`)).status, email).toBe(403);
    expect((await (await signedIn(people.paris.email)).request('POST', `/api/orders/${lyonOrder}/closing`)).status).toBe(404);
    const manager = await signedIn(people.manager.email);
    const unpaid = await manager.request('POST', `/api/orders/${lyonOrder}/closing`);
    expect(unpaid.status).toBe(409);
    expect(unpaid.json.erreur).toBe('Une commande se solde une fois réceptionnée et payée.');
    expect(await count('order_history')).toBe(history);
    expect((await manager.request('POST', `/api/orders/${lyonOrder}/invoicing`, { invoicing: 'paye' })).status).toBe(200);
    expect((await manager.request('POST', `/api/orders/${lyonOrder}/closing`)).status).toBe(200);
    const order = (await manager.request('GET', `/api/orders/${lyonOrder}`)).json.order as { status: string };
    expect(order.status).toBe('solde');
    const progress = await (await signedIn(people.engineer.email)).request('POST', `/api/orders/${lyonOrder}/progress`, { note: 'Après coup' });
    expect(progress.status).toBe(409);
    const lines = (await manager.request('GET', `/api/orders/${lyonOrder}/history`)).json.history as { action: string }[];
    expect(lines.map((line) => line.action).slice(-2)).toEqual(['facturation', 'solde']);
  });

  it('garde l’historique en ajout seul, même contre une requête directe', async () => {
    await expect(sql`update order_history set action = 'effacé'`.execute(portal.db)).rejects.toThrow(/ajout seul/);
    await expect(sql`delete from order_history`.execute(portal.db)).rejects.toThrow(/ajout seul/);
  });

  it('refuse une session expirée et une session fermée', async () => {
    const session = await signedIn(people.reviewer.email);
    await portal.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', (await portal.db.selectFrom('users').select('id').where('email', '=', people.reviewer.email).executeTakeFirstOrThrow()).id).execute();
    expect((await session.request('GET', '/api/session')).json).toEqual({ user: null, csrfToken: null });
    const expired = await session.request('GET', '/api/orders');
    expect(expired.status).toBe(401);
    expect(expired.json.erreur).toBe('Session absente ou expirée : reconnectez-vous.');
    const other = await signedIn(people.manager.email);
    // Logging out is a change too: without the CSRF token it is refused and the session stays open.
    expect((await other.request('DELETE', '/api/session', undefined, { csrf: false })).status).toBe(403);
    expect((await other.request('GET', '/api/orders')).status).toBe(200);
    expect((await other.request('DELETE', '/api/session')).status).toBe(200);
    expect((await other.request('GET', '/api/orders')).status).toBe(401);
  });

  it('bloque un compte après 10 échecs en 15 minutes, même avec le bon mot de passe ensuite', async () => {
    for (let attempt = 0; attempt < 10; attempt++) expect((await client().login(people.lyon.email, `faux-${attempt}`)).status).toBe(401);
    const blocked = await client().login(people.lyon.email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.json.erreur).toMatch(/^Trop de tentatives de connexion/);
  }, 60_000);
});

describe.each(BACKENDS)('1 000 connexions échouées sur %s', (backend) => {
  let portal: Harness;
  beforeAll(async () => {
    portal = await startPortal(backend);
    await seedPeople(portal.db);
  }, 60_000);
  afterAll(async () => portal?.close());

  it('chacune reçoit une réponse claire ; aucune session, aucun compte changé ; l’adresse est bloquée après 50', async () => {
    const accounts = await portal.db.selectFrom('users').select(['email', 'password_hash']).orderBy('email').execute();
    const statuses = new Map<number, number>();
    const messages = new Set<string>();
    // Ten at a time, against real accounts and unknown addresses alike.
    for (let batch = 0; batch < 100; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) => {
          const email = index % 2 === 0 ? accounts[index % accounts.length]!.email : `inconnu-${batch}-${index}@exemple.fr`;
          return new Client(portal.base).login(email, `mauvais-${batch}-${index}`);
        }),
      );
      for (const answer of answers) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        messages.add(String(answer.json.erreur));
        expect(answer.setCookie).toBeNull();
      }
    }
    expect([...statuses.keys()].sort()).toEqual([401, 429]);
    expect(statuses.get(401)).toBe(50);
    expect(statuses.get(429)).toBe(950);
    expect([...messages].sort()).toEqual(['Adresse électronique ou mot de passe incorrect.', 'Trop de tentatives de connexion : réessayez dans 15 minutes.']);
    expect(Number((await portal.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    expect(await portal.db.selectFrom('users').select(['email', 'password_hash']).orderBy('email').execute()).toEqual(accounts);
  }, 120_000);
});
