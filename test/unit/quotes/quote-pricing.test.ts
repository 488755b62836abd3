/**
 * Quotes priced from the sample price grid (fixtures/contract/, invented prices), every figure computed by hand in the
 * comments; deadlines counted by hand on the calendar with French public holidays and those of the overseas territory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { priceGridFromCsv, priceGridFromXlsx, PriceGridError } from '../../../server/src/quotes/price-grid.ts';
import { durationWarnings, priceQuote, quoteDeadline, QuotePricingError } from '../../../server/src/quotes/quote-pricing.ts';

const csv = readFileSync(resolve(import.meta.dirname, '../../../fixtures/contract/bpu-exemple-prix-fictifs.csv'), 'utf8');
const grid = priceGridFromCsv(csv);

describe('bordereau des prix (BPU)', () => {
  it('lit l’exemple : prix par prestation et complexité, coefficients HNO et outre-mer, TVA, maximum du marché', () => {
    expect(grid.label).toMatch(/PRIX FICTIFS/);
    expect(grid.prices['4.1.6']).toEqual({ Simple: 412.37, Moyenne: 425, Complexe: 440 });
    expect(grid.prices['4.3.5']).toEqual({ 'Demi-journée': 240 });
    expect(grid.outOfHours).toEqual({ semaine: 1.25, samedi: 1.5, 'dimanche-ferie': 2, nuit: 2.5 });
    expect(grid.overseas.MQ).toBe(1.35);
    expect(grid.vat).toMatchObject({ metropole: 0.2, MQ: 0.085, GP: 0.085, GF: 0, NC: 0 });
    expect(grid.contractMaximumHt).toBe(2_500_000);
  });

  it('lit le même bordereau en Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('BPU');
    for (const line of csv.trim().split('\n')) sheet.addRow(line.split(';').map((cell, column) => (column === 3 && /^[\d,]+$/.test(cell) ? Number(cell.replace(',', '.')) : cell)));
    const fromExcel = await priceGridFromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(fromExcel).toEqual(grid);
  });

  it('signale toutes les erreurs d’un coup, ligne par ligne, en français', () => {
    const bad = ['type;code;niveau;valeur;libellé', 'prix;4.9.9;Simple;100;', 'prix;4.1.6;Moyen;100;', 'hno;dimanche;;2;', 'outre-mer;FR;;1,2;', 'prix;4.1.6;Simple;abc;'].join('\n');
    try {
      priceGridFromCsv(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PriceGridError);
      expect((error as PriceGridError).problems).toEqual([
        'Ligne 2 : prestation « 4.9.9 » absente du catalogue.',
        'Ligne 3 : niveau « Moyen » inconnu pour 4.1.6 (Simple, Moyenne, Complexe).',
        'Ligne 4 : tranche HNO « dimanche » inconnue (semaine, samedi, dimanche-ferie, nuit).',
        'Ligne 5 : territoire « FR » inconnu (GP, MQ, RE, GF, YT, BL, MF, PM, NC, PF, WF).',
        'Ligne 6 : valeur « abc » : un nombre est attendu.',
        'Aucun prix : ajoutez des lignes « prix;<prestation>;<niveau>;<prix € HT> ».',
      ]);
    }
    expect(() => priceGridFromCsv('a;b\n1;2')).toThrow('En-tête attendu : « type;code;niveau;valeur;libellé ».');
  });
});

describe('chiffrage d’un devis', () => {
  it('trois lignes en Martinique, dont une HNO le dimanche et une intervention outre-mer', () => {
    const quote = priceQuote(grid, 'MQ', [
      { service: '4.1.6', level: 'Moyenne', quantity: 3 }, // 425 × 3 = 1 275,00
      { service: '4.2.3', level: 'Simple', quantity: 2, outOfHours: 'dimanche-ferie' }, // 600 × 2 × 2 = 2 400,00
      { service: '4.4', level: 'Demi-journée', quantity: 3 }, // 240 × 3 × 1,35 = 972,00
    ]);
    expect(quote.lines.map((line) => line.amountHt)).toEqual([1275, 2400, 972]);
    expect(quote.lines[1]!.factors).toEqual([{ label: 'HNO, Dimanche et jours fériés 6 h – 22 h', factor: 2 }]);
    expect(quote.lines[2]!.factors).toEqual([{ label: 'Outre-mer, Martinique', factor: 1.35 }]);
    expect(quote.lines[2]!.unitPriceHt).toBe(240);
    // 4 647,00 € HT; TVA 8,5 % = 394,995 → 395,00; TTC 5 042,00.
    expect({ totalHt: quote.totalHt, vatRate: quote.vatRate, vat: quote.vat, totalTtc: quote.totalTtc }).toEqual({ totalHt: 4647, vatRate: 0.085, vat: 395, totalTtc: 5042 });
  });

  it('arrondit au centime : 412,37 × 1,5 = 618,555 → 618,56 ; TVA 20 % = 123,712 → 123,71', () => {
    const quote = priceQuote(grid, 'metropole', [{ service: '4.1.6', level: 'Simple', quantity: 1.5 }]);
    expect([quote.totalHt, quote.vat, quote.totalTtc]).toEqual([618.56, 123.71, 742.27]);
  });

  it('refuse ce que le marché ne prévoit pas, avec la raison', () => {
    expect(() => priceQuote(grid, 'metropole', [{ service: '4.1.6', level: 'Simple', quantity: 1, outOfHours: 'nuit' }])).toThrow('Ligne 1 : la prestation 4.1.6 ne se commande pas en astreinte ou HNO (seules 4.2.3 à 4.2.8, § 4.2.21).');
    expect(() => priceQuote(grid, 'metropole', [{ service: '4.4', level: 'Demi-journée', quantity: 1 }])).toThrow(QuotePricingError);
    expect(() => priceQuote(grid, 'BL', [{ service: '4.4', level: 'Demi-journée', quantity: 1 }])).toThrow('Ligne 1 : le bordereau n’a pas de coefficient pour Saint-Barthélemy.');
    expect(() => priceQuote(grid, 'metropole', [{ service: '4.1.1', level: 'Simple', quantity: 1 }])).toThrow('Ligne 1 : le bordereau n’a pas de prix pour 4.1.1 « Simple ».');
  });

  it('prévient quand la quantité dépasse la durée de la complexité ou ne tient pas dans la période demandée', () => {
    // 4.1.6 « Simple » is 1 day at most; 16–20 November 2026 has 5 working days (11 November is the week before).
    expect(durationWarnings([{ service: '4.1.6', level: 'Simple', quantity: 2 }], { start: '2026-11-16', end: '2026-11-20' }, 'metropole')).toEqual(['Ligne 1 : 2 UO dépassent la durée maximale de la complexité « Simple » (1 j) : choisissez une complexité plus élevée.']);
    // 11–13 November 2026: Armistice on Wednesday 11 → 2 working days for 4 UO.
    expect(durationWarnings([{ service: '4.1.6', level: 'Moyenne', quantity: 4 }], { start: '2026-11-11', end: '2026-11-13' }, 'metropole')).toEqual(['Ligne 1 : 4 UO ne tiennent pas dans les 2 jours ouvrés de la période demandée.']);
    expect(durationWarnings([{ service: '4.1.6', level: 'Moyenne', quantity: 4 }], { start: null, end: null }, 'metropole')).toEqual([]);
  });
});

describe('échéance d’un devis : 5 jours ouvrés après la demande (§ 2.4)', () => {
  it.each([
    ['Ascension (jeudi 14 mai 2026) et un week-end', '2026-05-12', 'metropole', '2026-05-20'],
    ['lundi de Pentecôte (25 mai 2026)', '2026-05-20', 'metropole', '2026-05-28'],
    ['14 juillet 2026 (mardi)', '2026-07-10', 'metropole', '2026-07-20'],
    ['15 août 2025 (vendredi)', '2025-08-13', 'metropole', '2025-08-21'],
    ['abolition de l’esclavage en Martinique (vendredi 22 mai 2026)', '2026-05-18', 'MQ', '2026-05-27'],
    ['même demande en Guadeloupe, où elle tombe le 27 mai', '2026-05-18', 'GP', '2026-05-26'],
    ['demande du 22 mai en Guadeloupe : le 27 mai compte', '2026-05-22', 'GP', '2026-06-02'],
    ['même demande en métropole', '2026-05-22', 'metropole', '2026-06-01'],
  ] as const)('%s : demande le %s (%s) → %s', (_label, requested, territory, due) => expect(quoteDeadline(requested, territory)).toBe(due));
});
