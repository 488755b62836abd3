import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openDemoStudy, screenshot, useBrowser } from './browser.ts';

const browser = useBrowser();

describe('livrables', () => {
  it("génère dans un worker l'archive des livrables de l'étude de démonstration, dont la somme MD5 est juste", async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Rapport');
    await page.getByRole('button', { name: 'Générer les livrables' }).click();
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60000 }).toMatch(/^Livrables prêts en [\d,]+ s : 13 fichiers dans l’archive\.$/);
    const names = (await page.getByTestId('report-files').locator('li').allTextContents()).map((text) => text.replace(/ \(.*\)$/, ''));
    expect(names.sort()).toEqual(['bordereau-de-livraison.md5', 'bordereau-de-livraison.pdf', 'compte-rendu.pdf', 'liste-materiel.ods', 'liste-materiel.xlsx', 'plan-implantation-01-1er-etage-pole-civil.odg', 'plan-implantation-01-1er-etage-pole-civil.pdf', 'plan-implantation-01-1er-etage-pole-civil.png', 'plan-implantation-01-1er-etage-pole-civil.svg', 'plan-implantation-01-1er-etage-pole-civil.vsdx', 'rapport-analyse.pdf', 'rapport-etude.pdf', 'resultats.json']);
    await screenshot(page, '06-livrables');

    const zipDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: /Télécharger l’archive ZIP/ }).click();
    const zip = readFileSync(await (await zipDownload).path());
    const md5Download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger la somme MD5' }).click();
    const md5File = await md5Download;
    const md5Text = readFileSync(await md5File.path(), 'utf8');
    const md5 = createHash('md5').update(zip).digest('hex');
    expect(md5Text).toBe(`${md5}  ${md5File.suggestedFilename().replace(/\.md5$/, '')}\n`);
    expect(await page.getByTestId('report-md5').textContent()).toContain(md5);
    const entries = unzipSync(new Uint8Array(zip));
    expect(Object.keys(entries)).toHaveLength(13);
    // The plan file came from the browser's storage to the worker: the SVG plan inlines it (with its room names), and
    // the PNG is that drawing rendered by resvg (WebAssembly) in the worker.
    expect(new TextDecoder().decode(entries['plan-implantation-01-1er-etage-pole-civil.svg']!)).toContain('Bureau N1');
    expect([...entries['plan-implantation-01-1er-etage-pole-civil.png']!.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('le contrôle du document se remplit dans l’onglet Rapport et reste enregistré avec l’étude', async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Rapport');
    const form = page.locator('details.delivery-form');
    expect(await form.getByTestId('delivery-summary').textContent()).toBe('1 élément manquant, aucun à préciser, 1 version consignée');
    await form.locator('summary').click();
    await form.getByLabel('Titulaire', { exact: true }).fill('Société Essai SAS');
    await form.getByLabel('Titulaire', { exact: true }).press('Enter');
    await form.getByLabel('Modèle de borne envisagé', { exact: true }).selectOption('recu');
    await form.getByRole('button', { name: 'Ajouter (participants)' }).click();
    const name = form.getByLabel('Nom (3)');
    await name.fill('Paul Durand');
    await name.press('Enter');
    await form.getByLabel('Marquer les documents « Diffusion restreinte »').check();
    await screenshot(page, '06b-controle-du-document');
    await page.waitForTimeout(1500);
    await page.reload();
    const reloaded = page.locator('details.delivery-form');
    await reloaded.waitFor();
    // « Modèle de borne envisagé » received: nothing missing any more.
    expect(await reloaded.getByTestId('delivery-summary').textContent()).toBe('aucun élément manquant, aucun à préciser, 1 version consignée');
    await reloaded.locator('summary').click();
    expect(await reloaded.getByLabel('Titulaire', { exact: true }).inputValue()).toBe('Société Essai SAS');
    expect(await reloaded.getByLabel('Modèle de borne envisagé', { exact: true }).inputValue()).toBe('recu');
    expect(await reloaded.getByLabel('Nom (3)').inputValue()).toBe('Paul Durand');
    expect(await reloaded.getByLabel('Marquer les documents « Diffusion restreinte »').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('annule une génération en cours', async () => {
    const { page, context } = await openDemoStudy(browser(), 'Rapport');
    await page.getByRole('button', { name: 'Générer les livrables' }).click();
    await page.getByRole('button', { name: 'Annuler la génération' }).click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('Génération annulée.');
    expect(await page.getByRole('button', { name: 'Générer les livrables' }).isEnabled()).toBe(true);
    await context.close();
  });
});
