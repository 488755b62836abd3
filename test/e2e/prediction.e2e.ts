import { describe, expect, it } from 'vitest';
import { openDemoStudy, screenshot, useBrowser } from './browser.ts';

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
});
