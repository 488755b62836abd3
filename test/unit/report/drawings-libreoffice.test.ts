/**
 * The ODG and VSDX implantation plans open in LibreOffice Draw as the administration would open them: each file is
 * converted headlessly to PDF (`soffice --headless --convert-to pdf`) and the result must be an A3 page whose text
 * holds every AP of the level, the title and the title block.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeReportResources } from '../../../scripts/report-resources.ts';
import { unpackProject } from '../../../src/io/project-package.ts';
import { generateDeliverables } from '../../../src/report/deliverables.ts';

const root = resolve(import.meta.dirname, '../../..');
const study = await unpackProject(new Uint8Array(readFileSync(resolve(root, 'fixtures/projects/tribunal-trois-niveaux.ondeplan'))));
const { files } = await generateDeliverables(study.document, await nodeReportResources(), { now: new Date('2026-11-20T16:00:00Z'), assets: study.assets, documents: [] });

describe('plans modifiables ODG et VSDX ouverts par LibreOffice Draw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ondeplan-draw-'));
  const drawings = files.filter((file) => /\.(odg|vsdx)$/.test(file.name));
  for (const file of drawings) writeFileSync(join(dir, file.name), file.bytes);

  it.each(['odg', 'vsdx'])('chaque plan %s se convertit en PDF A3 qui nomme toutes les bornes de son niveau', (extension) => {
    const out = join(dir, extension);
    const inputs = drawings.filter((file) => file.name.endsWith(`.${extension}`)).map((file) => join(dir, file.name));
    expect(inputs).toHaveLength(3);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, `profil-${extension}`)}`, '--convert-to', 'pdf', '--outdir', out, ...inputs], { stdio: 'pipe', timeout: 180_000 });
    expect(readdirSync(out).sort()).toEqual(inputs.map((input) => input.split('/').pop()!.replace(/\.(odg|vsdx)$/, '.pdf')).sort());
    for (const level of study.document.levels) {
      const name = readdirSync(out).find((candidate) => candidate.startsWith('plan-implantation-') && candidate.includes(String(study.document.levels.indexOf(level) + 1).padStart(2, '0')))!;
      const pdf = join(out, name);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Plan d’implantation — ${level.name}`);
      for (const ap of study.document.accessPoints.filter((candidate) => candidate.levelId === level.id)) expect(text, `${name} : ${ap.name}`).toContain(ap.name);
      expect(text).toContain('Échelle');
    }
  }, 240_000);
});
