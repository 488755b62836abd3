/**
 * A large architect's sheet (fixtures/plans/aile-universitaire-1-100.pdf: 23 000 lines, six stroke widths, page
 * turned by 90°) from import to heatmap: the recommended wall reading, its classes shown on the plan, accepted,
 * then APs and the live map. The accepted walls are scored against the fixture's labelled walls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lengthAgreement } from '../../src/editor/wall-recognition/length-agreement.ts';
import { seriousAxeViolations } from './axe.ts';
import { solidParts } from '../helpers/solid-wall-parts.ts';
import { openApp, screenshot, useBrowser } from './browser.ts';
import { clickAt } from './canvas-helpers.ts';
import { storedDocuments } from './idb-helpers.ts';

const browser = useBrowser();
const fixtures = resolve(import.meta.dirname, '../../fixtures/plans');
const labels = JSON.parse(readFileSync(resolve(fixtures, 'aile-universitaire.expected.json'), 'utf8')) as { sheetM: { widthM: number; heightM: number }; walls: { x1: number; y1: number; x2: number; y2: number }[]; doors: unknown[] };

/** Sheet metres (before the page's 90° turn) → level metres (the page as shown): (x, y) → (H − y, x). */
const onLevel = (x: number, y: number) => ({ x: labels.sheetM.heightM - y, y: x });

describe('plan d’architecte réel', () => {
  it('aile universitaire : lecture recommandée des murs, classes sur le plan, acceptation, bornes et carte', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByRole('button', { name: 'Nouvelle étude' }).click();
    await page.getByLabel('Titre de l’étude').fill('Aile universitaire');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByTestId('plan-input').setInputFiles(resolve(fixtures, 'aile-universitaire-1-100.pdf'));
    await expect.poll(() => page.getByTestId('plan-scale').innerText(), { timeout: 30_000 }).toMatch(/non étalonnée/);
    await page.keyboard.press('Escape');

    // The recommended preset: every stroke width read, the filled shapes (room colours) left out.
    const layers = page.getByTestId('suggestion-layers');
    await expect.poll(() => layers.locator('tbody tr').count()).toBe(7);
    expect(await layers.getByRole('checkbox', { name: /Formes remplies/ }).isChecked()).toBe(false);
    expect(await layers.getByRole('checkbox', { name: /Traits de 0,7 pt/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Proposer les murs depuis le plan' }).click();
    const report = page.getByTestId('suggestion-report');
    await expect.poll(() => report.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`murs proposés \\(\\d+ m\\) à partir de 22\\s825 traits, dont ${labels.doors.length} portes\\.`));
    await expect.poll(() => report.innerText()).toMatch('Axes du bâtiment : 0° et 90°.');
    const classes = page.getByTestId('suggestion-classes');
    for (const name of ['hachure', 'oblique', 'tirete', 'bloc', 'court']) expect(Number((await classes.locator(`tr[data-class="${name}"] td`).first().innerText()).replace(/\s/g, ''))).toBeGreaterThan(50);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Montrer sur le plan les traits écartés, par couleur').check();
    await page.waitForTimeout(500);
    await screenshot(page, 'plan-reel-1-lecture-des-murs');
    await page.getByRole('button', { name: 'Accepter tout' }).click();
    await expect.poll(() => page.getByTestId('suggestion-outcome').innerText()).toMatch(/murs gardés/);

    // The accepted walls, read back from the stored study, against the labelled walls.
    const study = async () => (await storedDocuments(page)).find((document) => (document.study as { title: string }).title === 'Aile universitaire')!;
    await expect.poll(async () => ((await study())?.walls as unknown[] | undefined)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(50);
    // The solid parts of the stored walls: each wall minus its door openings, which the labels leave open.
    const stored = await study();
    const openings = stored.openings as { wallId: string; offsetM: number; widthM: number; kind: string; materialId: string }[];
    expect(openings).toHaveLength(labels.doors.length);
    expect(openings.every((opening) => opening.kind === 'porte' && opening.materialId === 'mat-porte-bois')).toBe(true);
    const walls = (stored.walls as { id: string; from: { xM: number; yM: number }; to: { xM: number; yM: number } }[]).flatMap((wall) => {
      const gaps = openings.filter((opening) => opening.wallId === wall.id).map((opening) => [opening.offsetM - opening.widthM / 2, opening.offsetM + opening.widthM / 2] as const).sort((a, b) => a[0] - b[0]);
      return solidParts({ x: wall.from.xM, y: wall.from.yM }, { x: wall.to.xM, y: wall.to.yM }, gaps);
    });
    const labelled = labels.walls.map((wall) => ({ a: onLevel(wall.x1, wall.y1), b: onLevel(wall.x2, wall.y2) }));
    const score = lengthAgreement(walls, labelled);
    expect(score.precision).toBeGreaterThan(0.97);
    expect(score.recall).toBeGreaterThan(0.97);

    // Four APs along the corridor (sheet y 27 m, x 15 → 69 m), then the live map.
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('a');
    for (const x of [15, 33, 51, 69]) {
      const at = onLevel(x, 27);
      await clickAt(page, at.x, at.y);
    }
    await page.keyboard.press('v');
    await expect.poll(() => page.locator('.level-button .muted').first().innerText()).toMatch('4 bornes');
    await expect.poll(() => page.getByTestId('heatmap-status').innerText(), { timeout: 60_000 }).toMatch(/À jour/);
    await page.waitForTimeout(500);
    await screenshot(page, 'plan-reel-2-bornes-et-carte');

    // Six scripted zoom-and-pan runs with the cursor sweeping to the canvas edges (the reported plan logged React's
    // « Maximum update depth exceeded » in two of six such runs): no error of any kind.
    const box = (await page.getByTestId('editor-canvas').boundingBox())!;
    await page.keyboard.press('h');
    for (let run = 0; run < 6; run++) {
      for (let step = 0; step < 20; step++) {
        await page.mouse.move(box.x + ((step * 61 + run * 97) % box.width), box.y + ((step * 37 + run * 53) % box.height));
        await page.mouse.wheel(0, step < 10 ? -150 : 150);
      }
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let step = 0; step < 20; step++) await page.mouse.move(box.x + box.width / 2 + step * 12 * (run % 2 ? -1 : 1), box.y + box.height / 2 + step * 5);
      await page.mouse.up();
      await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2);
    }
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await context.close();
  });
});
