/**
 * Two tabs on one study (robustness campaign, finding 2: tab B's save from its stale copy erased tab A's change and
 * both said « Enregistré »). Two pages of one browser profile share IndexedDB, Web Locks and BroadcastChannel.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openApp, screenshot, useBrowser } from './browser.ts';
import { storedDocuments } from './idb-helpers.ts';

const browser = useBrowser();
const titleOf = async (page: Parameters<typeof storedDocuments>[0]) =>
  ((await storedDocuments(page)).find((document) => document.id === 'demo-palais-de-justice')!.study as { title: string }).title;

describe('deux onglets sur la même étude', () => {
  it('le second s’ouvre en lecture seule, prend la main, et le premier est prévenu sans rien écraser', async () => {
    const { page: first, context, errors } = await openApp(browser());
    await first.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    const firstTitle = first.getByLabel('Titre', { exact: true });
    await firstTitle.waitFor();
    const studyUrl = first.url();

    const second = await context.newPage();
    await second.goto(studyUrl);
    const banner = second.getByTestId('access-banner');
    await expect.poll(() => banner.innerText()).toMatch(/ouverte dans un autre onglet : ici, elle est en lecture seule/);
    await screenshot(second, 'onglets-1-lecture-seule');

    // The read-only tab refuses an edit and says why; storage keeps the first tab's study.
    const secondTitle = second.getByLabel('Titre', { exact: true });
    await secondTitle.fill('Modifié dans le second onglet');
    await secondTitle.press('Enter');
    await expect.poll(() => second.locator('.toast').last().innerText()).toMatch(/lecture seule/);
    expect(await titleOf(second)).toBe('Tribunal judiciaire — pôle civil (démonstration)');

    // The first tab edits (brought to the front, as a user would); the second takes over and shows that edit.
    await first.bringToFront();
    await firstTitle.fill('Écrit dans le premier onglet');
    await firstTitle.press('Enter');
    await expect.poll(() => first.getByText('Enregistré', { exact: true }).count()).toBeGreaterThan(0);
    await second.bringToFront();
    await second.getByRole('button', { name: 'Prendre la main ici' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => secondTitle.inputValue()).toBe('Écrit dans le premier onglet');
    await expect.poll(() => first.getByTestId('access-banner').innerText()).toMatch(/reprise dans un autre onglet/);
    await screenshot(first, 'onglets-2-reprise');

    await secondTitle.fill('Écrit dans le second onglet');
    await secondTitle.press('Enter');
    await expect.poll(() => titleOf(second)).toBe('Écrit dans le second onglet');
    // The first tab's late edit is refused, so it cannot overwrite the newer study.
    await first.bringToFront();
    await firstTitle.fill('Tentative tardive');
    await firstTitle.press('Enter');
    await expect.poll(() => first.locator('.toast').last().innerText()).toMatch(/lecture seule/);
    await new Promise((done) => setTimeout(done, 1500));
    expect(await titleOf(first)).toBe('Écrit dans le second onglet');
    expect(errors).toEqual([]);
    await context.close();
    expect(inject('baseUrl')).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
