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
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60000 }).toMatch(/^Livrables prêts en [\d,]+ s : 8 fichiers dans l’archive\.$/);
    const names = (await page.getByTestId('report-files').locator('li').allTextContents()).map((text) => text.replace(/ \(.*\)$/, ''));
    expect(names.sort()).toEqual(['compte-rendu.pdf', 'liste-materiel.ods', 'liste-materiel.xlsx', 'plan-implantation-01-1er-etage-pole-civil.png', 'plan-implantation-01-1er-etage-pole-civil.svg', 'rapport-analyse.pdf', 'rapport-etude.pdf', 'resultats.json']);
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
    expect(Object.keys(unzipSync(new Uint8Array(zip)))).toHaveLength(8);
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
