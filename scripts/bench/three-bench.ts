/**
 * 3D view frame cost in Chromium with software WebGL (SwiftShader, flags as in test/e2e/browser.ts): the view's
 * model vs one mesh per wall, orbiting a 5-level study with 2,000 walls per level. Needs /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { SOFTWARE_WEBGL_FLAGS } from '../../test/e2e/browser.ts';

interface FrameStats {
  median: number;
  p95: number;
}

export async function runThreeBench(): Promise<string[]> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return [`Chromium absent (${chromiumPath}) : banc 3D non exécuté.`];
  const entry = resolve(process.cwd(), 'scripts/bench/three/orbit-page.ts');
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent' });
  const dir = mkdtempSync(resolve(tmpdir(), 'ondeplan-3d-'));
  writeFileSync(resolve(dir, 'orbit.js'), bundle.outputFiles[0]!.contents);
  writeFileSync(resolve(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><body style="margin:0"><script src="orbit.js"></script></body>');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...SOFTWARE_WEBGL_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (message) => process.stderr.write(`${message.text()}\n`));
    await page.goto(`file://${resolve(dir, 'index.html')}?frames=${process.env.BENCH_3D_FRAMES ?? 60}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __benchResult?: unknown }).__benchResult !== undefined, undefined, { timeout: 300_000 });
    const result = (await page.evaluate(() => (window as unknown as { __benchResult: unknown }).__benchResult)) as { ours: FrameStats; rest: FrameStats; reference: FrameStats; buildMs: number; walls: number; levels: number; gl: string; error?: string };
    if (result.error) return [`Erreur du banc 3D : ${result.error}`];
    const fps = (ms: number) => (1000 / ms).toFixed(0);
    const verdict = result.ours.p95 <= 1000 / 60 ? 'objectif 60 i/s atteint' : 'objectif 60 i/s NON atteint';
    return [
      `${result.levels} niveaux, ${result.walls} murs ; ${result.gl} ; construction du modèle 3D : ${result.buildMs.toFixed(0)} ms`,
      '| rendu | image médiane (ms) | 95e centile (ms) | images/s (médiane) | images/s (95e centile) |',
      '|---|---:|---:|---:|---:|',
      `| vue 3D en mouvement (murs en plans médians, demi-résolution) | ${result.ours.median.toFixed(1)} | ${result.ours.p95.toFixed(1)} | ${fps(result.ours.median)} | ${fps(result.ours.p95)} |`,
      `| vue 3D au repos (murs en volumes fusionnés, pleine résolution) | ${result.rest.median.toFixed(1)} | ${result.rest.p95.toFixed(1)} | ${fps(result.rest.median)} | ${fps(result.rest.p95)} |`,
      `| référence (un maillage three.js par mur) | ${result.reference.median.toFixed(1)} | ${result.reference.p95.toFixed(1)} | ${fps(result.reference.median)} | ${fps(result.reference.p95)} |`,
      `Rapport (référence / vue 3D en mouvement, médiane) : ${(result.reference.median / result.ours.median).toFixed(1)}× — ${verdict} (Chromium, WebGL logiciel SwiftShader, 1280 × 720).`,
    ];
  } finally {
    await browser.close();
  }
}
