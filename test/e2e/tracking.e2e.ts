/** « Suivi »: the tracking portal in the app, against the real portal server on its embedded database (demo data). */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, openDemoStudy, screenshot, useBrowser } from './browser.ts';
import { download, signIn } from './portal-helpers.ts';

const browser = useBrowser();

/** Picks the order to send the package to, and waits until the list shows it chosen. */
async function chooseOrder(page: Page, label: string) {
  const select = page.getByLabel('Bon de commande');
  await expect
    .poll(async () => {
      await select.selectOption({ label });
      return select.locator('option:checked').textContent();
    })
    .toBe(label);
}

describe('suivi des commandes', () => {
  it('un relecteur de la DNUM se connecte, voit les commandes et ouvre l’historique d’une commande', async () => {
    const accounts = inject('portalAccounts');
    const { page, context, errors } = await openApp(browser(), '#/suivi');
    await page.getByRole('heading', { name: 'Connexion au portail de suivi' }).waitFor();
    await page.getByLabel('Adresse électronique').fill(accounts.relecteur!.email);
    await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Adresse électronique ou mot de passe incorrect.');
    await page.getByLabel('Mot de passe').fill(accounts.relecteur!.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('orders').waitFor();
    expect(await page.getByTestId('tracking-user').textContent()).toContain('Sophie Garnier (relecteur de l’administration');
    // The demo's three orders (other e2e files may add theirs to the same portal).
    expect(await page.getByTestId('orders').locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['BC-2026-0001', 'BC-2026-0002', 'BC-2026-0003']));
    expect(await page.getByTestId('dashboard').textContent()).toMatch(/\d+ commandes : \d+ en cours, \d+ en attente de réception/);
    expect(await page.getByTestId('dashboard').textContent()).toMatch(/État trimestriel T\d \d{4} à remettre au plus tard le \d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, 'suivi-1-commandes');
    await page.getByRole('link', { name: 'BC-2026-0001' }).click();
    await page.getByRole('heading', { name: 'Bon de commande BC-2026-0001' }).waitFor();
    expect(await page.getByTestId('order-status').textContent()).toBe('En cours');
    expect(await page.getByTestId('history').textContent()).toContain('Marie Lefèvre : création de la commande');
    await screenshot(page, 'suivi-2-commande');
    // The wrong password's 401 is the only resource error the browser reports.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
    await context.close();
  });

  it('un correspondant de DIT ne voit que les commandes de sa DIT', async () => {
    const accounts = inject('portalAccounts');
    const { page, context } = await openApp(browser(), '#/suivi');
    await page.getByLabel('Adresse électronique').fill(accounts.correspondant!.email);
    await page.getByLabel('Mot de passe').fill(accounts.correspondant!.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('orders').waitFor();
    const numbers = await page.getByTestId('orders').locator('tbody th').allTextContents();
    expect(numbers).toEqual(expect.arrayContaining(['BC-2026-0001', 'BC-2026-0002']));
    expect(numbers).not.toContain('BC-2026-0003');
    await context.close();
  });

  it('le titulaire dépose les livrables de l’étude sur une commande ; la DNUM ouvre le plan, refuse avec un motif', async () => {
    const accounts = inject('portalAccounts');
    // The contractor's engineer: signs in on « Suivi », then generates the demo study's deliverables and sends them.
    const contractor = await openDemoStudy(browser(), 'Rapport');
    const studyUrl = contractor.page.url();
    await contractor.page.getByRole('link', { name: 'Suivi' }).click();
    await contractor.page.getByLabel('Adresse électronique').fill(accounts.ingenieur!.email);
    await contractor.page.getByLabel('Mot de passe').fill(accounts.ingenieur!.password);
    await contractor.page.getByRole('button', { name: 'Se connecter' }).click();
    await contractor.page.getByTestId('orders').waitFor();
    await contractor.page.goto(studyUrl);
    await contractor.page.getByRole('button', { name: 'Générer les livrables' }).click();
    await expect.poll(() => contractor.page.getByTestId('report-status').textContent(), { timeout: 60000 }).toMatch(/^Livrables prêts/);
    await chooseOrder(contractor.page, 'BC-2026-0001 — Tribunal judiciaire de Villeneuve (fictif)');
    await contractor.page.getByRole('button', { name: 'Déposer l’archive et sa somme MD5' }).click();
    await expect.poll(() => contractor.page.getByTestId('send-result').textContent(), { timeout: 30000 }).toBe('Livrables déposés sur le bon de commande BC-2026-0001 : la somme MD5 a été vérifiée par le portail.');
    await screenshot(contractor.page, 'suivi-3-depot');
    await contractor.context.close();

    // The DNUM reviewer: opens the order, previews the implantation plan, refuses with a reason.
    const { page, context } = await openApp(browser(), '#/suivi');
    await page.getByLabel('Adresse électronique').fill(accounts.relecteur!.email);
    await page.getByLabel('Mot de passe').fill(accounts.relecteur!.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'BC-2026-0001' }).click();
    await page.getByTestId('deliverable').waitFor();
    expect(await page.getByTestId('order-status').textContent()).toBe('Livré, en attente de réception');
    await page.getByRole('button', { name: 'plan-implantation-01-1er-etage-pole-civil.pdf' }).click();
    await page.locator('.pdf-preview iframe').waitFor();
    await screenshot(page, 'suivi-4-apercu-du-plan');
    await page.getByLabel('refusé').check();
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Un refus doit être motivé : indiquez les motifs.');
    await page.getByLabel(/Motifs ou réserves/).fill('La salle des scellés manque sur le plan du 1er étage.');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('Refusé');
    expect(await page.getByTestId('receptions').textContent()).toContain('refusé par Sophie Garnier');
    expect(await page.getByTestId('history').textContent()).toContain('La salle des scellés manque sur le plan du 1er étage.');
    await screenshot(page, 'suivi-5-refus');
    await context.close();
  }, 120_000);

  it('le titulaire redépose et note l’avancement ; la DNUM admet ; le gestionnaire facture et relit l’état trimestriel', async () => {
    // The engineer sends the package again to the refused order, then records progress on the order's page.
    const contractor = await openDemoStudy(browser(), 'Rapport');
    const studyUrl = contractor.page.url();
    await contractor.page.getByRole('link', { name: 'Suivi' }).click();
    await signIn(contractor.page, 'ingenieur');
    await contractor.page.goto(studyUrl);
    await contractor.page.getByRole('button', { name: 'Générer les livrables' }).click();
    await expect.poll(() => contractor.page.getByTestId('report-status').textContent(), { timeout: 60000 }).toMatch(/^Livrables prêts/);
    await chooseOrder(contractor.page, 'BC-2026-0001 — Tribunal judiciaire de Villeneuve (fictif)');
    await contractor.page.getByRole('button', { name: 'Déposer l’archive et sa somme MD5' }).click();
    await expect.poll(() => contractor.page.getByTestId('send-result').textContent(), { timeout: 30000 }).toMatch(/^Livrables déposés sur le bon de commande BC-2026-0001/);
    await contractor.page.getByRole('link', { name: 'Suivi' }).click();
    await contractor.page.getByRole('link', { name: 'BC-2026-0001' }).click();
    await contractor.page.getByTestId('deliverable').nth(1).waitFor();
    await contractor.page.getByLabel(/Note d’avancement/).fill('Salle des scellés ajoutée au plan du 1er étage.');
    await contractor.page.getByLabel('Jours consommés au total').fill('3,5');
    await contractor.page.getByRole('button', { name: 'Enregistrer l’avancement' }).click();
    await expect.poll(() => contractor.page.getByTestId('history').textContent()).toContain('Salle des scellés ajoutée au plan du 1er étage. (3,5 j consommés)');
    await screenshot(contractor.page, 'suivi-6-avancement');
    await contractor.context.close();

    // The reviewer admits version 2.
    const reviewer = await openApp(browser(), '#/suivi');
    await signIn(reviewer.page, 'relecteur');
    await reviewer.page.getByRole('link', { name: 'BC-2026-0001' }).click();
    await reviewer.page.getByRole('heading', { name: 'Prononcer la réception de la version 2' }).waitFor();
    await reviewer.page.getByLabel('admis', { exact: true }).check();
    await reviewer.page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect.poll(() => reviewer.page.getByTestId('order-status').textContent()).toBe('Réceptionné');
    expect(await reviewer.page.getByTestId('receptions').textContent()).toMatch(/Version 1 : refusé par Sophie Garnier.*Version 2 : admis par Sophie Garnier/);
    // The administration sees the progress but has no form to change it.
    expect(await reviewer.page.getByRole('button', { name: 'Enregistrer l’avancement' }).count()).toBe(0);
    await reviewer.context.close();

    // The manager invoices, then downloads the quarter's statement and reads it back.
    const manager = await openApp(browser(), '#/suivi');
    await signIn(manager.page, 'gestionnaire');
    await manager.page.getByRole('link', { name: 'BC-2026-0001' }).click();
    await manager.page.getByLabel('État de facturation').selectOption({ label: 'Facturé' });
    await manager.page.getByRole('button', { name: 'Changer l’état' }).click();
    await expect.poll(() => manager.page.getByTestId('order-invoicing').textContent()).toBe('Facturé');
    await screenshot(manager.page, 'suivi-7-reception-et-facturation');
    // Paid, then closed: the order leaves the work in progress.
    expect(await manager.page.getByRole('button', { name: 'Solder la commande' }).isDisabled()).toBe(true);
    await manager.page.getByLabel('État de facturation').selectOption({ label: 'Payé' });
    await manager.page.getByRole('button', { name: 'Changer l’état' }).click();
    await expect.poll(() => manager.page.getByTestId('order-invoicing').textContent()).toBe('Payé');
    await manager.page.getByRole('button', { name: 'Solder la commande' }).click();
    await expect.poll(() => manager.page.getByTestId('order-status').textContent()).toBe('Soldé');
    expect(await manager.page.getByTestId('history').textContent()).toContain('Marie Lefèvre : commande soldée');
    await manager.page.getByRole('link', { name: /Toutes les commandes/ }).click();
    await manager.page.getByLabel('Année').selectOption('2026');
    await manager.page.getByLabel('Trimestre').selectOption({ label: 'T4' });
    const statement = await download(manager.page, () => manager.page.getByRole('link', { name: 'Télécharger l’état (Excel)' }).click());
    expect(statement.name).toBe('etat-activite-2026-T4.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(statement.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((row) => row[0] === 'Ministère');
    const line = rows.find((row) => row.includes('EJ-DEMO-0001'))!;
    const cell = (column: string) => {
      const value = line[rows[header]!.indexOf(column)];
      return value && typeof value === 'object' && 'result' in value ? (value as { result: unknown }).result : value;
    };
    expect(cell('Service, juridiction ou entité')).toBe('Tribunal judiciaire de Villeneuve (fictif)');
    expect(cell('Jours consommés')).toBe(3.5);
    expect(cell('Jours restants')).toBe(1.5);
    expect(cell('Facturation € HT')).toBe(4250);
    expect(cell('Facturation € TTC')).toBe(5100);

    // The manager records a new purchase order from the form.
    await manager.page.getByRole('button', { name: 'Saisir un bon de commande' }).click();
    const form = manager.page.locator('form.new-order');
    await form.getByLabel('Numéro du bon de commande').fill('BC-2026-0004');
    await form.getByLabel('Entité (service, juridiction…)').fill('Tribunal de proximité de Villeneuve (fictif)');
    await form.getByLabel('DIT', { exact: true }).fill('DIT de démonstration');
    await form.getByLabel(/Prestation/).fill('4.1.6 Étude / audit de réseau sans fil — étude sur plan');
    await form.getByLabel('Numéro d’engagement juridique').fill('EJ-DEMO-0004');
    await form.getByLabel('Numéro de devis').fill('DEV-DEMO-004');
    await form.getByLabel('Jours commandés').fill('2,5');
    await form.getByLabel('Montant € HT').fill('2 125');
    await form.getByLabel('Date de fin prévue').fill('2026-12-18');
    await screenshot(manager.page, 'suivi-8-nouvelle-commande');
    await form.getByRole('button', { name: 'Créer le bon de commande' }).click();
    await manager.page.getByRole('heading', { name: 'Bon de commande BC-2026-0004' }).waitFor();
    expect(await manager.page.locator('.key-values').textContent()).toContain('0 / 2,5 j');
    await manager.context.close();
  }, 180_000);

  it('le titulaire dépose le compte rendu du comité d’exploitation ; le correspondant de la DIT le lit et le valide', async () => {
    const minutes = await PDFDocument.create();
    const sheet = minutes.addPage([595, 842]);
    const font = await minutes.embedFont(StandardFonts.Helvetica);
    sheet.drawText('Compte rendu du comite d’exploitation - DIT de demonstration'.replace('’', "'"), { x: 56, y: 780, size: 14, font });
    sheet.drawText('Projets en cours : BC-2026-0001 receptionne ; BC-2026-0002 en cours.', { x: 56, y: 750, size: 11, font });
    const pdf = await minutes.save();

    const engineer = await openApp(browser(), '#/suivi');
    await signIn(engineer.page, 'ingenieur');
    const committees = engineer.page.getByTestId('committees');
    await committees.locator('tbody tr').first().waitFor();
    const operations = committees.locator('tbody tr', { hasText: 'Comité d’exploitation — DIT de démonstration' });
    expect(await operations.textContent()).toContain('Compte rendu à rédiger (en retard)');
    await operations.getByLabel('Déposer le compte rendu (PDF)').setInputFiles({ name: 'cr-comite-exploitation.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await expect.poll(() => operations.textContent()).toContain('Compte rendu soumis');
    await expect.poll(() => engineer.page.getByTestId('dashboard').textContent()).toContain('Comptes rendus : aucun en retard, 1 en attente de validation');
    await screenshot(engineer.page, 'suivi-10-comites-titulaire');
    await engineer.context.close();

    const correspondent = await openApp(browser(), '#/suivi');
    await signIn(correspondent.page, 'correspondant');
    const rows = correspondent.page.getByTestId('committees').locator('tbody tr');
    await rows.first().waitFor();
    // The steering committee is the DNUM's: the DIT's correspondent sees only their operations committee.
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole('button', { name: 'cr-comite-exploitation.pdf' }).click();
    await correspondent.page.locator('.committees .pdf-preview iframe').waitFor();
    await rows.first().getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => rows.first().textContent()).toContain('Compte rendu validé');
    await screenshot(correspondent.page, 'suivi-11-comites-dit');
    await correspondent.context.close();
  });

  it('l’administrateur exporte toutes les données de fin de marché ; le manifeste de l’archive est juste', async () => {
    const { page, context } = await openApp(browser(), '#/suivi');
    await signIn(page, 'administrateur');
    await page.getByRole('heading', { name: 'Fin de marché' }).waitFor();
    const exported = await download(page, () => page.getByRole('button', { name: 'Exporter toutes les données (ZIP)' }).click());
    const files = unzipSync(exported.bytes);
    expect(Object.keys(files).filter((name) => name.startsWith('livrables/BC-2026-0001/')).length).toBe(2);
    const commandes = new TextDecoder().decode(files['donnees/commandes.csv']);
    expect(commandes).toContain('BC-2026-0004');
    const status = await page.getByTestId('contract-export').textContent();
    expect(status).toContain(createHash('sha256').update(exported.bytes).digest('hex'));
    expect(await page.getByLabel('Somme SHA-256 de l’export remis').inputValue()).toBe(createHash('sha256').update(exported.bytes).digest('hex'));
    // The destruction stays locked until the phrase is typed exactly.
    expect(await page.getByRole('button', { name: 'Détruire toutes les données' }).isDisabled()).toBe(true);
    await screenshot(page, 'suivi-9-fin-de-marche');
    await context.close();
  });
});
