import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startPortalProcess } from '../../scripts/portal-process.ts';

const root = resolve(import.meta.dirname, '../..');

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error('vite preview stopped');
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Builds the app once and serves the production bundle on a free loopback port for every e2e file, with the portal behind /api. */
export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  const portal = await startPortalProcess();
  const port = await freePort();
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true, env: { ...process.env, PORTAL_PORT: String(portal.port) } });
  const baseUrl = `http://127.0.0.1:${port}/`;
  await waitForServer(baseUrl, server);
  project.provide('baseUrl', baseUrl);
  project.provide('portalAccounts', portal.accounts);
  return () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    portal.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    portalAccounts: Record<string, { email: string; password: string }>;
  }
}
