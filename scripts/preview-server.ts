/** The production build served by `vite preview` on a free loopback port, for the e2e suite and the editor bench. */
import { spawn } from 'node:child_process';
import { freePort } from './portal-process.ts';

export interface PreviewServer {
  url: string;
  stop: () => void;
}

/** Starts `vite preview` on `dist/` and resolves once it answers; `env` reaches the server (e.g. PORTAL_PORT). */
export async function startPreviewServer(root: string, env: NodeJS.ProcessEnv = process.env): Promise<PreviewServer> {
  const port = await freePort();
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true, env });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) throw new Error('vite preview stopped');
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  stop();
  throw new Error(`${url} did not answer`);
}
