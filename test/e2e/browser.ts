import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Chromium flags for WebGL without a GPU (the 3D view): ANGLE on SwiftShader, Chromium's software Vulkan/GL
 * renderer, which recent Chromium only allows for WebGL when told it is wanted (`--enable-unsafe-swiftshader`).
 */
export const SOFTWARE_WEBGL_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** Debian Chromium, headless, with the flags this sandbox needs (no network beyond loopback) and software WebGL. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...SOFTWARE_WEBGL_FLAGS],
  });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser profile (empty IndexedDB) at 1280×720 with the app loaded. */
export async function openApp(browser: Browser, hash = '#/'): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(new URL(hash, inject('baseUrl')).toString());
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}

/** One Chromium for the whole test file, closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}

/** A fresh profile on the demo study's given tab (« Éditeur », « Résultats », « Rapport »…). */
export async function openDemoStudy(browser: Browser, tab: string): Promise<AppPage> {
  const app = await openApp(browser);
  await app.page.getByRole('link', { name: /Tribunal judiciaire/ }).click();
  if (tab !== 'Éditeur') await app.page.getByRole('link', { name: tab }).click();
  return app;
}
