/**
 * The tracking portal under load, as `npm run portal` serves it (its own process), on its embedded PGlite and on a
 * PostgreSQL server (fsync on) side by side: 50 people browsing (list page, then an order's page, as the app asks
 * for them, no pause) and 5 uploading 1 MiB packages (a pause of 2 s between two) for one minute. Prints requests
 * per second and latency percentiles per kind; every answer that is not a success is counted as an error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import { startPortalProcess, type PortalProcess } from '../portal-process.ts';
import { startThrowawayPostgres } from '../postgres-throwaway.ts';

const SECONDS = Number(process.env.BENCH_PORTAL_SECONDS ?? 60);
const BROWSERS = 50;
const UPLOADERS = 5;

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`connexion refusée (${response.status})`);
  const json = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: json.csrfToken };
}

/** A small seeded generator: the same run asks for the same pages. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

async function load(portal: PortalProcess) {
  const { base, accounts } = portal;
  const manager = await login(base, accounts.gestionnaire!.email, accounts.gestionnaire!.password);
  // One order per uploader, so each delivers its own versions.
  const uploadOrders: string[] = [];
  for (let index = 0; index < UPLOADERS; index++) {
    const response = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: manager.cookie, 'x-csrf-token': manager.csrf },
      body: JSON.stringify({ number: `BC-CHARGE-${index + 1}`, entityKind: 'juridiction', entityName: `Tribunal de charge ${index + 1} (fictif)`, dit: 'DIT de démonstration', service: '4.1.6', complexity: 'Moyenne', legalCommitment: `EJ-CHARGE-${index}`, quoteNumber: `DEV-CHARGE-${index}`, orderedDays: 5, amountHt: 4250, orderedOn: '2026-11-02' }),
    });
    uploadOrders.push(((await response.json()) as { id: string }).id);
  }
  const browsingRoles = ['relecteur', 'correspondant', 'gestionnaire', 'ingenieur', 'administrateur'];
  const browsers: Session[] = [];
  for (let index = 0; index < BROWSERS; index++) {
    const account = accounts[browsingRoles[index % browsingRoles.length]!]!;
    browsers.push(await login(base, account.email, account.password));
  }
  const uploaders: Session[] = [];
  for (let index = 0; index < UPLOADERS; index++) uploaders.push(await login(base, accounts.ingenieur!.email, accounts.ingenieur!.password));
  const zip = zipSync({ 'rapport-etude.pdf': [randomBytes(1024 * 1024), { level: 0 }] });
  const md5 = createHash('md5').update(zip).digest('hex');

  const latencies = { browse: [] as number[], upload: [] as number[] };
  const errors: string[] = [];
  const end = performance.now() + SECONDS * 1000;
  const timed = async (kind: 'browse' | 'upload', request: () => Promise<Response>) => {
    const start = performance.now();
    try {
      const response = await request();
      await response.arrayBuffer();
      latencies[kind].push(performance.now() - start);
      if (!response.ok) errors.push(`${kind} ${response.status}`);
    } catch (error) {
      errors.push(`${kind} ${(error as Error).message}`);
    }
  };
  const get = (session: Session, path: string) => () => fetch(`${base}${path}`, { headers: { cookie: session.cookie } });

  const browsing = browsers.map(async (session, index) => {
    const next = random(index + 1);
    while (performance.now() < end) {
      // The list page: the session, the dashboard, the orders.
      await timed('browse', get(session, '/api/session'));
      await Promise.all([timed('browse', get(session, '/api/dashboard')), timed('browse', get(session, '/api/orders'))]);
      const orders = (await (await fetch(`${base}/api/orders`, { headers: { cookie: session.cookie } })).json()) as { orders: { id: string }[] };
      const order = orders.orders[Math.floor(next() * orders.orders.length)];
      if (!order) continue;
      // An order's page: the order, its history, its deliverables.
      await Promise.all([timed('browse', get(session, `/api/orders/${order.id}`)), timed('browse', get(session, `/api/orders/${order.id}/history`)), timed('browse', get(session, `/api/orders/${order.id}/deliverables`))]);
    }
  });
  const uploading = uploaders.map(async (session, index) => {
    while (performance.now() < end) {
      await timed('upload', () => fetch(`${base}/api/orders/${uploadOrders[index]}/deliverables`, { method: 'POST', headers: { 'content-type': 'application/zip', 'x-md5': md5, 'x-file-name': 'livrables.zip', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: Buffer.from(zip) }));
      await new Promise((done) => setTimeout(done, 2000));
    }
  });
  const started = performance.now();
  await Promise.all([...browsing, ...uploading]);
  const elapsed = (performance.now() - started) / 1000;
  const browse = [...latencies.browse].sort((a, b) => a - b);
  const upload = [...latencies.upload].sort((a, b) => a - b);
  return { elapsed, browse, upload, errors, uploadBytes: zip.byteLength };
}

export async function runPortalLoadBench(): Promise<string[]> {
  const lines = [
    `| base | durée (s) | requêtes de consultation | req/s | p50 (ms) | p95 (ms) | p99 (ms) | dépôts de 1 Mio | dépôts/s | p95 dépôt (ms) | erreurs |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const postgres = startThrowawayPostgres({ durable: true });
  try {
    for (const [name, options] of [['PGlite (embarquée)', {}], ['PostgreSQL 15 (fsync)', { databaseUrl: postgres.url }]] as const) {
      const portal = await startPortalProcess(options);
      try {
        const result = await load(portal);
        const f = (value: number) => value.toFixed(0);
        lines.push(`| ${name} | ${result.elapsed.toFixed(0)} | ${result.browse.length} | ${f(result.browse.length / result.elapsed)} | ${f(percentile(result.browse, 50))} | ${f(percentile(result.browse, 95))} | ${f(percentile(result.browse, 99))} | ${result.upload.length} | ${(result.upload.length / result.elapsed).toFixed(1)} | ${f(percentile(result.upload, 95))} | ${result.errors.length}${result.errors.length ? ` (${[...new Set(result.errors)].slice(0, 3).join(', ')})` : ''} |`);
      } finally {
        portal.stop();
      }
    }
  } finally {
    postgres.stop();
  }
  return lines;
}
