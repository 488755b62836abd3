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
  const settings = { ...proposalSettings(demo, levelId), existingAps: 'remplacer' as const };
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

  it('keeps every proposed AP at least 0.5 m from every wall of the level (the default)', () => {
    expect(proposalSettings(demo, levelId).minWallDistanceM).toBe(0.5);
    const walls = demo.walls.filter((wall) => wall.levelId === levelId);
    for (const point of proposal.positions) {
      for (const wall of walls) {
        const [ax, ay, bx, by] = [wall.from.xM, wall.from.yM, wall.to.xM, wall.to.yM];
        const t = Math.max(0, Math.min(1, ((point.x - ax) * (bx - ax) + (point.y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
        expect(Math.hypot(point.x - ax - t * (bx - ax), point.y - ay - t * (by - ay))).toBeGreaterThanOrEqual(0.5 - 1e-9);
      }
    }
  });
});

describe('the level’s APs already placed', () => {
  const placed = demo.accessPoints.filter((ap) => ap.levelId === levelId);

  it('are kept by default: the placement counts them and the proposal only adds, with names after theirs', () => {
    const settings = proposalSettings(demo, levelId);
    expect(settings.existingAps).toBe('completer');
    const input = proposalInput(demo, levelId, settings);
    expect(new Set(input.fixed.map((radio) => radio.apId))).toEqual(new Set(placed.map((ap) => ap.id)));
    // A zone the five demo APs cannot serve on its own: the proposal must add APs beside them.
    const far = structuredClone(demo);
    far.coverageZones.push({ ...far.coverageZones[0]!, id: 'zone-lointaine', name: 'Annexe', polygon: [{ xM: 300, yM: 300 }, { xM: 320, yM: 300 }, { xM: 320, yM: 315 }, { xM: 300, yM: 315 }] });
    far.walls.push({ ...far.walls[0]!, id: 'mur-annexe', from: { xM: 300, yM: 300 }, to: { xM: 320, yM: 300 } });
    const farSettings = proposalSettings(far, levelId);
    const added = proposeLevelPlan(sceneFromProject(far), proposalInput(far, levelId, farSettings));
    expect(added.positions.length).toBeGreaterThan(0);
    const store = createDocumentStore();
    store.getState().open(far);
    const action = applyProposal(far, levelId, added, farSettings, (() => { let n = 0; return () => `ajout-${++n}`; })(), 'Appliquer');
    store.getState().change(action.label, action.recipe);
    const after = store.getState().document!.accessPoints.filter((ap) => ap.levelId === levelId);
    expect(after).toHaveLength(placed.length + added.positions.length);
    for (const ap of placed) expect(after.find((candidate) => candidate.id === ap.id)).toEqual(ap);
    const names = after.map((ap) => ap.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are replaced, except the locked ones, when the user asks', () => {
    const locked = structuredClone(demo);
    locked.accessPoints[0]!.locked = true;
    const settings = { ...proposalSettings(locked, levelId), existingAps: 'remplacer' as const };
    expect(proposalInput(locked, levelId, settings).fixed.map((radio) => radio.apId)).toEqual(locked.accessPoints[0]!.radios.map(() => locked.accessPoints[0]!.id));
    const proposal = proposeLevelPlan(sceneFromProject(locked), proposalInput(locked, levelId, settings));
    const store = createDocumentStore();
    store.getState().open(locked);
    const action = applyProposal(locked, levelId, proposal, settings, (() => { let n = 0; return () => `neuve-${++n}`; })(), 'Appliquer');
    store.getState().change(action.label, action.recipe);
    const after = store.getState().document!.accessPoints.filter((ap) => ap.levelId === levelId);
    expect(after).toHaveLength(1 + proposal.positions.length);
    expect(after[0]!.id).toBe(locked.accessPoints[0]!.id);
  });

  it('the preview the check computes is the study « Appliquer » produces, ids apart', async () => {
    const { proposalPreview } = await import('../../src/engine/proposal-check.ts');
    const settings = { ...proposalSettings(demo, levelId), existingAps: 'remplacer' as const };
    const proposal = proposeLevelPlan(sceneFromProject(demo), proposalInput(demo, levelId, settings));
    const { preview, addedApIds } = proposalPreview(demo, levelId, proposal, settings);
    expect(addedApIds).toHaveLength(proposal.positions.length);
    const store = createDocumentStore();
    store.getState().open(demo);
    let n = 0;
    const action = applyProposal(demo, levelId, proposal, settings, () => `apercu-${++n}`, 'Appliquer');
    store.getState().change(action.label, action.recipe);
    expect(preview.accessPoints).toEqual(store.getState().document!.accessPoints);
  });
});
