/**
 * Editor canvas frame cost in Chromium: the editor's renderer vs a one-node-per-object Konva reference, on a
 * 3,000 m² level with 2,000 walls, 60 APs and a 10,000 × 7,000 px plan. Needs /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

interface FrameStats {
  median: number;
  p95: number;
}

export async function runCanvasBench(): Promise<string[]> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return [`Chromium absent (${chromiumPath}) : banc du canevas non exécuté.`];
  // Run from the repository root (npm run bench); the bench itself is bundled elsewhere, so import.meta.url is not home.
  const entry = resolve(process.cwd(), 'scripts/bench/canvas/fps-page.ts');
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent' });
  const dir = mkdtempSync(resolve(tmpdir(), 'ondeplan-fps-'));
  writeFileSync(resolve(dir, 'fps.js'), bundle.outputFiles[0]!.contents);
  writeFileSync(resolve(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><body style="margin:0"><script src="fps.js"></script></body>');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`file://${resolve(dir, 'index.html')}`);
    await page.waitForFunction(() => (window as unknown as { __benchResult?: unknown }).__benchResult !== undefined, undefined, { timeout: 180_000 });
    const result = (await page.evaluate(() => (window as unknown as { __benchResult: unknown }).__benchResult)) as { ours: FrameStats; reference: FrameStats; error?: string };
    if (result.error) return [`Erreur du banc du canevas : ${result.error}`];
    const fps = (ms: number) => (1000 / ms).toFixed(0);
    const verdict = result.ours.p95 <= 1000 / 60 ? 'objectif 60 i/s atteint' : 'objectif 60 i/s NON atteint';
    return [
      '| rendu | image médiane (ms) | 95e centile (ms) | images/s (médiane) | images/s (95e centile) |',
      '|---|---:|---:|---:|---:|',
      `| éditeur (une forme par calque, pyramide du plan) | ${result.ours.median.toFixed(1)} | ${result.ours.p95.toFixed(1)} | ${fps(result.ours.median)} | ${fps(result.ours.p95)} |`,
      `| référence (un nœud Konva par objet, plan pleine taille) | ${result.reference.median.toFixed(1)} | ${result.reference.p95.toFixed(1)} | ${fps(result.reference.median)} | ${fps(result.reference.p95)} |`,
      `Rapport (référence / éditeur, médiane) : ${(result.reference.median / result.ours.median).toFixed(1)}× — ${verdict} (Chromium sans GPU, 1280 × 720).`,
    ];
  } finally {
    await browser.close();
  }
}
