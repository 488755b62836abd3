import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

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

/** The tracking portal on a fresh embedded database; its demo accounts' generated passwords read from its output. */
async function startPortal(port: number): Promise<{ child: ChildProcess; dataDir: string; accounts: Record<string, { email: string; password: string }> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ondeplan-portail-e2e-'));
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'server/src/main.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true, env: { ...process.env, PORTAL_PORT: String(port), PORTAL_DATA_DIR: dataDir } });
  const accounts: Record<string, { email: string; password: string }> = {};
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  for (let attempt = 0; attempt < 300 && !output.includes('Portail de suivi sur'); attempt++) {
    if (child.exitCode !== null) throw new Error(`le portail s’est arrêté : ${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  for (const match of output.matchAll(/^\s+(\S+)\s+(\S+@\S+)\s+(\S+)$/gm)) accounts[match[1]!] = { email: match[2]!, password: match[3]! };
  if (!accounts.relecteur) throw new Error(`comptes de démonstration introuvables dans : ${output}`);
  return { child, dataDir, accounts };
}

/** Builds the app once and serves the production bundle on a free loopback port for every e2e file, with the portal behind /api. */
export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD) await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  const portalPort = await freePort();
  const portal = await startPortal(portalPort);
  const port = await freePort();
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true, env: { ...process.env, PORTAL_PORT: String(portalPort) } });
  const baseUrl = `http://127.0.0.1:${port}/`;
  await waitForServer(baseUrl, server);
  project.provide('baseUrl', baseUrl);
  project.provide('portalAccounts', portal.accounts);
  return () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    if (portal.child.pid) process.kill(-portal.child.pid, 'SIGTERM');
    rmSync(portal.dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    portalAccounts: Record<string, { email: string; password: string }>;
  }
}
