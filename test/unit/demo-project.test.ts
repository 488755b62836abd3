import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoPackage } from '../../scripts/demo/build-demo-package.ts';
import { unpackProject } from '../../src/io/project-package.ts';
import { levelStatistics } from '../../src/model/level-statistics.ts';
import { surfaceTier } from '../../src/model/surface-tier.ts';

const shipped = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../public/demo/palais-de-justice.ondeplan')));

describe('demo study', () => {
  it('the shipped file is exactly what scripts/generate-demo.ts produces', async () => {
    const { bytes } = await buildDemoPackage();
    expect(Buffer.from(bytes).equals(Buffer.from(shipped))).toBe(true);
  });

  it('opens through the import path with its plan', async () => {
    const { document, assets } = await unpackProject(shipped);
    expect(assets.size).toBe(1);
    const plan = new TextDecoder().decode([...assets.values()][0]);
    expect(plan.startsWith('<svg')).toBe(true);
    expect(document.levels[0]!.plan!.widthUnits * document.levels[0]!.metersPerUnit!).toBeCloseTo(42, 9);
  });

  it('covers 755 m² (12×8 + 28×8 + 40×3 + 35×9), the 501–1000 m² tier', async () => {
    const { document } = await unpackProject(shipped);
    const [level] = levelStatistics(document);
    expect(level!.coverageAreaM2).toBeCloseTo(755, 9);
    expect(surfaceTier(level!.coverageAreaM2)).toBe('from501to1000');
    expect(level!.enabledRadioCount).toBe(10);
  });

  it('every AP sits inside the building and off the exclusion zone', async () => {
    const { document } = await unpackProject(shipped);
    for (const ap of document.accessPoints) {
      expect(ap.position.xM).toBeGreaterThan(1);
      expect(ap.position.xM).toBeLessThan(41);
      expect(ap.position.yM).toBeGreaterThan(1);
      expect(ap.position.yM).toBeLessThan(21);
      expect(ap.position.xM < 36 || ap.position.yM < 12).toBe(true);
    }
  });
});
