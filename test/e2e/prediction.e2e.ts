import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoStudy, screenshot, useBrowser } from './browser.ts';
import { clickAt } from './canvas-helpers.ts';

/** The heatmap's pixels (RGB packed), for comparing two maps. */
async function heatmapPixels(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap"]')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const pixels: number[] = [];
    for (let i = 0; i < data.length; i += 4) pixels.push((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return pixels;
  });
}

/** Every percentage of the zone coverage table, row by row. */
async function zoneShares(page: Page): Promise<number[]> {
  const text = await page.getByTestId('zone-coverage').locator('tbody').innerText();
  return [...text.matchAll(/(\d+(?:,\d+)?)\s?%/g)].map((match) => Number(match[1]!.replace(',', '.')));
}

const browser = useBrowser();

describe('couverture prévue', () => {
  it("calcule dans les workers la carte RSSI et la part de surface conforme de chaque zone de l'étude de démonstration", async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Résultats');
    await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 20000 }).toMatch(/^Calculé : [\d\u202f\u00a0 ]+ cellules, 5 radios\.$/);
    const rows = page.getByTestId('zone-coverage').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().textContent()).toContain("Salle d'audience");
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap"]')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 53) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);
    await page.getByTestId('heatmap').scrollIntoViewIfNeeded();
    await screenshot(page, '05-couverture-prevue');

    await page.getByLabel('Bande', { exact: true }).selectOption('2.4');
    await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 20000 }).toMatch(/^Calculé/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('chemin dominant : la carte change derrière les murs lourds sans qu’aucune part ne baisse ; une trémie se dessine au clavier', async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Résultats');
    await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 20000 }).toMatch(/^Calculé/);
    const straight = await zoneShares(page);
    const straightPixels = await heatmapPixels(page);
    await page.getByRole('link', { name: 'Éditeur' }).click();
    const option = page.getByLabel('Chemin dominant : contourner les murs lourds');
    expect(await option.isChecked()).toBe(false);
    await option.check();
    expect(await page.getByLabel('Perte d’un virage à 90° (dB)').inputValue()).toBe('10');
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('o');
    for (const [x, y] of [[2, 2], [5, 2], [5, 6], [2, 6]] as const) await clickAt(page, x, y);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('properties').innerText()).toMatch(/Trémie 1 : 12 m²[\s\S]*La dalle sous ce niveau est absente/);
    await page.getByRole('heading', { name: 'Modèle de propagation' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'chemin-dominant-1-reglages');
    await page.getByRole('link', { name: 'Résultats' }).click();
    await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 20000 }).toMatch(/^Calculé/);
    const bent = await zoneShares(page);
    expect(bent).toHaveLength(straight.length);
    // Bent paths only add signal: no share falls; behind the lift core and the façades the map changes.
    bent.forEach((share, index) => expect(share).toBeGreaterThanOrEqual(straight[index]!));
    const bentPixels = await heatmapPixels(page);
    const changed = bentPixels.filter((value, index) => value !== straightPixels[index]).length;
    expect(changed).toBeGreaterThan(50);
    console.log(`chemin dominant : ${changed} pixels de la carte sur ${bentPixels.length} changent ; parts des zones ${straight.join(' / ')} → ${bent.join(' / ')}`);
    await page.getByTestId('heatmap').scrollIntoViewIfNeeded();
    await screenshot(page, 'chemin-dominant-2-carte');
    expect(errors).toEqual([]);
    await context.close();
  });
});
