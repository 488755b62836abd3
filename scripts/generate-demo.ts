/**
 * Writes the demo study shipped with the app: public/demo/palais-de-justice.ondeplan (plan SVG inside).
 * Deterministic: running it twice gives the same bytes, which test/unit/demo-project.test.ts checks.
 * Usage: npm run demo:generate
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoPackage } from './demo/build-demo-package.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { bytes, document } = await buildDemoPackage();
const target = resolve(root, 'public/demo/palais-de-justice.ondeplan');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, bytes);
console.log(`${target}: ${bytes.byteLength} octets, ${document.walls.length} murs, ${document.accessPoints.length} bornes, ${document.coverageZones.length} zones`);
