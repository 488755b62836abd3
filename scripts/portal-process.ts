/**
 * The tracking portal as its own process (as `npm run portal` starts it), on a fresh PGlite folder or a given
 * PostgreSQL, on a free loopback port; its demo accounts' generated passwords read from what it prints. Used by the
 * end-to-end tests and the portal's load bench. PORTAL_NODE_FLAGS adds Node options (e.g. `--cpu-prof` to profile it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The repository's root: scripts run bundled from a cache folder, so not their own folder.
const root = process.cwd();

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('aucun port libre');
  return address.port;
}

export interface PortalProcess {
  child: ChildProcess;
  port: number;
  base: string;
  accounts: Record<string, { email: string; password: string }>;
  stop(): void;
}

export async function startPortalProcess(options: { databaseUrl?: string } = {}): Promise<PortalProcess> {
  const port = await freePort();
  const dataDir = options.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'ondeplan-portail-'));
  const env = { ...process.env, PORTAL_PORT: String(port), ...(dataDir ? { PORTAL_DATA_DIR: dataDir } : { DATABASE_URL: options.databaseUrl }) };
  const child = spawn(process.execPath, [...(process.env.PORTAL_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), 'scripts/run-ts.mjs', 'server/src/main.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true, env });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  for (let attempt = 0; attempt < 600 && !output.includes('Portail de suivi sur'); attempt++) {
    if (child.exitCode !== null) throw new Error(`le portail s’est arrêté : ${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  const accounts: Record<string, { email: string; password: string }> = {};
  for (const match of output.matchAll(/^\s+(\S+)\s+(\S+@\S+)\s+(\S+)$/gm)) accounts[match[1]!] = { email: match[2]!, password: match[3]! };
  if (!accounts.relecteur) throw new Error(`comptes de démonstration introuvables dans : ${output}`);
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    accounts,
    stop: () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
