import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const file = resolve(import.meta.dirname, '../../fixtures/plans/protege.pdf');

describe('password-protected PDF fixture', () => {
  it('is refused by pdf.js without its password and opens with it (the fixture really is protected)', async () => {
    const error = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)) }).promise.then(
      () => null,
      (reason: unknown) => reason as { name?: string },
    );
    expect(error?.name).toBe('PasswordException');
    const opened = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), password: 'secret' }).promise;
    expect(opened.numPages).toBe(1);
  });
});
