/** Helpers of the e2e flows on « Suivi »: sign in with a demo account, catch a download, read a PDF's text. */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/** Signs in on « Suivi » with the demo account of a role (passwords printed by the portal at its first start). */
export async function signIn(page: Page, role: string) {
  const account = inject('portalAccounts')[role]!;
  await page.getByLabel('Adresse électronique').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('orders').waitFor();
}

/** Clicks and returns the downloaded file's name and bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

/** A PDF's text with pdf.js, pages joined, no-break spaces as plain ones. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let index = 1; index <= pdf.numPages; index++) pages.push((await (await pdf.getPage(index)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  return pages.join('\n').replace(/[\u00a0\u202f]/g, ' ');
}
