import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { openApp, screenshot, useBrowser } from './browser.ts';

const browser = useBrowser();
const fixtures = resolve(import.meta.dirname, '../../fixtures/exchange');

describe('échanges avec d’autres outils', () => {
  it('importe un projet Ekahau (.esx) depuis la liste des études : rapport d’import, puis l’éditeur avec ses plans, murs et bornes', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByTestId('import-input').setInputFiles(resolve(fixtures, 'ekahau-deux-niveaux.esx'));
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => report.innerText()).toMatch(/Bornes\s+5/);
    const text = await report.innerText();
    expect(text).toContain('Ekahau AI Pro 11.8.5.1 (schéma 1.9.0)');
    expect(text).toMatch(/Bornes\s+5/);
    expect(text).toMatch(/Radios Bluetooth\s+2/);
    expect(text).toMatch(/Bornes voisines \(mine = false\)\s+1/);
    expect(await page.getByTestId('import-report-warnings').innerText()).toContain('canal 153');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'echange-1-rapport-esx');
    await page.getByRole('button', { name: 'Ouvrir l’étude' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    const levels = page.locator('.level-button');
    expect(await levels.count()).toBe(2);
    // Highest level first, as in a building section.
    expect(await levels.filter({ hasText: 'Rez-de-chaussée' }).innerText()).toMatch(/0 m · 8 murs · 3 bornes/);
    const upper = levels.filter({ hasText: '1er étage' });
    expect(await upper.innerText()).toMatch(/3,5 m · 5 murs · 2 bornes/);
    await upper.click();
    await expect.poll(() => page.getByTestId('level-alignment').innerText()).toMatch(/2/);
    await page.getByRole('button', { name: 'Ajuster la vue' }).click();
    await screenshot(page, 'echange-2-esx-etage');

    // Back out to Ekahau: the file re-imports with the same levels, walls and APs.
    await page.getByRole('link', { name: 'Études' }).click();
    const row = page.getByTestId('project-row').filter({ hasText: 'Tribunal de proximité' });
    const downloadPromise = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Exporter pour Ekahau' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('tribunal-de-proximite-wi-fi.esx');
    const exported = readFileSync((await download.path())!);
    const files = unzipSync(new Uint8Array(exported));
    expect(JSON.parse(strFromU8(files['projectHistorys.json']!)).projectHistorys[0].productName).toBe('Ondeplan');
    expect(JSON.parse(strFromU8(files['accessPoints.json']!)).accessPoints).toHaveLength(5);
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/Fichier Ekahau « tribunal-de-proximite-wi-fi\.esx » exporté/);
    await page.getByTestId('import-input').setInputFiles({ name: 'retour.esx', mimeType: 'application/zip', buffer: exported });
    // innerText has no cell separators until the dialog is laid out: wait for it to show, then read.
    const againReport = page.getByTestId('import-report');
    await againReport.waitFor({ state: 'visible' });
    await expect.poll(() => againReport.innerText()).toMatch(/Ondeplan 1[\s\S]*Murs\s+13[\s\S]*Bornes\s+5/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('importe une maquette IFC (web-ifc dans un worker) : rapport avec la correspondance des matériaux, puis l’éditeur avec ses niveaux, murs et plans dessinés', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByTestId('import-input').setInputFiles(resolve(fixtures, 'ifc-deux-niveaux.ifc'));
    const report = page.getByTestId('import-report');
    await report.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => report.innerText()).toMatch(/Murs\s+9/);
    const text = await report.innerText();
    expect(text).toContain('Ondeplan fixtures (maquette IFC4)');
    expect(text).toMatch(/Portes \(ouvertures de leur mur\)\s+2/);
    expect(text).toMatch(/Trémies \(ouvertures de dalle\)\s+1/);
    expect(text).toMatch(/Espaces → zones de couverture \(377 m² en tout\)\s+3/);
    expect(await page.getByTestId('import-report-mapping').innerText()).toMatch(/Béton armé C25\/30\s+mur\s+Béton armé C25\/30 200 mm \(mur, IFC\)\s+Béton 200 mm/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'echange-4-rapport-ifc');
    await page.getByRole('button', { name: 'Ouvrir l’étude' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    const levels = page.locator('.level-button');
    expect(await levels.count()).toBe(2);
    expect(await levels.filter({ hasText: 'Rez-de-chaussée' }).innerText()).toMatch(/0 m · 6 murs/);
    expect(await levels.filter({ hasText: '1er étage' }).innerText()).toMatch(/3,5 m · 4 murs/);
    await page.getByRole('button', { name: 'Ajuster la vue' }).click();
    await screenshot(page, 'echange-5-ifc-rez-de-chaussee');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exporte l’étude de démonstration en OpenIntent (conforme au schéma publié) et la réimporte : rapport, bornes et zones', async () => {
    const { page, context, errors } = await openApp(browser());
    const row = page.getByTestId('project-row').filter({ hasText: 'Tribunal judiciaire' });
    const downloadPromise = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Exporter en OpenIntent' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('tribunal-judiciaire-pole-civil-demonstration.openintent.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(resolve(fixtures, 'oi-wifi.schema.2.0.0.json'), 'utf8')));
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/OpenIntent[\s\S]*à leur valeur à 5 GHz/);
    await page.getByTestId('import-input').setInputFiles({ name: 'retour.openintent.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByTestId('import-report').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('import-report').innerText()).toMatch(/Zones de couverture\s+4/);
    const report = await page.getByTestId('import-report').innerText();
    expect(report).toContain('un outil au format OpenIntent Wi-Fi 2.0.0');
    expect(report).toMatch(/Bornes\s+5/);
    expect(report).toMatch(/Zones de couverture\s+4/);
    expect(report).toMatch(/Images de plan\s+1/);
    await screenshot(page, 'echange-3-rapport-openintent');
    await page.getByRole('button', { name: 'Ouvrir l’étude' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    expect(await page.locator('.level-button').first().innerText()).toMatch(/94 murs|1\d\d murs/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuse un fichier .esx qui n’est pas une archive, en français, sans rien créer', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).waitFor();
    const before = await page.getByTestId('project-row').count();
    await page.getByTestId('import-input').setInputFiles({ name: 'faux.esx', mimeType: 'application/octet-stream', buffer: Buffer.from('pas un zip') });
    await expect.poll(() => page.locator('.toast-error').innerText()).toMatch(/Import impossible/);
    expect(await page.getByTestId('project-row').count()).toBe(before);
    await context.close();
  });
});
