import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPortalProcess } from '../../scripts/portal-process.ts';
import { startPreviewServer } from '../../scripts/preview-server.ts';

const root = resolve(import.meta.dirname, '../..');

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

/** Builds the app once and serves the production bundle on a free loopback port for every e2e file, with the portal behind /api. */
export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  const portal = await startPortalProcess();
  const server = await startPreviewServer(root, { ...process.env, PORTAL_PORT: String(portal.port) });
  project.provide('baseUrl', server.url);
  project.provide('portalAccounts', portal.accounts);
  return () => {
    server.stop();
    portal.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    portalAccounts: Record<string, { email: string; password: string }>;
  }
}
