/**
 * Price grids and quotes over HTTP on both databases: who imports a grid and who quotes, validates or abandons (each
 * denial changing nothing); the quote priced with the figures computed by hand in test/unit/quotes; a quote keeping
 * the grid version it was priced with; its deadline and lateness; validation creating the order with the quote's
 * amount and days.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteDeadline } from '../../server/src/quotes/quote-pricing.ts';
import { BACKENDS, Client, seedPeople, signedIn, startPortal, type Harness } from './portal-harness.ts';

const csv = readFileSync(resolve(import.meta.dirname, '../../fixtures/contract/bpu-exemple-prix-fictifs.csv'));
const today = new Date().toISOString().slice(0, 10);
const MARTINIQUE = {
  entityKind: 'juridiction',
  entityName: 'Tribunal judiciaire de Fort-de-France (fictif)',
  dit: 'DIT Paris',
  site: '1 rue du Palais, Fort-de-France',
  territory: 'MQ',
  requestedOn: today,
  need: 'Couverture Wi-Fi de la salle des pas perdus et assistance le dimanche du déménagement.',
  lines: [
    { service: '4.1.6', level: 'Moyenne', quantity: 3 },
    { service: '4.2.3', level: 'Simple', quantity: 2, outOfHours: 'dimanche-ferie' },
    { service: '4.4', level: 'Demi-journée', quantity: 3 },
  ],
};

describe.each(BACKENDS)('bordereaux et devis sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const as = (email: string) => signedIn(portal.base, email);
  const upload = async (client: Client, bytes: Uint8Array, type: string, name: string) => {
    const response = await fetch(`${portal.base}/api/price-grids`, { method: 'POST', headers: { 'content-type': type, 'x-file-name': name, 'x-csrf-token': client.csrf, cookie: client.cookie }, body: Buffer.from(bytes) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const count = async (table: 'price_grids' | 'quotes' | 'quote_history' | 'orders') => Number((await portal.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let quoteId = '';

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
  }, 60_000);
  afterAll(async () => portal?.close());

  it('seul le gestionnaire importe un bordereau ; un bordereau fautif est refusé en entier, avec ses lignes', async () => {
    expect((await upload(await as(people.engineer.email), csv, 'text/csv', 'bpu.csv')).status).toBe(403);
    expect((await upload(await as(people.reviewer.email), csv, 'text/csv', 'bpu.csv')).status).toBe(403);
    const manager = await as(people.manager.email);
    const bad = await upload(manager, new TextEncoder().encode('type;code;niveau;valeur;libellé\nprix;4.1.6;Moyen;100;\nprix;4.9.9;Simple;1;'), 'text/csv', 'faux.csv');
    expect(bad.status).toBe(400);
    expect(bad.json.erreur).toBe('Bordereau refusé : 3 problèmes. Ligne 2 : niveau « Moyen » inconnu pour 4.1.6 (Simple, Moyenne, Complexe). Ligne 3 : prestation « 4.9.9 » absente du catalogue. Aucun prix : ajoutez des lignes « prix;<prestation>;<niveau>;<prix € HT> ».');
    expect(await count('price_grids')).toBe(0);
    // No grid yet: no quote.
    expect((await manager.request('POST', '/api/quotes', MARTINIQUE)).json.erreur).toBe('Aucun bordereau des prix : le gestionnaire doit d’abord en importer un.');
    const first = await upload(manager, csv, 'text/csv', 'bpu-exemple-prix-fictifs.csv');
    expect(first).toMatchObject({ status: 201, json: { version: 1 } });
  });

  it('établit un devis chiffré à la main : 4 647,00 € HT, TVA 8,5 % 395,00 €, 5 042,00 € TTC ; échéance à 5 jours ouvrés', async () => {
    for (const email of [people.engineer.email, people.reviewer.email, people.paris.email]) expect((await (await as(email)).request('POST', '/api/quotes', MARTINIQUE)).status, email).toBe(403);
    expect(await count('quotes')).toBe(0);
    const manager = await as(people.manager.email);
    const created = await manager.request('POST', '/api/quotes', MARTINIQUE);
    expect(created.status).toBe(201);
    expect(created.json.number).toBe(`DEV-${today.slice(0, 4)}-0001`);
    quoteId = String(created.json.id);
    const { quote, history } = (await manager.request('GET', `/api/quotes/${quoteId}`)).json as { quote: { priced: { totalHt: number; vat: number; totalTtc: number; lines: { amountHt: number }[] }; dueOn: string; late: boolean; status: string; gridVersion: number }; history: { action: string }[] };
    expect(quote.priced.lines.map((line) => line.amountHt)).toEqual([1275, 2400, 972]);
    expect([quote.priced.totalHt, quote.priced.vat, quote.priced.totalTtc]).toEqual([4647, 395, 5042]);
    expect(quote).toMatchObject({ status: 'brouillon', late: false, gridVersion: 1, dueOn: quoteDeadline(today, 'MQ') });
    expect(history.map((line) => line.action)).toEqual(['creation']);
    expect((await manager.request('POST', '/api/quotes', { ...MARTINIQUE, lines: [{ service: '4.1.6', level: 'Simple', quantity: 1, outOfHours: 'nuit' }] })).json.erreur).toBe('Ligne 1 : la prestation 4.1.6 ne se commande pas en astreinte ou HNO (seules 4.2.3 à 4.2.8, § 4.2.21).');
    expect(await count('quotes')).toBe(1);
  });

  it('un correspondant ne voit que les devis de sa DIT', async () => {
    expect(((await (await as(people.lyon.email)).request('GET', '/api/quotes')).json.quotes as unknown[]).length).toBe(0);
    expect((await (await as(people.lyon.email)).request('GET', `/api/quotes/${quoteId}`)).status).toBe(404);
    expect((await (await as(people.lyon.email)).request('POST', `/api/quotes/${quoteId}/validation`, { orderNumber: 'X', legalCommitment: 'Y' })).status).toBe(404);
    expect(((await (await as(people.paris.email)).request('GET', '/api/quotes')).json.quotes as unknown[]).length).toBe(1);
  });

  it('garde la version du bordereau avec laquelle il a été chiffré, jusqu’à ce qu’on en change', async () => {
    const manager = await as(people.manager.email);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('BPU 2027');
    sheet.addRow(['type', 'code', 'niveau', 'valeur', 'libellé']);
    sheet.addRow(['marche', 'libelle', '', 'BPU révisé (fictif)', '']);
    for (const [service, level, value] of [['4.1.6', 'Moyenne', 450], ['4.2.3', 'Simple', 600], ['4.3.5', 'Demi-journée', 240]] as const) sheet.addRow(['prix', service, level, value, '']);
    sheet.addRow(['hno', 'dimanche-ferie', '', 2, '']);
    sheet.addRow(['outre-mer', 'MQ', '', 1.35, '']);
    sheet.addRow(['tva', 'MQ', '', '8,5 %', '']);
    const second = await upload(manager, new Uint8Array(await workbook.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'bpu-2027.xlsx');
    expect(second).toMatchObject({ status: 201, json: { version: 2 } });
    expect((await manager.request('POST', `/api/quotes/${quoteId}`, { need: 'Précisé : trois niveaux.' })).status).toBe(200);
    const kept = (await manager.request('GET', `/api/quotes/${quoteId}`)).json.quote as { priced: { totalHt: number }; gridVersion: number };
    expect(kept).toMatchObject({ gridVersion: 1, priced: { totalHt: 4647 } });
    expect((await manager.request('POST', `/api/quotes/${quoteId}`, { gridId: String(second.json.id) })).status).toBe(200);
    // 450 × 3 = 1 350 instead of 1 275: 4 722,00 € HT.
    expect((await manager.request('GET', `/api/quotes/${quoteId}`)).json.quote).toMatchObject({ gridVersion: 2, priced: { totalHt: 4722 } });
  });

  it('envoi, ajustement demandé par l’administration, nouvel envoi, validation : la commande naît du devis', async () => {
    const manager = await as(people.manager.email);
    expect((await (await as(people.engineer.email)).request('POST', `/api/quotes/${quoteId}/sending`)).status).toBe(403);
    expect((await manager.request('POST', `/api/quotes/${quoteId}/sending`)).status).toBe(200);
    const reviewer = await as(people.reviewer.email);
    expect((await manager.request('POST', `/api/quotes/${quoteId}/adjustment`, { remarks: 'x' })).status).toBe(403);
    expect((await reviewer.request('POST', `/api/quotes/${quoteId}/adjustment`, {})).json.erreur).toBe('Indiquez ce qui est à ajuster.');
    expect((await reviewer.request('POST', `/api/quotes/${quoteId}/adjustment`, { remarks: 'Deux UO d’étude suffisent.' })).status).toBe(200);
    expect((await manager.request('POST', `/api/quotes/${quoteId}`, { lines: [{ service: '4.1.6', level: 'Moyenne', quantity: 2 }, MARTINIQUE.lines[1], MARTINIQUE.lines[2]] })).status).toBe(200);
    expect((await manager.request('POST', `/api/quotes/${quoteId}/sending`)).status).toBe(200);
    const orders = await count('orders');
    expect((await reviewer.request('POST', `/api/quotes/${quoteId}/validation`, { orderNumber: 'BC-2026-0420' })).json.erreur).toBe('Champ « numéro d’engagement juridique » manquant ou trop long (60 caractères au plus).');
    expect(await count('orders')).toBe(orders);
    const validated = await (await as(people.paris.email)).request('POST', `/api/quotes/${quoteId}/validation`, { orderNumber: 'BC-2026-0420', legalCommitment: 'EJ-2026-0420' });
    expect(validated.status).toBe(200);
    const order = (await manager.request('GET', `/api/orders/${String(validated.json.orderId)}`)).json.order as Record<string, unknown>;
    // 450 × 2 + 2 400 + 972 = 4 272,00 € HT; days: 2 + 2 + 3 half-days = 5,5.
    expect(order).toMatchObject({ number: 'BC-2026-0420', legal_commitment: 'EJ-2026-0420', quote_number: `DEV-${today.slice(0, 4)}-0001`, amount_ht: 4272, ordered_days: 5.5, dit: 'DIT Paris', complexity: 'Moyenne', status: 'en-cours' });
    const orderHistory = (await manager.request('GET', `/api/orders/${String(validated.json.orderId)}/history`)).json.history as { action: string; detail: { quote?: string } }[];
    expect(orderHistory[0]).toMatchObject({ action: 'creation', detail: { quote: `DEV-${today.slice(0, 4)}-0001` } });
    const { history } = (await manager.request('GET', `/api/quotes/${quoteId}`)).json as { history: { action: string }[] };
    expect(history.map((line) => line.action)).toEqual(['creation', 'modification', 'modification', 'envoi', 'ajustement', 'modification', 'envoi', 'validation']);
    expect((await reviewer.request('POST', `/api/quotes/${quoteId}/validation`, { orderNumber: 'BC-2', legalCommitment: 'EJ-2' })).status).toBe(409);
    expect((await manager.request('POST', `/api/quotes/${quoteId}`, { need: 'après coup' })).status).toBe(409);
  });

  it('se lit en PDF et en Excel : parties, références, lignes et totaux', async () => {
    const paris = await as(people.paris.email);
    const pdf = await fetch(`${portal.base}/api/quotes/${quoteId}/devis.pdf`, { headers: { cookie: paris.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'devis-'));
    try {
      writeFileSync(join(folder, 'devis.pdf'), new Uint8Array(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', join(folder, 'devis.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \u00a0]+/g, ' ');
      expect(text).toContain(`Devis DEV-${today.slice(0, 4)}-0001`);
      expect(text).toContain('Titulaire Titulaire');
      expect(text).toContain('Tribunal judiciaire de Fort-de-France');
      expect(text).toContain('(Martinique)');
      expect(text).toContain('version 2 — BPU révisé (fictif)');
      expect(text).toMatch(/Martinique ×\s?1,35/);
      expect(text).toMatch(/Total HT\s+4 272,00 €/);
      expect(text).toMatch(/TVA 8,5 %\s+363,12 €/);
      expect(text).toMatch(/Total TTC\s+4 635,12 €/);
      expect(text).toContain('Bon pour accord — pour l’administration');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const xlsx = await fetch(`${portal.base}/api/quotes/${quoteId}/devis.xlsx`, { headers: { cookie: paris.cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const values: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => values.push(row.getCell(6).value));
    const results = values.filter((value): value is { result: number } => typeof value === 'object' && value !== null && 'result' in value).map((value) => value.result);
    // The three lines, then HT, VAT, TTC: 900 + 2 400 + 972 = 4 272; 4 272 × 8,5 % = 363,12; 4 635,12.
    expect(results).toEqual([900, 2400, 972, 4272, 363.12, 4635.12]);
    expect((await fetch(`${portal.base}/api/quotes/${quoteId}/devis.pdf`, { headers: { cookie: (await as(people.lyon.email)).cookie } })).status).toBe(404);
  });

  it('un devis non envoyé après 5 jours ouvrés est en retard ; l’abandon est motivé', async () => {
    const manager = await as(people.manager.email);
    const old = await manager.request('POST', '/api/quotes', { ...MARTINIQUE, territory: 'metropole', lines: [{ service: '4.1.6', level: 'Moyenne', quantity: 1 }], requestedOn: '2026-01-05' });
    expect(old.status).toBe(201);
    const late = (await manager.request('GET', `/api/quotes/${String(old.json.id)}`)).json.quote as { late: boolean; dueOn: string };
    // Monday 5 January 2026 + 5 working days = Monday 12 January.
    expect(late).toMatchObject({ late: true, dueOn: '2026-01-12' });
    const dashboard = (await manager.request('GET', '/api/dashboard')).json.quotes as { late: { dueOn: string }[]; toAnswer: number };
    expect(dashboard.late.map((entry) => entry.dueOn)).toEqual(['2026-01-12']);
    expect((await manager.request('POST', `/api/quotes/${String(old.json.id)}/abandon`, {})).json.erreur).toBe('Indiquez pourquoi le devis est abandonné.');
    expect((await (await as(people.engineer.email)).request('POST', `/api/quotes/${String(old.json.id)}/abandon`, { reason: 'x' })).status).toBe(403);
    expect((await manager.request('POST', `/api/quotes/${String(old.json.id)}/abandon`, { reason: 'Besoin retiré par la juridiction.' })).status).toBe(200);
    expect((await manager.request('POST', `/api/quotes/${String(old.json.id)}/sending`)).status).toBe(409);
  });
});
