import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../src/i18n/index.ts';
import { fr } from '../../src/i18n/fr.ts';

const srcDir = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function resolves(key: string): boolean {
  let node: unknown = fr;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string';
}

describe('French texts', () => {
  it('every literal t() key used in src/ exists in fr', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) {
        if (!resolves(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('fills placeholders and formats numbers the French way', () => {
    expect(t('units.m2', { value: 1234.5 })).toBe('1\u202f234,5 m²');
    expect(t('projects.copyTitle', { title: 'TJ' })).toBe('TJ (copie)');
  });

  it('shows the key itself for a missing text, so a gap is visible', () => {
    expect(t('nope.nothing' as MessageKey)).toBe('nope.nothing');
  });
});
