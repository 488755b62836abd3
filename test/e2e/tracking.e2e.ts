/** « Suivi »: the tracking portal in the app, against the real portal server on its embedded database (demo data). */
import { describe, expect, inject, it } from 'vitest';
import { openApp, screenshot, useBrowser } from './browser.ts';

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
});
