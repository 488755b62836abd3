import type { AppServices } from './app-services.ts';

export const DEMO_PACKAGE_PATH = 'demo/palais-de-justice.ondeplan';
const SEEDED_KEY = 'demoSeeded';

/** On the very first start of this browser profile, imports the demo study shipped in public/demo/. */
export async function seedDemoOnFirstStart({ db, repository }: AppServices): Promise<void> {
  if (await db.getSetting<boolean>(SEEDED_KEY)) return;
  const response = await fetch(`${import.meta.env.BASE_URL}${DEMO_PACKAGE_PATH}`);
  if (!response.ok) throw new Error(`${DEMO_PACKAGE_PATH}: HTTP ${response.status}`);
  await repository.importPackage(new Uint8Array(await response.arrayBuffer()));
  await db.setSetting(SEEDED_KEY, true);
}
