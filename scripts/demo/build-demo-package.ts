import { packProject } from '../../src/io/project-package.ts';
import { sha256Hex } from '../../src/io/sha256.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { demoPlanSvg, demoProject } from './demo-floor.ts';

export const DEMO_EXPORTED_AT = new Date('2026-11-02T09:00:00.000Z');

export async function buildDemoPackage(): Promise<{ bytes: Uint8Array; document: ProjectDocument; plan: Uint8Array }> {
  const plan = new TextEncoder().encode(demoPlanSvg());
  const sha = await sha256Hex(plan);
  const document = demoProject(sha, plan.byteLength);
  const bytes = packProject(document, new Map([[sha, plan]]), DEMO_EXPORTED_AT);
  return { bytes, document, plan };
}
