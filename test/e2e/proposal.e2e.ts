import { describe, expect, it } from 'vitest';
import { openDemoStudy, screenshot, useBrowser } from './browser.ts';
import { storedDocuments } from './idb-helpers.ts';

const browser = useBrowser();

describe('proposition automatique', () => {
  it("propose une implantation pour l'étage de démonstration, l'applique, puis l'annule", async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Résultats');
    await page.getByRole('button', { name: 'Proposer une implantation pour « 1er étage — pôle civil »' }).click();
    await expect.poll(() => page.getByTestId('proposal-status').textContent(), { timeout: 30000 }).toMatch(/^\d+ borne\(s\) proposée\(s\) \(Borne Wi-Fi 6 2×2 omnidirectionnelle\), contre \d+ pour un placement glouton simple/);
    const status = (await page.getByTestId('proposal-status').textContent())!;
    const proposed = Number(/^(\d+)/.exec(status)![1]);
    const greedy = Number(/contre (\d+)/.exec(status)![1]);
    expect(proposed).toBeLessThanOrEqual(greedy);
    expect(await page.getByTestId('proposal-details').textContent()).toContain('Toutes les zones atteignent leur exigence');
    await page.getByTestId('proposal-details').scrollIntoViewIfNeeded();
    await screenshot(page, '07-proposition');
    await page.getByRole('button', { name: 'Appliquer la proposition' }).click();
    await expect.poll(async () => ((await storedDocuments(page))[0]!.accessPoints as unknown[]).length, { timeout: 5000 }).toBe(proposed);
    const undo = page.getByRole('button', { name: '↶ Annuler' });
    expect(await undo.getAttribute('title')).toBe('Annuler : Appliquer la proposition automatique');
    await undo.click();
    await expect.poll(async () => ((await storedDocuments(page))[0]!.accessPoints as unknown[]).length, { timeout: 5000 }).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
