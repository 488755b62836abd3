import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeLevelPlan } from '../../propagation/planning/propose-plan.ts';
import { isLegalChannel } from '../../propagation/radio/channels.ts';
import { applyProposal } from '../../src/actions/apply-proposal.ts';
import { proposalInput, proposalSettings } from '../../src/engine/proposal-input.ts';
import { sceneFromProject } from '../../src/engine/scene-from-project.ts';
import { parseProjectJson, parseProjectValue } from '../../src/model/parse-project.ts';
import { createDocumentStore } from '../../src/store/document-store.ts';

const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/project-format/v1-demo.json'), 'utf8'));
const levelId = demo.levels[0]!.id;

describe('one-click proposal on the demo study', () => {
  const settings = proposalSettings(demo, levelId);
  const input = proposalInput(demo, levelId, settings);
  const proposal = proposeLevelPlan(sceneFromProject(demo), input);

  it('uses the level’s model and radio settings', () => {
    expect(settings.model.id).toBe('ap-wifi6-2x2');
    expect(settings.mountingHeightM).toBe(2.8);
    expect(settings.powerDbm['5']).toBe(17);
    expect(settings.widthMHz).toMatchObject({ '2.4': 20, '5': 40 });
  });

  it('meets every zone on 95 % of its area with no more APs than greedy, on legal channels', () => {
    expect(proposal.met).toBe(true);
    for (const share of proposal.zoneShares) expect(share).toBeGreaterThanOrEqual(0.95);
    expect(proposal.positions.length).toBeLessThanOrEqual(proposal.baselineCount);
    expect(proposal.positions.length).toBeGreaterThanOrEqual(1);
    for (const channel of proposal.channels['2.4']!) expect([1, 6, 11]).toContain(channel);
    for (const channel of proposal.channels['5']!) expect(isLegalChannel('5', channel)).toBe(true);
    // The exclusion zone (stair and lift core, level frame x 36–41, y 12–21) gets no AP.
    for (const point of proposal.positions) expect(point.x > 36 && point.y > 12).toBe(false);
  });

  it('places for the strictest criterion: on 40 MHz the 20 dB SNR of « Données » asks −90.98 + 20 dBm, above −72', () => {
    const zones = demo.coverageZones.filter((zone) => zone.levelId === levelId);
    zones.forEach((zone, index) => {
      const profile = demo.requirementProfiles.find((candidate) => candidate.id === zone.requirementProfileId)!;
      const noise = -174 + 10 * Math.log10(40e6) + 7;
      const expected = Math.max(profile.minPrimaryRssiDbm, noise + profile.minSnrDb);
      expect(input.zones[index]!.minPrimaryRssiDbm).toBeCloseTo(expected, 6);
      expect(input.signalDrivers[index]).toBe(noise + profile.minSnrDb > profile.minPrimaryRssiDbm ? 'snr' : 'signal');
    });
    expect(input.signalDrivers).toContain('snr');
    // The final check with the heatmap's layers on the driving band: signal and SNR both met on 95 % of each zone.
    const five = proposal.verification.find((entry) => entry.band === '5')!;
    for (const statistics of five.zones) {
      expect(statistics.primary).toBeGreaterThanOrEqual(0.95);
      expect(statistics.snr).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('applying it is one undoable change that keeps the document valid', () => {
    const store = createDocumentStore();
    store.getState().open(demo);
    let counter = 0;
    const action = applyProposal(demo, levelId, proposal, settings, () => `nouvelle-${++counter}`, 'Appliquer');
    store.getState().change(action.label, action.recipe);
    const after = store.getState().document!;
    expect(after.accessPoints).toHaveLength(proposal.positions.length);
    expect(after.accessPoints[0]!.radios.map((radio) => radio.band).sort()).toEqual(['2.4', '5']);
    expect(parseProjectValue(after).accessPoints).toHaveLength(proposal.positions.length);
    store.getState().undo();
    expect(store.getState().document).toBe(demo);
  });
});
