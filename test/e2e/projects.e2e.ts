import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe.ts';
import { strFromU8, unzipSync } from 'fflate';
import { openApp, screenshot, useBrowser } from './browser.ts';
import { storedDocuments } from './idb-helpers.ts';
import { packProject, unpackProject } from '../../src/io/project-package.ts';

const browser = useBrowser();

/** Fraction of distinct colours in a canvas sample: a blank canvas has one. */
async function canvasColourCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-canvas"] canvas');
    if (!canvas) return 0;
    const context = canvas.getContext('2d')!;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  });
}

describe('premier démarrage', () => {
  it("charge l'étude de démonstration et l'affiche dans l'éditeur", async () => {
    const { page, context, errors } = await openApp(browser());
    const row = page.getByTestId('project-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Tribunal judiciaire');
    await screenshot(page, '01-liste-des-etudes');
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    await page.getByRole('heading', { name: "Identification de l’étude" }).waitFor();
    await page.waitForSelector('[data-testid="editor-canvas"] canvas');
    await expect.poll(() => canvasColourCount(page), { timeout: 10000 }).toBeGreaterThan(8);
    expect(await page.getByText('5 bornes').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('surface-line').textContent()).toBe('Zones à couvrir : 755 m² — tranche entre 501 et 1000 m²');
    await screenshot(page, '02-editeur-demo');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibilité', () => {
  it("ne présente aucune violation axe sérieuse sur chaque vue", async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(1);
    const report: Record<string, string[]> = { projets: await seriousAxeViolations(page) };
    const href = await page.getByRole('link', { name: /Tribunal judiciaire/ }).getAttribute('href');
    for (const view of ['editeur', 'resultats', 'audit', 'rapport', 'catalogue']) {
      await page.goto(new URL(href!.replace('editeur', view), page.url()).toString());
      await page.locator('main h1, main h2').first().waitFor();
      if (view === 'editeur') await page.waitForSelector('[data-testid="editor-canvas"] canvas');
      report[view] = await seriousAxeViolations(page);
      await screenshot(page, `03-vue-${view}`);
    }
    // The editor with the wall-reading panel open on its results, and « Résultats » with a proposal and its map.
    await page.goto(new URL(href!, page.url()).toString());
    await page.waitForSelector('[data-testid="editor-canvas"] canvas');
    const propose = page.getByRole('button', { name: 'Proposer les murs depuis le plan' });
    if (await propose.count()) {
      await propose.click();
      await page.getByTestId('suggestion-report').waitFor();
      report['editeur-lecture-des-murs'] = await seriousAxeViolations(page);
    }
    await page.goto(new URL(href!.replace('editeur', 'resultats'), page.url()).toString());
    await page.getByRole('button', { name: /^Proposer une implantation pour/ }).first().click();
    await page.getByTestId('proposal-details').first().waitFor({ timeout: 30_000 });
    report['resultats-proposition'] = await seriousAxeViolations(page);
    await page.goto(new URL('#/suivi', page.url()).toString());
    await page.locator('main h1').first().waitFor();
    report.suivi = await seriousAxeViolations(page);
    expect(report).toEqual({ projets: [], editeur: [], resultats: [], audit: [], rapport: [], catalogue: [], ...(report['editeur-lecture-des-murs'] ? { 'editeur-lecture-des-murs': [] } : {}), 'resultats-proposition': [], suivi: [] });
    await context.close();
  });
});

describe('cycle de vie des études', () => {
  it('crée, renomme, recharge : l’étude est toujours là', async () => {
    const { page, context, errors } = await openApp(browser());
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Nouvelle étude' }).click();
    await page.getByLabel("Titre de l’étude").fill('Cour d’appel — étage 2');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('heading', { name: "Identification de l’étude" }).waitFor();
    await page.getByRole('link', { name: 'Études' }).click();
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(2);

    await page.getByRole('group', { name: 'Actions pour « Cour d’appel — étage 2 »' }).getByRole('button', { name: 'Renommer' }).click();
    await page.getByLabel("Titre de l’étude").fill('Cour d’appel — étage 3 & combles');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('link', { name: 'Cour d’appel — étage 3 & combles' }).waitFor();

    await page.reload();
    await page.getByRole('link', { name: 'Cour d’appel — étage 3 & combles' }).waitFor();
    expect(await page.getByTestId('project-row').count()).toBe(2);
    const titles = (await storedDocuments(page)).map((document) => (document.study as { title: string }).title).sort();
    expect(titles).toEqual(['Cour d’appel — étage 3 & combles', 'Tribunal judiciaire — pôle civil (démonstration)']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("enregistre automatiquement une modification, l'annule et la rétablit", async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    const author = page.getByLabel('Auteur', { exact: true });
    await author.fill('Claire Dupont');
    await author.press('Enter');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Enregistré');
    await page.reload();
    await expect.poll(() => page.getByLabel('Auteur', { exact: true }).inputValue()).toBe('Claire Dupont');

    await page.locator('main').click({ position: { x: 800, y: 400 } });
    await page.keyboard.press('Control+z');
    // History does not survive a reload: the reloaded document has nothing to undo.
    expect(await page.getByLabel('Auteur', { exact: true }).inputValue()).toBe('Claire Dupont');
    await page.getByLabel('Auteur', { exact: true }).fill('Paul Martin');
    await page.getByLabel('Auteur', { exact: true }).press('Enter');
    await page.getByRole('button', { name: /↶ Annuler/ }).click();
    await expect.poll(() => page.getByLabel('Auteur', { exact: true }).inputValue()).toBe('Claire Dupont');
    await page.getByRole('button', { name: /Rétablir/ }).click();
    await expect.poll(() => page.getByLabel('Auteur', { exact: true }).inputValue()).toBe('Paul Martin');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Enregistré');
    const stored = await storedDocuments(page);
    expect((stored[0]!.study as { author: string }).author).toBe('Paul Martin');
    await context.close();
  });

  it("exporte puis réimporte : le document est identique", async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(1);
    const [before] = await storedDocuments(page);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('tribunal-judiciaire-pole-civil-demonstration.ondeplan');
    const path = await download.path();
    const bytes = readFileSync(path);
    const exported = JSON.parse(strFromU8(unzipSync(bytes)['project.json']!));
    expect(exported).toEqual(before);

    await page.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(0);
    expect(await storedDocuments(page)).toEqual([]);

    await page.getByTestId('import-input').setInputFiles({ name: 'etude.ondeplan', mimeType: 'application/zip', buffer: bytes });
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(1);
    expect(await storedDocuments(page)).toEqual([before]);
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    await expect.poll(() => canvasColourCount(page), { timeout: 10000 }).toBeGreaterThan(8);
    await context.close();
  });

  it('refuse un fichier corrompu avec un message en français et ne change rien', async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(1);
    const before = await storedDocuments(page);
    const demo = readFileSync(new URL('../../public/demo/palais-de-justice.ondeplan', import.meta.url));
    const truncated = demo.subarray(0, Math.floor(demo.byteLength / 2));
    await page.getByTestId('import-input').setInputFiles({ name: 'tronque.ondeplan', mimeType: 'application/zip', buffer: truncated });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Import impossible : rien n’a été modifié.");
    await screenshot(page, '04-import-corrompu');
    await page.getByTestId('import-input').setInputFiles({ name: 'futur.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ formatVersion: 99 })) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'version plus récente' }).count()).toBe(1);
    expect(await storedDocuments(page)).toEqual(before);
    expect(await page.getByTestId('project-row').count()).toBe(1);
    await context.close();
  });

  it('signale à l’import les bornes posées sur une ligne de mur et les canaux non autorisés en France', async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => page.getByTestId('project-row').count()).toBe(1);
    // The demo package with AP-N1-01 moved onto the middle of a wall and its 5 GHz radio on channel 149.
    const { document, assets } = await unpackProject(new Uint8Array(readFileSync(new URL('../../public/demo/palais-de-justice.ondeplan', import.meta.url))));
    document.id = 'demo-modifiee';
    document.study.title = 'Démonstration venue d’ailleurs';
    const ap = document.accessPoints.find((candidate) => candidate.name === 'AP-N1-01')!;
    const wall = document.walls.find((candidate) => candidate.levelId === ap.levelId)!;
    ap.position = { xM: (wall.from.xM + wall.to.xM) / 2, yM: (wall.from.yM + wall.to.yM) / 2 };
    const radio = ap.radios.find((candidate) => candidate.band === '5')!;
    radio.channel = 149;
    radio.widthMHz = 20;
    await page.getByTestId('import-input').setInputFiles({ name: 'ailleurs.ondeplan', mimeType: 'application/zip', buffer: Buffer.from(packProject(document, assets)) });
    const toast = page.locator('.toast').filter({ hasText: 'Démonstration venue d’ailleurs' });
    await toast.waitFor();
    const text = await toast.innerText();
    expect(text).toContain('AP-N1-01 est à 0 cm d’une ligne de mur');
    expect(text).toContain('AP-N1-01 : canal 149 en 5 GHz, non autorisé en France');
    await context.close();
  });
});
