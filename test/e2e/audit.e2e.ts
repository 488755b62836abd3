import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openDemoStudy, screenshot, useBrowser } from './browser.ts';
import { storedDocuments } from './idb-helpers.ts';
import { clickAt } from './canvas-helpers.ts';

const browser = useBrowser();
const surveys = resolve(import.meta.dirname, '../../fixtures/surveys');

/** Opaque pixels of a canvas that are not the white background. */
const paintedShare = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let index = 0; index < data.length; index += 4) if (data[index]! < 240 || data[index + 1]! < 240 || data[index + 2]! < 240) painted++;
    return painted / (canvas.width * canvas.height);
  }, testId);

describe('audit sur site', () => {
  it('importe le relevé NetSpot sur une étude à deux niveaux, montre la carte mesurée, l’écart avec la prévision, calibre', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByRole('button', { name: 'Nouvelle étude' }).click();
    await page.getByLabel("Titre de l’étude").fill('Bibliothèque de Plainsboro');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByRole('button', { name: '+ Ajouter un niveau' }).click();
    await expect.poll(() => page.locator('.level-button').count()).toBe(2);

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByTestId('survey-input').setInputFiles(resolve(surveys, 'netspot-plainsboro/scan-points.csv'));
    await page.getByRole('heading', { name: 'Niveau de chaque jeu de mesures' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter au projet' }).click();
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/2 jeux de mesures ajoutés : 67 points/);
    const study = async () => (await storedDocuments(page)).find((document) => (document.study as { title: string }).title === 'Bibliothèque de Plainsboro')!;
    await expect.poll(async () => ((await study()).surveys as unknown[]).length).toBe(2);
    const [ground, second] = (await study()).surveys as { points: unknown[]; levelId: string }[];
    expect([ground!.points.length, second!.points.length]).toEqual([36, 31]);
    expect(ground!.levelId).not.toBe(second!.levelId);
    // Floors go bottom up: « Ground » on the ground floor, the one shown first.
    await page.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Rez-de-chaussée' });

    // The measured map of the ground floor at 5 GHz, kriged, with the leave-one-out comparison: 35 positions, as the
    // file's ground-floor point at (36.05, 29.49) has no 5 GHz value.
    await expect.poll(() => page.getByTestId('measured-map-caption').innerText(), { timeout: 20_000 }).toMatch(/35 positions mesurées/);
    expect(await paintedShare(page, 'measured-map')).toBeGreaterThan(0.2);
    await screenshot(page, 'audit-1-carte-mesuree');

    // An outline and two APs drawn in the editor (positions by the survey's brightest spots), then the comparison.
    await page.getByRole('link', { name: 'Éditeur' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.waitForTimeout(300);
    await page.locator('.level-button', { hasText: 'Rez-de-chaussée' }).click();
    await page.waitForTimeout(300);
    await page.keyboard.press('m');
    for (const [x, y] of [[0, 0], [32, 0], [32, 24], [0, 24], [0, 0]] as const) await clickAt(page, x, y);
    await page.keyboard.press('Enter');
    await page.keyboard.press('z');
    for (const [x, y] of [[1, 1], [31, 1], [31, 23], [1, 23], [1, 1]] as const) await clickAt(page, x, y);
    await page.keyboard.press('a');
    await clickAt(page, 14, 20);
    await clickAt(page, 14, 5);
    // Stop-and-go: one more point entered by hand where the auditor stands, readings typed.
    await page.keyboard.press('g');
    await clickAt(page, 20, 12);
    await page.getByLabel(/Mesures \(une ligne par borne entendue/).fill('AP-N1-01;JUSTICE;36;-58\nAP-N1-02;JUSTICE;52;-66');
    await page.getByRole('button', { name: 'Enregistrer le point' }).click();
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/Point enregistré : 2 mesures/);
    await page.keyboard.press('v');
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Rez-de-chaussée' });
    await page.getByTestId('audit-per-ap').waitFor();
    expect(await page.getByTestId('audit-per-ap').locator('tbody tr').count()).toBe(2);
    // The typed point joined the ground floor's dataset (the dialog offers the level's last dataset first): 36 + 1.
    expect(await page.getByTestId('survey-datasets').locator('tbody tr').first().locator('td').nth(1).innerText()).toBe('37');
    await page.getByTestId('measured-map-view').selectOption('ecart');
    await expect.poll(() => page.getByTestId('measured-map-caption').innerText(), { timeout: 20_000 }).toMatch(/pire que prévu/);
    await page.getByTestId('measured-map').scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-3-ecart');
    await page.getByTestId('measured-map-view').selectOption('exigence');
    await expect.poll(() => page.getByTestId('measured-map-caption').innerText()).toMatch(/non conforme/);
    await screenshot(page, 'audit-4-conformite');
    await expect.poll(() => page.getByTestId('audit-conclusions').innerText()).toMatch(/Zone « Zone 1 » : exigence/);
    await page.getByRole('button', { name: 'Calibrer sur ces mesures' }).click();
    const result = page.getByTestId('calibration-result');
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toMatch(/Erreur sur points tenus à l’écart : [\d,]+ dB avant → [\d,]+ dB après \(37 relevés\)/);
    const [before, after] = (await result.innerText()).match(/: ([\d,]+) dB avant → ([\d,]+) dB après/)!.slice(1).map((value) => Number(value.replace(',', '.')));
    expect(after).toBeLessThan(before!);
    // Held out by AP too: each of the two APs predicted by a model fitted on the other's readings only.
    expect(await page.getByTestId('calibration-by-ap').innerText()).toMatch(/^Erreur par borne tenue à l’écart .*: [\d,]+ dB avant → [\d,]+ dB après \(2 bornes\)\.$/);
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-2-calibration');
    await page.getByRole('button', { name: 'Appliquer la calibration (annulable)' }).click();
    await expect.poll(() => page.getByRole('button', { name: /↶ Annuler/ }).getAttribute('title')).toMatch(/Appliquer la calibration/);
    console.log(`NetSpot rez-de-chaussée, 5 GHz : erreur tenue à l’écart ${before} dB avant, ${after} dB après`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('un relevé d’un autre site posé sur la démonstration : avertissement, puis alignement par deux points de référence', async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Audit');
    await page.getByTestId('survey-input').setInputFiles(resolve(surveys, 'netspot-plainsboro/scan-points.csv'));
    await page.getByRole('heading', { name: 'Niveau de chaque jeu de mesures' }).waitFor();
    // One level per floor of the file by default, shown before anything is added: the demo has one level, so the
    // second floor is left out rather than piled on it.
    const choices = await page.locator('dialog select').evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).selectedOptions[0]!.text));
    expect(choices).toEqual(['1er étage — pôle civil', '— ne pas importer —']);
    expect(await page.locator('dialog').innerText()).toContain('Le fichier compte 2 étages et l’étude 1 niveau');
    await page.getByRole('button', { name: 'Ajouter au projet' }).click();
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/1 jeu de mesures ajouté : 36 points/);
    const demo = async () => (await storedDocuments(page)).find((document) => (document.study as { title: string }).title.startsWith('Tribunal'))!;
    await expect.poll(async () => ((await demo()).surveys as unknown[]).length).toBeGreaterThan(0);
    const levelOf = async () => ((await demo()).surveys as { name: string; levelId: string }[]).find((dataset) => dataset.name.startsWith('Ground'))!.levelId;
    const groundLevel = await levelOf();
    const levelName = ((await demo()).levels as { id: string; name: string }[]).find((level) => level.id === groundLevel)!.name;
    await page.getByLabel('Niveau', { exact: true }).selectOption({ label: levelName });

    // No BSSID in a NetSpot export and a scattered error: the audit says so before any calibration.
    const warning = page.getByTestId('survey-mismatch');
    await expect.poll(() => warning.innerText(), { timeout: 20_000 }).toMatch(/n’ont pas de BSSID/);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-5-releve-d-un-autre-site');

    // Alignment: the first point onto (20 ; 10) m, the twelfth a quarter turn further round it, at scale 1.
    const before = ((await demo()).surveys as { name: string; points: { position: { xM: number; yM: number } }[] }[]).find((dataset) => dataset.name.startsWith('Ground'))!.points.map((point) => point.position);
    const [p1, p12] = [before[0]!, before[11]!];
    await page.getByRole('button', { name: /^Aligner « Ground/ }).click();
    const dialog = page.locator('dialog');
    await dialog.getByLabel('Point du relevé de la paire 1').selectOption({ index: 1 });
    await dialog.getByLabel('X sur le plan de la paire 1 (m)').fill('20');
    await dialog.getByLabel('Y sur le plan de la paire 1 (m)').fill('10');
    await dialog.getByRole('button', { name: 'Ajouter une paire' }).click();
    await dialog.getByLabel('Point du relevé de la paire 2').selectOption({ index: 12 });
    const target = { x: 20 - (p12.yM - p1.yM), y: 10 + (p12.xM - p1.xM) };
    await dialog.getByLabel('X sur le plan de la paire 2 (m)').fill(target.x.toFixed(4).replace('.', ','));
    await dialog.getByLabel('Y sur le plan de la paire 2 (m)').fill(target.y.toFixed(4).replace('.', ','));
    await expect.poll(() => dialog.getByTestId('alignment-summary').innerText()).toMatch(/échelle × 1, rotation 90°/);
    await screenshot(page, 'audit-6-alignement');
    await dialog.getByRole('button', { name: 'Appliquer l’alignement' }).click();
    const after = async () => ((await demo()).surveys as { name: string; points: { position: { xM: number; yM: number } }[] }[]).find((dataset) => dataset.name.startsWith('Ground'))!.points.map((point) => point.position);
    await expect.poll(async () => (await after())[0]!.xM, { timeout: 5000 }).toBeCloseTo(20, 6);
    const moved = await after();
    before.forEach((point, index) => {
      expect(moved[index]!.xM).toBeCloseTo(20 - (point.yM - p1.yM), 6);
      expect(moved[index]!.yM).toBeCloseTo(10 + (point.xM - p1.xM), 6);
    });
    expect(await page.getByRole('button', { name: /↶ Annuler/ }).getAttribute('title')).toMatch(/Aligner « Ground/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
