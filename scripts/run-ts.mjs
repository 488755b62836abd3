// Runs a TypeScript entry point the way the browser build sees it: bundled to one ES module by esbuild (direct
// bindings, no per-access getters), then executed by Node. Used by `npm run bench` and `npm run engine`.
// Usage: node scripts/run-ts.mjs <entry.ts> [args…]
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}
// Inside node_modules so that the bundle's bare imports (fflate, zod…) resolve to the project's packages.
const cacheRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'ondeplan-run');
mkdirSync(cacheRoot, { recursive: true });
const dir = mkdtempSync(join(cacheRoot, 'run-'));
const outfile = join(dir, 'entry.mjs');
await build({ entryPoints: [resolve(entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, packages: 'external', logLevel: 'warning', sourcemap: 'inline' });
process.argv = [process.argv[0], resolve(entry), ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
