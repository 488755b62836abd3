// `npm start`: the study app (Vite) and the tracking portal (embedded PostgreSQL, demo data at first start) side by
// side; Ctrl+C stops both. The study app works without the portal.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['scripts/run-ts.mjs', 'server/src/main.ts'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--open=false'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  if (code && code !== 0) console.error(`Un des serveurs s’est arrêté (code ${code}).`);
});
