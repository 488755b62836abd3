/**
 * The robustness campaign, long: `npm run fuzz -- [--seed N] [--cases N]`. Prints the figures by outcome and family,
 * and the first cases of each outcome that must not happen. Exits 1 when one did (accepted-invalid, crash, slow).
 */
import { runCampaign, summarise, type CaseResult } from './fuzz/campaign.ts';
import { loadCampaignInput } from './fuzz/campaign-input.ts';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const seed = argument('seed', 20261129);
const cases = argument('cases', 5000);
const started = performance.now();
const verbose = process.argv.includes('--verbose');
const results = await runCampaign(await loadCampaignInput(), { seed, cases, onCase: verbose ? (result) => console.error(`${result.family} ${result.outcome} ${Math.round(result.ms)} ms`) : undefined });
const byFamily = new Map<string, CaseResult[]>();
for (const result of results) byFamily.set(result.family, [...(byFamily.get(result.family) ?? []), result]);
console.log(`campagne : graine ${seed}, ${cases} cas, ${Math.round((performance.now() - started) / 1000)} s`);
console.log(JSON.stringify(summarise(results)));
for (const [family, list] of byFamily) console.log(`  ${family.padEnd(13)} ${JSON.stringify(summarise(list))}`);
const bad = results.filter((result) => result.outcome === 'accepted-invalid' || result.outcome === 'crash' || result.outcome === 'slow');
for (const result of bad.slice(0, 20)) console.log(`  ${result.outcome} ${result.family} (${Math.round(result.ms)} ms) : ${result.detail}`);
process.exit(bad.length > 0 ? 1 : 0);
