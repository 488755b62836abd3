/**
 * The editor as its user drives it, in the real app (production build, Debian Chromium without GPU): the
 * university sheet (22 877 plan lines) with 1 500 walls, 60 APs and the live heatmap on. Wheel zoom, drag-pan and
 * an AP dragged across the floor, each as 60 input events 16 ms apart; for each, the main thread's handling time
 * per event (what the input waits for) and the frames the page produced per second, against the targets (pan and
 * zoom ≥ 55 i/s, AP drag ≥ 30 i/s). Also: React errors seen (« Maximum update depth »), and how long the heatmap
 * takes to be up to date after the drag.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPreviewServer } from '../preview-server.ts';
import { screenOf } from '../../test/e2e/canvas-helpers.ts';
import { BIG_STUDY, BIG_STUDY_TITLE, buildBigStudy } from './editor/big-study.ts';

const EVENTS = 60;
const GAP_MS = 16;

interface GestureResult {
  name: string;
  medianMs: number;
  p95Ms: number;
  fps: number;
  /** Longest time between two frames during the gesture. */
  worstFrameMs: number;
  /** Main-thread time in tasks over 50 ms during the gesture. */
  longTasksMs: number;
  target: number;
}

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

/** The production build (built first when missing), served by `vite preview`. */
async function startPreview(root: string) {
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    await new Promise<void>((done, fail) => spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }).on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build: ${code}`)))));
  }
  return startPreviewServer(root);
}

/** Runs `step(i)` for each event, 16 ms apart, timing each and counting the frames the page drew meanwhile. */
async function gesture(page: Page, name: string, target: number, step: (index: number) => Promise<void>): Promise<GestureResult> {
  await page.evaluate(() => {
    const state = window as unknown as { __frames: number[]; __counting: boolean; __long: number; __observer?: PerformanceObserver };
    state.__frames = [];
    state.__counting = true;
    state.__long = 0;
    state.__observer?.disconnect();
    state.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.__long += entry.duration;
    });
    state.__observer.observe({ type: 'longtask' });
    const tick = (time: number) => {
      if (!state.__counting) return;
      state.__frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const times: number[] = [];
  for (let index = 0; index < EVENTS; index++) {
    const start = performance.now();
    await step(index);
    const spent = performance.now() - start;
    times.push(spent);
    if (spent < GAP_MS) await new Promise((done) => setTimeout(done, GAP_MS - spent));
  }
  await page.waitForTimeout(100);
  const { frames, longTasksMs } = await page.evaluate(() => {
    const state = window as unknown as { __frames: number[]; __counting: boolean; __long: number };
    state.__counting = false;
    return { frames: state.__frames, longTasksMs: state.__long };
  });
  const seconds = (frames.at(-1)! - frames[0]!) / 1000;
  const worstFrameMs = Math.max(...frames.slice(1).map((time, index) => time - frames[index]!));
  return { name, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), fps: seconds > 0 ? (frames.length - 1) / seconds : 0, worstFrameMs, longTasksMs, target };
}

export async function runEditorBench(): Promise<string[]> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return [`Chromium absent (${chromiumPath}) : banc de l’éditeur non exécuté.`];
  const root = process.cwd();
  const bytes = await buildBigStudy(root);
  const preview = await startPreview(root);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(preview.url);
    await page.getByTestId('import-input').setInputFiles({ name: 'banc.ondeplan', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
    await page.getByRole('link', { name: BIG_STUDY_TITLE }).click({ timeout: 60_000 });
    await page.getByTestId('editor-canvas').waitFor();
    const opened = performance.now();
    await page.getByTestId('heatmap-status').filter({ hasText: 'À jour' }).waitFor({ timeout: 180_000 });
    const firstMapS = (performance.now() - opened) / 1000;
    await page.waitForTimeout(500);
    const box = (await page.getByTestId('editor-canvas').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    const results: GestureResult[] = [];
    await page.mouse.move(centre.x, centre.y);
    results.push(await gesture(page, 'zoom à la molette', 55, (index) => page.mouse.wheel(0, index % 20 < 10 ? -120 : 120)));
    await page.getByTestId('editor-canvas').focus();
    await page.keyboard.press('h');
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    results.push(await gesture(page, 'déplacement de la vue (glisser)', 55, (index) => page.mouse.move(centre.x + (index % 30 < 15 ? index % 15 : 15 - (index % 15)) * 8, centre.y + (index % 15) * 3)));
    await page.mouse.up();
    await page.keyboard.press('v');
    await page.waitForTimeout(300);
    // The AP nearest the middle of the building, dragged 4 px per event.
    const ap = await screenOf(page, 59.4 - 42 + 15, 6 + 3 + 6 * 6);
    await page.mouse.move(ap.x, ap.y);
    await page.mouse.down();
    results.push(await gesture(page, 'glisser une borne (carte suivie en grossier)', 30, (index) => page.mouse.move(ap.x + index * 4, ap.y + index * 2)));
    const released = performance.now();
    await page.mouse.up();
    await page.getByTestId('heatmap-status').filter({ hasText: 'À jour' }).waitFor({ timeout: 180_000 });
    const settleS = (performance.now() - released) / 1000;
    const depthErrors = errors.filter((error) => /Maximum update depth/.test(error)).length;
    await context.close();
    return [
      `Étude : ${BIG_STUDY.walls} murs, ${BIG_STUDY.aps} bornes, plan de 22 877 traits (A1 au 1:100, image de 6 000 px), carte RSSI en direct ; première carte complète en ${firstMapS.toFixed(1)} s.`,
      '| geste | acquittement d’un évènement, médiane (ms) | 95e centile (ms) | images/s | plus longue image (ms) | tâches longues (ms) | objectif | verdict |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...results.map((row) => `| ${row.name} | ${row.medianMs.toFixed(1)} | ${row.p95Ms.toFixed(1)} | ${row.fps.toFixed(0)} | ${row.worstFrameMs.toFixed(0)} | ${row.longTasksMs.toFixed(0)} | ≥ ${row.target} i/s | ${row.fps >= row.target ? 'atteint' : 'NON atteint'} |`),
      'L’acquittement comprend l’attente de l’image suivante (Chromium aligne molette et pointeur sur les images) ; les images par seconde sont comptées par requestAnimationFrame pendant le geste, 60 évènements espacés de 16 ms.',
      `Carte à jour ${settleS.toFixed(2)} s après avoir lâché la borne. Erreurs « Maximum update depth » : ${depthErrors} ; autres erreurs de la page : ${errors.length - depthErrors}.`,
    ];
  } finally {
    await browser.close();
    preview.stop();
  }
}
