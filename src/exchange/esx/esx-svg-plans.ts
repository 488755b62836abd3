/**
 * The last step of an `.esx` or IFC import, where a DOM exists (the page): each SVG plan goes through Ondeplan's SVG
 * sanitiser like an SVG imported by hand; a refused one gives way to the floor's bitmap, or the level keeps no plan.
 * Assets no level uses any more are dropped.
 */
import type { DOMPurify as Purifier } from 'dompurify';
import { t } from '../../i18n/index.ts';
import { sanitizeSvg } from '../../import/plan/svg-safety.ts';
import { sha256Hex } from '../../io/sha256.ts';
import type { ConvertedImport as EsxImport } from '../converted-import.ts';

export async function settleSvgPlans(result: EsxImport, purifier?: Purifier): Promise<EsxImport> {
  const { document, assets } = result;
  const report = { ...result.report, notImported: [...result.report.notImported] };
  let refused = 0;
  for (const plan of result.svgPlans) {
    const level = document.levels.find((candidate) => candidate.id === plan.levelId);
    const bytes = assets.get(plan.sha256);
    if (!level?.plan || !bytes) continue;
    const { svg, refusal } = purifier ? sanitizeSvg(new TextDecoder().decode(bytes), purifier) : sanitizeSvg(new TextDecoder().decode(bytes));
    if (!refusal) {
      const clean = new TextEncoder().encode(svg);
      const sha256 = await sha256Hex(clean);
      assets.set(sha256, clean);
      const asset = document.assets.find((candidate) => candidate.sha256 === plan.sha256)!;
      if (!document.assets.some((candidate) => candidate.sha256 === sha256)) document.assets.push({ ...asset, sha256, byteLength: clean.byteLength });
      level.plan.assetSha256 = sha256;
      continue;
    }
    refused++;
    level.plan = plan.fallback ? { ...level.plan, format: 'image', assetSha256: plan.fallback.sha256 } : null;
  }
  if (refused > 0) report.notImported.push({ what: t('exchange.esx.left.svgRefused.what'), count: refused, why: t('exchange.esx.left.svgRefused.why'), fix: t('exchange.esx.left.svgRefused.fix') });
  const used = new Set(document.levels.flatMap((level) => (level.plan ? [level.plan.assetSha256] : [])));
  document.assets = document.assets.filter((asset) => used.has(asset.sha256));
  for (const sha256 of [...assets.keys()]) if (!used.has(sha256)) assets.delete(sha256);
  return { ...result, report, svgPlans: [] };
}
