/**
 * The quarterly statement (§2.9) read back with exceljs, on both databases, and its deadline: ten working days after
 * the quarter, with French public holidays (hand-counted cases below).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementDeadline } from '../../server/src/calendar/working-days.ts';
import { STATEMENT_COLUMNS } from '../../server/src/services/statement-service.ts';
import { BACKENDS, Client, seedPeople, startPortal, type Harness } from './portal-harness.ts';

describe('échéance de l’état trimestriel', () => {
  it('compte dix jours ouvrés après la fin du trimestre, jours fériés exclus', () => {
    // T2 2026 ends Tuesday 30 June; 14 July is a holiday: 1, 2, 3, 6, 7, 8, 9, 10, 13, 15 July.
    expect(statementDeadline(2026, 2)).toBe('2026-07-15');
    // T3 2026 ends Wednesday 30 September: 1, 2, 5 … 9, 12, 13, 14 October.
    expect(statementDeadline(2026, 3)).toBe('2026-10-14');
    // T4 2026 ends Thursday 31 December; 1 January 2027 is a holiday: 4 … 8, 11 … 15 January.
    expect(statementDeadline(2026, 4)).toBe('2027-01-15');
  });
});

describe.each(BACKENDS)('état trimestriel sur %s', (backend) => {
  let portal: Harness;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const signedIn = async (email: string) => {
    const session = new Client(portal.base);
    expect((await session.login(email)).status).toBe(200);
    return session;
  };
  const base = { entityKind: 'juridiction', service: '4.1.6', complexity: 'Moyenne', quoteNumber: 'DEV-1', orderedDays: 5, amountHt: 4000, orderedOn: '2026-10-05', profileType: 'Technicien réseaux-télécoms (4.3)', profileName: 'Julien Bernard', bureau: 'Bureau des infrastructures' };

  beforeAll(async () => {
    portal = await startPortal(backend);
    people = await seedPeople(portal.db);
    const manager = await signedIn(people.manager.email);
    const paris = String((await manager.request('POST', '/api/orders', { ...base, number: 'BC-T4-1', entityName: 'Tribunal de Paris', dit: 'DIT Paris', legalCommitment: 'EJ-1' })).json.id);
    await manager.request('POST', '/api/orders', { ...base, number: 'BC-T4-2', entityName: 'Cour d’appel de Lyon', dit: 'DIT Lyon', legalCommitment: 'EJ-2', amountHt: 8000, orderedDays: 10 });
    const engineer = await signedIn(people.engineer.email);
    await engineer.request('POST', `/api/orders/${paris}/progress`, { note: 'Livré', consumedDays: 4.5, delivered: true });
    await manager.request('POST', `/api/orders/${paris}/invoicing`, { invoicing: 'facture' });
  }, 60_000);
  afterAll(async () => portal?.close());

  it('donne chaque colonne du § 2.9, une ligne par commande et les dépenses engagées', async () => {
    const manager = await signedIn(people.manager.email);
    const response = await fetch(`${portal.base}/api/statements/2026/4`, { headers: { cookie: manager.cookie } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('à remettre au plus tard le 15/01/2027');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...STATEMENT_COLUMNS]);
    const paris = sheet.getRow(4);
    expect(paris.getCell(2).value).toBe('Tribunal de Paris');
    expect([paris.getCell(4).value, paris.getCell(5).value, paris.getCell(6).value, paris.getCell(7).value]).toEqual([1, 1, 5, 4.5]);
    expect(paris.getCell(8).value).toEqual({ formula: 'F4-G4', result: 0.5 });
    expect(paris.getCell(15).value).toBe(4000);
    expect(paris.getCell(16).value).toEqual({ formula: 'O4*1.2', result: 4800 });
    expect(sheet.getRow(5).getCell(15).value).toBe(0);
    let committed: ExcelJS.Row | undefined;
    sheet.eachRow((row) => void (String(row.getCell(1).value).startsWith('Dépenses engagées (') && (committed = row)));
    expect(committed!.getCell(15).value).toBe(12000);
  });

  it('un correspondant de DIT n’y voit que sa DIT ; sans session, rien', async () => {
    const lyon = await signedIn(people.lyon.email);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await fetch(`${portal.base}/api/statements/2026/4`, { headers: { cookie: lyon.cookie } })).arrayBuffer());
    const entities: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, index) => void (index > 3 && row.getCell(1).value === 'Ministère de la Justice' && entities.push(row.getCell(2).value)));
    expect(entities).toEqual(['Cour d’appel de Lyon']);
    expect((await fetch(`${portal.base}/api/statements/2026/4`)).status).toBe(401);
    expect((await new Client(portal.base).request('GET', '/api/statements/2026/7')).status).toBe(401);
    expect((await lyon.request('GET', '/api/statements/2026/7')).status).toBe(400);
  });
});
