import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openDemoStudy, screenshot, useBrowser } from './browser.ts';
import { storedDocuments } from './idb-helpers.ts';
import { clickAt, screenOf, stableView } from './canvas-helpers.ts';

const browser = useBrowser();
const fixtures = resolve(import.meta.dirname, '../../fixtures/plans');
const expected = JSON.parse(readFileSync(resolve(fixtures, 'bureaux.expected.json'), 'utf8')) as { metersPerPoint: number; planOffsetM: number; wallPieces: number; scaleBar: { x1: number; y1: number; x2: number; y2: number } };

async function newStudy(page: Page, title: string) {
  await page.getByRole('button', { name: 'Nouvelle étude' }).click();
  await page.getByLabel("Titre de l’étude").fill(title);
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByTestId('editor-canvas').waitFor();
}

const levelSummary = (page: Page) => page.locator('.level-button .muted').first().innerText();

/** Opaque pixels of the heatmap layer (the second of the stacked canvases). */
const heatmapPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelectorAll('[data-testid="editor-canvas"] canvas')[1] as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) opaque++;
    return { opaque, total: canvas.width * canvas.height };
  });

describe('éditeur de plans', () => {
  it('du PDF au niveau étalonné avec murs, zone, bornes et carte en direct, à la souris et au clavier', async () => {
    const { page, context, errors } = await openApp(browser());
    await newStudy(page, 'Plateau de bureaux');

    // Import the vector PDF (two pages: choose the first with the keyboard).
    await page.getByTestId('plan-input').setInputFiles(resolve(fixtures, 'bureaux-1-50.pdf'));
    await page.getByLabel('Page (1 à 2)').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('plan-scale').innerText(), { timeout: 20_000 }).toMatch(/non étalonnée/);
    await expect.poll(() => page.locator('[data-tool="calibrate"]').getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(300);
    await screenshot(page, 'editeur-1-pdf-importe');

    // Provisional scale is 1:100, the drawing is 1:50: the scale bar's ends sit at twice their metres.
    const provisional = 2;
    const bar = expected.scaleBar;
    const o = expected.planOffsetM;
    await clickAt(page, (bar.x1 + o) * provisional, (bar.y1 + o) * provisional);
    await clickAt(page, (bar.x2 + o) * provisional, (bar.y2 + o) * provisional);
    await page.getByLabel('Longueur réelle (m)').fill('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('plan-scale').innerText()).toMatch(/Échelle étalonnée/);
    const study = async () => (await storedDocuments(page)).find((document) => (document.study as { title: string }).title === 'Plateau de bureaux')!;
    const calibrated = async () => ((await study()).levels as { metersPerUnit: number }[])[0]!.metersPerUnit;
    await expect.poll(calibrated, { timeout: 5000 }).toBeGreaterThan(0);
    expect(Math.abs((await calibrated()) / expected.metersPerPoint - 1)).toBeLessThan(0.005);

    // Walls proposed from the plan's lines: all the fixture's pieces, accepted at once.
    await page.getByRole('button', { name: 'Proposer les murs depuis le plan' }).click();
    await expect.poll(() => page.getByTestId('suggestion-report').innerText()).toMatch(new RegExp(`^${expected.wallPieces} murs proposés`));
    await page.getByRole('button', { name: 'Accepter tout' }).click();
    await expect.poll(() => page.getByTestId('suggestion-outcome').innerText()).toMatch(`${expected.wallPieces} murs gardés sur ${expected.wallPieces} proposés`);
    await page.keyboard.press('Escape');

    // One more wall drawn by hand (M, two clicks, Enter), a coverage zone (Z, four corners, back to the first), two APs (A).
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('m');
    await clickAt(page, o + 2, o + 10);
    await clickAt(page, o + 2, o + 13);
    await page.keyboard.press('Enter');
    await page.keyboard.press('z');
    for (const [x, y] of [[0.3, 0.3], [25.7, 0.3], [25.7, 13.7], [0.3, 13.7], [0.3, 0.3]] as const) await clickAt(page, o + x, o + y);
    await page.keyboard.press('a');
    await clickAt(page, o + 6, o + 3);
    await clickAt(page, o + 20, o + 11);
    await page.keyboard.press('v');
    await expect.poll(() => levelSummary(page)).toMatch(`${expected.wallPieces + 1} murs · 2 bornes · 1 zones`);

    // The heatmap is drawn on the canvas.
    await expect.poll(() => page.getByTestId('heatmap-status').innerText(), { timeout: 30_000 }).toMatch(/À jour/);
    const pixels = await heatmapPixels(page);
    expect(pixels.opaque / pixels.total).toBeGreaterThan(0.2);

    // The hover readout: strong next to the first AP, weaker across the floor, with the serving AP named.
    const near = await screenOf(page, o + 6.6, o + 3);
    await page.mouse.move(near.x, near.y);
    const nearValue = Number((await page.getByTestId('hover-value').innerText()).match(/(-?[\d,]+) dBm/)![1]!.replace(',', '.'));
    expect(await page.getByTestId('hover-serving').innerText()).toContain('AP-N1-01');
    const far = await screenOf(page, o + 13, o + 12.5);
    await page.mouse.move(far.x, far.y);
    const farValue = Number((await page.getByTestId('hover-value').innerText()).match(/(-?[\d,]+) dBm/)![1]!.replace(',', '.'));
    expect(nearValue).toBeGreaterThan(farValue + 5);
    await screenshot(page, 'editeur-2-carte-en-direct');

    // Undo the second AP, redo it.
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => levelSummary(page)).toMatch('1 bornes');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => levelSummary(page)).toMatch('2 bornes');

    // Reload: everything is still there, the plan with its lines too.
    await page.waitForTimeout(1200);
    await page.reload();
    await page.getByTestId('editor-canvas').waitFor();
    await expect.poll(() => levelSummary(page)).toMatch(`${expected.wallPieces + 1} murs · 2 bornes · 1 zones`);
    await expect.poll(() => page.getByTestId('plan-scale').innerText()).toMatch(/Échelle étalonnée/);
    const plan = ((await study()).levels as { plan: { format: string; vectorsSha256: string | null; sourceSha256: string | null } }[])[0]!.plan;
    expect(plan.format).toBe('pdf');
    expect(plan.vectorsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    await page.waitForTimeout(1500);
    await screenshot(page, 'editeur-3-apres-rechargement');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuse un PDF endommagé ou protégé, un SVG avec script et une image de 60 Mo, en français, sans rien changer', async () => {
    const { page, context } = await openApp(browser());
    await newStudy(page, 'Mauvais fichiers');
    const input = page.getByTestId('plan-input');
    await input.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nceci n’est pas un PDF\n%%EOF') });
    await expect.poll(() => page.locator('.toast').last().innerText(), { timeout: 15_000 }).toMatch(/endommagé ou n’est pas un PDF/);
    await input.setInputFiles(resolve(fixtures, 'protege.pdf'));
    await expect.poll(() => page.locator('.toast').last().innerText(), { timeout: 15_000 }).toMatch(/protégé par un mot de passe/);
    await input.setInputFiles({ name: 'plan.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>') });
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/refusé par sécurité/);
    await input.setInputFiles({ name: 'plan.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="https://exemple.fr/plan.png" width="10" height="10"/></svg>') });
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/ressources extérieures/);
    const heavy = resolve(mkdtempSync(resolve(tmpdir(), 'ondeplan-')), 'scan.png');
    writeFileSync(heavy, Buffer.alloc(60 * 1024 * 1024));
    await input.setInputFiles(heavy);
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/Fichier trop lourd \(60 Mo/);
    await screenshot(page, 'editeur-4-fichier-refuse');
    const levels = (await storedDocuments(page)).find((document) => (document.study as { title: string }).title === 'Mauvais fichiers')!.levels as { plan: unknown }[];
    expect(levels[0]!.plan).toBeNull();
    await context.close();
  });

  it('importe un DXF en millimètres : calques choisis, échelle reprise du fichier, murs proposés par calque', async () => {
    const { page, context, errors } = await openApp(browser());
    await newStudy(page, 'Plan DXF');
    await page.getByTestId('plan-input').setInputFiles(resolve(fixtures, 'bureaux-mm.dxf'));
    await page.getByRole('heading', { name: 'Importer le DXF' }).waitFor();
    expect(await page.getByLabel('Unité du dessin (lue dans le fichier, $INSUNITS)').inputValue()).toBe('0.001');
    await page.getByRole('dialog').getByLabel(/^HACHURES \(\d+ traits\)/).uncheck();
    await screenshot(page, 'editeur-5-dxf-calques');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-scale').innerText(), { timeout: 20_000 }).toMatch(/1 unité = 1 mm/);
    const table = page.getByTestId('suggestion-layers');
    expect(await table.getByLabel(/^MURS/).isChecked()).toBe(true);
    expect(await table.getByLabel(/^CLOISONS/).isChecked()).toBe(true);
    expect(await table.getByLabel(/^PORTES/).isChecked()).toBe(false);
    expect(await page.getByLabel('Matériau des murs du calque MURS').inputValue()).toBe('mat-brique');
    await page.getByRole('button', { name: 'Proposer les murs depuis le plan' }).click();
    await expect.poll(() => page.getByTestId('suggestion-report').innerText()).toMatch(new RegExp(`^${expected.wallPieces} murs proposés`));
    await page.waitForTimeout(300);
    await screenshot(page, 'editeur-6-dxf-murs-proposes');
    await page.getByRole('button', { name: 'Accepter tout' }).click();
    await expect.poll(() => levelSummary(page)).toMatch(`${expected.wallPieces} murs`);
    const stored = async () => (await storedDocuments(page)).find((document) => (document.study as { title: string }).title === 'Plan DXF')!;
    await expect.poll(async () => [...new Set(((await stored()).walls as { materialId: string }[]).map((wall) => wall.materialId))].sort(), { timeout: 5000 }).toEqual(['mat-brique', 'mat-placo']);
    const study = await stored();
    const level = (study.levels as { metersPerUnit: number; plan: { format: string; vectorLayers: { name: string }[] } }[])[0]!;
    expect(level.metersPerUnit).toBe(0.001);
    expect(level.plan.format).toBe('dxf');
    expect(level.plan.vectorLayers.map((layer) => layer.name)).not.toContain('HACHURES');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('demande l’unité d’un DXF sans unité et refuse un DXF binaire', async () => {
    const { page, context } = await openApp(browser());
    await newStudy(page, 'DXF sans unité');
    const input = page.getByTestId('plan-input');
    await input.setInputFiles({ name: 'binaire.dxf', mimeType: 'application/dxf', buffer: Buffer.from('AutoCAD Binary DXF\r\n\u001a\u0000') });
    await expect.poll(() => page.locator('.toast').last().innerText(), { timeout: 15_000 }).toMatch(/format binaire/);
    await input.setInputFiles(resolve(fixtures, 'third-party/dxf-parser__api-cw750-details.dxf'));
    await page.getByRole('heading', { name: 'Importer le DXF' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('alert').innerText()).toMatch(/Choisissez l’unité du dessin/);
    await page.getByLabel(/Unité du dessin : le fichier ne la précise pas/).selectOption({ label: 'millimètre' });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-scale').innerText(), { timeout: 20_000 }).toMatch(/1 unité = 1 mm/);
    await page.waitForTimeout(800);
    await screenshot(page, 'editeur-7-dxf-reel');
    await context.close();
  });

  it('importe un modèle directionnel au catalogue, le place, l’oriente à la souris ; pivote et recadre le plan', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByTestId('ap-model-input').setInputFiles(resolve(import.meta.dirname, '../../fixtures/catalogue/borne-secteur-exemple.json'));
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/1 modèle ajouté au catalogue, 1 diagramme/);
    await page.getByRole('row', { name: /Borne Wi-Fi 6 secteur 90°/ }).waitFor();
    // The starter catalogue: seven generic models, their PoE class, mounting and the source of each number.
    await page.getByTestId('ap-model-input').setInputFiles(resolve(import.meta.dirname, '../../fixtures/catalogue/catalogue-generique.json'));
    await expect.poll(() => page.locator('.toast').last().innerText()).toMatch(/7 modèles ajoutés au catalogue, 1 diagramme/);
    const wifi7 = page.getByRole('row', { name: /Borne Wi-Fi 7 tri-bande 2×2 plafonnière/ });
    expect(await wifi7.innerText()).toMatch(/classe 5 \(802\.3bt\)[\s\S]*plafond, faux plafond[\s\S]*Voir les 5 sources/);
    await wifi7.getByText('Voir les 5 sources').click();
    expect(await wifi7.innerText()).toMatch(/PoE : IEEE 802\.3 \(802\.3bt\), classe 5/);
    await wifi7.scrollIntoViewIfNeeded();
    await screenshot(page, 'editeur-8a-catalogue-modeles');
    await page.getByLabel('Couleur de « Béton 200 mm »').fill('#ff0000');
    await screenshot(page, 'editeur-8-catalogue');

    await page.getByRole('link', { name: 'Éditeur' }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.keyboard.press('a');
    await page.getByLabel('Modèle', { exact: true }).selectOption({ label: 'Borne Wi-Fi 6 secteur 90°' });
    await clickAt(page, 30, 14);
    await screenshot(page, 'editeur-8b-choix-du-modele');
    await page.keyboard.press('v');
    // The handle sits three marker radii (11 px each) along the boresight, to the right at first.
    await stableView(page);
    const centre = await screenOf(page, 30, 14);
    await page.mouse.move(centre.x + 33, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + 20, centre.y + 20, { steps: 4 });
    await page.mouse.move(centre.x, centre.y + 40, { steps: 4 });
    await page.mouse.up();
    const stored = async () => (await storedDocuments(page)).find((document) => (document.study as { title: string }).title.startsWith('Tribunal'))!;
    await expect
      .poll(async () => ((await stored()).accessPoints as { name: string; azimuthDeg: number; modelId: string }[]).find((ap) => ap.name === 'AP-N1-06')?.azimuthDeg, { timeout: 5000 })
      .toBeCloseTo(90, 0);
    // The selected AP's forecast on the band shown (served area, users, airtime, edge rate, SSID beacons).
    await expect.poll(() => page.getByTestId('ap-forecast').innerText(), { timeout: 20_000 }).toMatch(/Surface desservie au niveau exigé\s+\d+ m²/);
    await screenshot(page, 'editeur-9-borne-orientee');

    await page.getByRole('button', { name: 'Pivoter de 90°' }).click();
    await page.waitForTimeout(500);
    await screenshot(page, 'editeur-10-plan-pivote');
    await page.getByRole('button', { name: 'Recadrer…' }).click();
    await stableView(page);
    const from = await screenOf(page, 0, 0);
    const to = await screenOf(page, 12, 22);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => ((await stored()).levels as { plan: { crop: unknown; rotationDeg: number } }[])[0]!.plan).toMatchObject({ rotationDeg: 90, crop: expect.objectContaining({ x: expect.any(Number) }) });
    await page.getByRole('button', { name: 'Plan entier' }).waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'editeur-11-plan-recadre');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('parcours client : tracé dans le couloir de la démonstration, borne servante et changements de borne', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('w');
    await clickAt(page, 1.5, 9.5);
    await clickAt(page, 38.5, 9.5);
    await page.keyboard.press('Enter');
    // The demo's corridor is well covered: a sticky client at the default −70 dBm trigger never roams.
    await expect.poll(() => page.getByTestId('walk-summary').innerText(), { timeout: 20_000 }).toMatch(/^37 m parcourus, 0 changement de borne/);
    // A client that roams as soon as its AP falls below −50 dBm hands over along the way.
    await page.getByLabel('Seuil d’itinérance (dBm)').fill('-50');
    await expect.poll(() => page.getByTestId('walk-summary').innerText(), { timeout: 20_000 }).toMatch(/^37 m parcourus, (1 changement|[2-9]\d* changements|1\d+ changements) de borne/);
    await page.getByTestId('walk-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'editeur-12-parcours-client');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plan en gris et estompé : le calque du plan perd ses couleurs, le réglage reste au rechargement', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await stableView(page);
    // The plan's own layer is the stage's first canvas: count its coloured pixels (channels apart by more than 24).
    const coloured = () =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-canvas"] canvas')!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let count = 0;
        for (let index = 0; index < data.length; index += 4) if (data[index + 3]! > 0 && Math.max(Math.abs(data[index]! - data[index + 1]!), Math.abs(data[index + 1]! - data[index + 2]!), Math.abs(data[index]! - data[index + 2]!)) > 24) count++;
        return count;
      });
    const before = await coloured();
    expect(before).toBeGreaterThan(100);
    await page.getByLabel(/Plan en niveaux de gris/).check();
    await expect.poll(coloured).toBe(0);
    await page.getByLabel(/Opacité du plan/).fill('40');
    expect(await page.getByText('Opacité du plan : 40 %').count()).toBe(1);
    await screenshot(page, 'editeur-16-plan-gris');
    await page.reload();
    await page.getByTestId('editor-canvas').waitFor();
    await expect.poll(() => page.getByLabel(/Plan en niveaux de gris/).isChecked()).toBe(true);
    expect(await page.getByText('Opacité du plan : 40 %').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sources non Wi-Fi : placer un four à micro-ondes et voir ce qu’il atteint en 2,4 GHz', async () => {
    const { page, context, errors } = await openApp(browser());
    await page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('i');
    await clickAt(page, 5, 15);
    await expect.poll(async () => ((await storedDocuments(page)).find((document) => (document.study as { title: string }).title.startsWith('Tribunal'))!.interferenceSources as unknown[]).length, { timeout: 5000 }).toBe(2);
    await page.keyboard.press('v');
    await page.getByLabel('Bande', { exact: true }).selectOption('2.4');
    await page.getByTestId('sources-toggle').check();
    await expect.poll(async () => (await heatmapPixels(page)).opaque, { timeout: 20_000 }).toBeGreaterThan(1000);
    await screenshot(page, 'editeur-13-sources-non-wifi');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('carte des exigences et zones d’itinérance pour un client choisi', async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Éditeur');
    await page.getByTestId('editor-canvas').waitFor();
    await page.getByTestId('heatmap-layer').selectOption('requirement');
    await expect.poll(() => page.getByTestId('heatmap-status').innerText(), { timeout: 30_000 }).toMatch(/À jour/);
    await expect.poll(async () => (await heatmapPixels(page)).opaque, { timeout: 20_000 }).toBeGreaterThan(1000);
    expect(await page.getByTestId('requirement-legend').innerText()).toContain('Trop de bornes sur le même canal');
    await page.getByTestId('editor-canvas').hover();
    await screenshot(page, 'editeur-14-exigences');
    // Roaming: a client with a 15 dB hysteresis hands over on a wider band than one with 1 dB.
    await page.getByTestId('heatmap-layer').selectOption('roaming');
    const hysteresis = page.getByTestId('roaming-client').getByLabel('Hystérésis (dB)');
    await hysteresis.fill('1');
    await expect.poll(() => page.getByTestId('heatmap-status').innerText(), { timeout: 30_000 }).toMatch(/À jour/);
    let narrow = 0;
    await expect.poll(async () => (narrow = (await heatmapPixels(page)).opaque), { timeout: 20_000 }).toBeGreaterThan(0);
    await hysteresis.fill('15');
    await expect.poll(async () => (await heatmapPixels(page)).opaque, { timeout: 20_000 }).toBeGreaterThan(narrow * 2);
    await screenshot(page, 'editeur-15-itinerance');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signale une PIRE au-delà du plafond français sur le canal de la borne', async () => {
    const { page, context, errors } = await openDemoStudy(browser(), 'Éditeur');
    await page.getByTestId('editor-canvas').waitFor();
    await clickAt(page, 17, 10.5);
    const power = page.getByLabel('Puissance de la radio 5 GHz (dBm)');
    await power.fill('20');
    await power.press('Enter');
    // 20 dBm + 5 dBi on channel 52 (5250–5350 MHz): 25 dBm EIRP where 23 dBm is allowed.
    await expect.poll(() => page.getByTestId('eirp-warning').innerText(), { timeout: 5000 }).toMatch(/^PIRE 25 dBm en 5 GHz : au-delà des 23 dBm autorisés en France sur le canal 52\./);
    await page.getByLabel('Canal de la radio 5 GHz').selectOption('100');
    await expect.poll(() => page.getByTestId('eirp-warning').count(), { timeout: 5000 }).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
