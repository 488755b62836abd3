import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeSpaceLossDb } from '../../propagation/models/free-space.ts';

const root = resolve(import.meta.dirname, '../..');
const demo = resolve(root, 'public/demo/palais-de-justice.ondeplan');
const level = 'demo-palais-de-justice-niveau-1';
const run = (...args: string[]) => spawnSync('node', ['scripts/run-ts.mjs', 'scripts/engine-cli.ts', ...args], { cwd: root, encoding: 'utf8' });

function readGrid(path: string) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 4).toString()).toBe('ODPG');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 8 + headerLength, bytes.byteOffset + bytes.length));
  return { header, values };
}

describe('npm run engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ondeplan-cli-'));

  it('--help prints the usage on stdout and exits 0; an unknown option exits 2 with the usage on stderr', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Utilisation :\n {2}npm run engine -- predict/);
    expect(help.stderr).toBe('');
    const unknown = run('predict', demo, '--niveau', level);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/Option inconnue « --niveau »\.\nUtilisation :/);
  });

  it('predict writes a float32 grid with its JSON header, reading the .ondeplan file', () => {
    const out = join(dir, 'rssi.f32');
    const result = run('predict', demo, '--level', level, '--band', '5', '--layer', 'rssi', '--out', out, '--resolution', '0.5');
    expect(result.status).toBe(0);
    const { header, values } = readGrid(out);
    expect(header).toMatchObject({ format: 'ondeplan-grid', levelId: level, band: '5', layer: 'rssi', unit: 'dBm', resolutionM: 0.5, nx: 84, ny: 44 });
    expect(values).toHaveLength(84 * 44);
    // The cell under AP-N1-02 (level frame (17, 10.5), 2.8 m high, 17 dBm + 5 dBi, channel 52 at 40 MHz → 5270 MHz)
    // sees it at 1.8 m through no wall: 22 − FSPL(1.8 m) at least, more if another AP is stronger (none is).
    const column = Math.floor(17 / 0.5);
    const row = Math.floor(10.5 / 0.5);
    const distance = Math.hypot(17 - (column + 0.5) * 0.5, 10.5 - (row + 0.5) * 0.5, 1.8);
    expect(values[row * 84 + column]).toBeCloseTo(22 - freeSpaceLossDb(distance, 5270), 2);
  });

  it('predict writes CSV and PNG by extension', () => {
    expect(run('predict', demo, '--level', level, '--band', '2.4', '--layer', 'sinr', '--out', join(dir, 'sinr.csv'), '--resolution', '1').status).toBe(0);
    const csv = readFileSync(join(dir, 'sinr.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('x_m,y_m,valeur');
    expect(csv).toHaveLength(1 + 42 * 22);
    expect(run('predict', demo, '--level', level, '--band', '5', '--layer', 'overlap', '--out', join(dir, 'overlap.png'), '--resolution', '1').status).toBe(0);
    expect(readFileSync(join(dir, 'overlap.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('predict gives the pass/fail layer against the level’s zones: codes 0–5 inside them, no value outside', () => {
    expect(run('predict', demo, '--level', level, '--band', '5', '--layer', 'requirement', '--out', join(dir, 'exigences.csv'), '--resolution', '1').status).toBe(0);
    const rows = readFileSync(join(dir, 'exigences.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
    // The demo's zones cover 1–41 × 1–21 m minus the stair core (36–41 × 12–21): cell centres inside them are coded.
    const inZones = ([x, y]: number[]) => x! > 1 && x! < 41 && y! > 1 && y! < 21 && !(x! > 36 && y! > 12);
    for (const row of rows) {
      if (inZones(row)) expect([0, 1, 2, 3, 4, 5]).toContain(row[2]);
      else expect(row[2]).toBe(-200);
    }
    expect(rows.filter((row) => row[2] === 0).length).toBeGreaterThan(0.9 * rows.filter(inZones).length);
  });

  it('points prints every radio at every point and counts the lines it rejects', () => {
    const points = join(dir, 'points.csv');
    writeFileSync(points, `niveau,x,y\n${level},7,5\n${level},20,10\nniveau-inconnu,1,1\n${level},abc,2\n`);
    const result = run('points', demo, '--points', points);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('niveau,x_m,y_m,borne,radio,bande,canal,rssi_dbm');
    expect(lines).toHaveLength(1 + 2 * 10);
    expect(result.stderr).toContain('2 lignes ignorées');
  });

  it('reads a plain project.json too, and explains bad arguments in French', () => {
    const json = join(dir, 'project.json');
    const noAssets = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(demo)))['project.json']!));
    noAssets.assets = [];
    noAssets.levels[0].plan = null;
    writeFileSync(json, JSON.stringify(noAssets));
    expect(run('predict', json, '--level', level, '--band', '5', '--layer', 'rssi', '--out', join(dir, 'plain.f32')).status).toBe(0);
    const bad = run('predict', demo, '--level', level, '--band', '7', '--layer', 'rssi', '--out', join(dir, 'x.f32'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Bande inconnue « 7 »');
    const huge = run('predict', demo, '--level', level, '--band', '5', '--layer', 'rssi', '--out', join(dir, 'x.f32'), '--resolution', '0.0001');
    expect(huge.status).toBe(1);
    expect(huge.stderr).toContain('La grille de calcul serait trop grande');
  });
});
