/** « Suivi »: the tracking portal in the app, against the real portal server on its embedded database (demo data). */
import { describe, expect, inject, it } from 'vitest';
import { openApp, openDemoStudy, screenshot, useBrowser } from './browser.ts';

const browser = useBrowser();

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
    expect(await page.getByTestId('orders').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('dashboard').textContent()).toMatch(/3 commandes : 3 en cours, 0 en attente de réception/);
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
    expect(numbers.sort()).toEqual(['BC-2026-0001', 'BC-2026-0002']);
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
    await contractor.page.getByLabel('Bon de commande').selectOption({ label: 'BC-2026-0001 — Tribunal judiciaire de Villeneuve (fictif)' });
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
});
