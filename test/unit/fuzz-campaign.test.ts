/**
 * The robustness campaign on every CI run: a few hundred mutated project files, plans and surveys with a fixed seed
 * (`npm run fuzz` runs thousands). Nothing read may be refused later, nothing may crash or run past its budget.
 */
import { describe, expect, it } from 'vitest';
import { runCampaign, summarise } from '../../scripts/fuzz/campaign.ts';
import { loadCampaignInput } from '../../scripts/fuzz/campaign-input.ts';

describe('robustness campaign (fixed seed)', () => {
  it('320 mutated inputs: clean French errors or valid results, never invalid, crashed or slow', async () => {
    const results = await runCampaign(await loadCampaignInput(), { seed: 1129, cases: 320 });
    const summary = summarise(results);
    console.log(`campagne : ${JSON.stringify(summary)}`);
    const bad = results.filter((result) => ['accepted-invalid', 'crash', 'slow'].includes(result.outcome));
    expect(bad.map((result) => `${result.outcome} ${result.family}: ${result.detail}`)).toEqual([]);
    // The mutations reach both sides, or the campaign says nothing.
    expect(summary['clean-error']).toBeGreaterThan(50);
    expect(summary['accepted-valid']).toBeGreaterThan(50);
  }, 120_000);
});
