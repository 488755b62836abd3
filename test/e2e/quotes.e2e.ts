/**
 * Quotes in « Suivi », against the real portal (demo data, the sample price grid with invented prices): the manager
 * starts a quote from the demo study, prices it, sends it; the DNUM reviewer validates it; the order appears with the
 * catalogue's checklist of deliverables; the quote's PDF is read back with pdf.js.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, openDemoStudy, screenshot, useBrowser } from './browser.ts';
import { download, pdfText, signIn } from './portal-helpers.ts';

const browser = useBrowser();
const GRID = readFileSync(resolve(import.meta.dirname, '../../fixtures/contract/bpu-exemple-prix-fictifs.csv'), 'utf8');
/** The sample grid's price of 4.1.6 at a level, read from the file itself. */
const priceOf = (level: string) => Number(GRID.split('\n').find((line) => line.startsWith(`prix;4.1.6;${level};`))!.split(';')[3]!.replace(',', '.'));
const euros = (value: number) => `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} €`;

describe('devis', () => {
  it('le gestionnaire prépare le devis depuis l’étude de démonstration, l’envoie ; la DNUM le valide ; la commande naît avec ses livrables attendus', async () => {
    const manager = await openDemoStudy(browser(), 'Éditeur');
    const studyUrl = manager.page.url();
    await manager.page.getByRole('link', { name: 'Suivi' }).click();
    await signIn(manager.page, 'gestionnaire');
    await manager.page.goto(studyUrl);
    await manager.page.getByRole('link', { name: 'Préparer le devis sur le portail' }).click();
    const note = manager.page.getByTestId('quote-from-study');
    await note.waitFor();
    const noteText = (await note.textContent())!;
    const complexity = /complexité suggérée « (\w+) »/.exec(noteText)![1]!;
    expect(noteText).toMatch(/^Préparé à partir de l’étude « .+ » : [\d  ]+ m² à couvrir \((inférieure|entre)/);
    expect(await manager.page.getByLabel('Entité', { exact: true }).inputValue()).toBe('Tribunal judiciaire de Villeneuve (fictif)');
    expect(await manager.page.getByLabel('DIT', { exact: true }).inputValue()).toBe('DIT de démonstration');
    // The manager's estimate: 2 UO.
    await manager.page.getByLabel('Quantité (UO)').fill('2');
    await screenshot(manager.page, 'devis-1-depuis-etude');
    await manager.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await manager.page.getByTestId('quote-lines').waitFor();
    const expected = priceOf(complexity) * 2;
    expect((await manager.page.getByTestId('quote-total-ht').textContent())!.replace(/[\u00a0\u202f]/g, ' ')).toBe(euros(expected).replace(/[\u00a0\u202f]/g, ' '));
    expect((await manager.page.getByTestId('quote-total-ttc').textContent())!.replace(/[\u00a0\u202f]/g, ' ')).toBe(euros(Math.round(expected * 120) / 100).replace(/[\u00a0\u202f]/g, ' '));
    await manager.page.getByRole('button', { name: 'Envoyer le devis à l’administration' }).click();
    await expect.poll(() => manager.page.getByTestId('quote-status').textContent()).toBe('Envoyé, en attente de décision');
    await screenshot(manager.page, 'devis-2-envoye');
    const quoteUrl = manager.page.url();
    // The PDF the administration receives, read with pdf.js.
    const pdfResponse = await manager.page.request.get(`${new URL(quoteUrl).origin}/api/quotes/${decodeURIComponent(quoteUrl.split('/').pop()!)}/devis.pdf`);
    const text = await pdfText(new Uint8Array(await pdfResponse.body()));
    expect(text).toMatch(/Devis DEV-\d{4}-\d{4}/);
    expect(text).toContain('Tribunal judiciaire de Villeneuve (fictif)');
    expect(text).toContain(`4.1.6 ETUDE/AUDIT DE RESEAU SANS FIL`);
    expect(text).toContain(euros(expected).replace(/[\u00a0\u202f]/g, ' '));
    expect(text).toContain('PRIX FICTIFS');
    expect(text).toContain('Bon pour accord — pour l’administration');
    await manager.context.close();

    const reviewer = await openApp(browser(), '#/suivi');
    await signIn(reviewer.page, 'relecteur');
    await reviewer.page.goto(quoteUrl);
    await reviewer.page.getByLabel('Numéro du bon de commande').fill('BC-2026-0042');
    await reviewer.page.getByLabel('Numéro d’engagement juridique').fill('EJ-DEMO-0042');
    await screenshot(reviewer.page, 'devis-3-validation');
    await reviewer.page.getByRole('button', { name: 'Valider le devis et passer commande' }).click();
    await reviewer.page.getByRole('heading', { name: 'Bon de commande BC-2026-0042' }).waitFor();
    const checklist = reviewer.page.getByTestId('checklist');
    expect(await checklist.locator('li').count()).toBe(6);
    expect(await checklist.textContent()).toContain('Un rapport d’étude — absent du dernier dépôt');
    expect(await reviewer.page.getByTestId('history').textContent()).toContain('création de la commande');
    await screenshot(reviewer.page, 'devis-4-commande');
    await reviewer.context.close();
  }, 120_000);

  it('le gestionnaire saisit une commande d’installation réseau et en tire le rapport d’intervention du catalogue', async () => {
    const { page, context } = await openApp(browser(), '#/suivi');
    await signIn(page, 'gestionnaire');
    // The price grid: a faulty file is refused with its lines, the sample becomes a new version.
    const grids = page.getByTestId('price-grids');
    await grids.getByLabel('Importer un bordereau (xlsx ou csv)').setInputFiles({ name: 'faux.csv', mimeType: 'text/csv', buffer: Buffer.from('type;code;niveau;valeur;libellé\nprix;4.1.6;Moyen;100;\n') });
    await expect.poll(() => grids.getByRole('alert').textContent()).toMatch(/^Bordereau refusé : 2 problèmes\. Ligne 2 : niveau « Moyen » inconnu pour 4\.1\.6/);
    await grids.getByLabel('Importer un bordereau (xlsx ou csv)').setInputFiles(resolve(import.meta.dirname, '../../fixtures/contract/bpu-exemple-prix-fictifs.csv'));
    await expect.poll(() => grids.getByRole('status').textContent()).toMatch(/^Bordereau importé : version \d+\.$/);
    await page.getByRole('button', { name: 'Saisir un bon de commande' }).click();
    const form = page.locator('form.new-order');
    await form.getByLabel('Numéro du bon de commande').fill('BC-2026-0077');
    await form.getByLabel('Entité (service, juridiction…)').fill('Tribunal de proximité de Villeneuve (fictif)');
    await form.getByLabel('DIT', { exact: true }).fill('DIT de démonstration');
    await form.getByLabel(/Prestation/).fill('4.3.2 INSTALLATION ET MISE EN SERVICE CATEGORIE RESEAU');
    await form.getByLabel('Numéro d’engagement juridique').fill('EJ-DEMO-0077');
    await form.getByLabel('Numéro de devis').fill('DEV-DEMO-077');
    await form.getByLabel('Jours commandés').fill('3');
    await form.getByLabel('Montant € HT').fill('1 410');
    await form.getByRole('button', { name: 'Créer le bon de commande' }).click();
    await page.getByRole('heading', { name: 'Rapport d’intervention' }).waitFor();
    const tasks = page.locator('form.intervention-report fieldset label');
    expect(await tasks.count()).toBeGreaterThan(3);
    const first = (await tasks.nth(0).textContent())!;
    await tasks.nth(0).locator('input').check();
    await page.getByLabel('Observations').fill('Prise murale B12 hors service, signalée au correspondant local.');
    await screenshot(page, 'devis-5-rapport-intervention');
    const report = await download(page, () => page.getByRole('button', { name: 'Télécharger le rapport (PDF)' }).click());
    expect(report.name).toBe('rapport-intervention-BC-2026-0077.pdf');
    const text = await pdfText(report.bytes);
    expect(text).toContain('Rapport d’intervention');
    expect(text).toContain(`☑ ${first.slice(0, 25)}`);
    expect(text).toContain('Prise murale B12 hors service');
    await context.close();
  });
});
