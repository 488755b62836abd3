/** Survey alignment from reference points and the signs that a survey does not belong to the study as placed. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignSurveyDataset } from '../../../src/audit/audit-actions.ts';
import { applySimilarity, similarityFromPairs } from '../../../src/audit/survey-alignment.ts';
import { surveyMismatch } from '../../../src/audit/survey-mismatch.ts';
import { auditObservations } from '../../../src/audit/survey-observations.ts';
import { predict } from '../../../propagation/calibration/fit-model.ts';
import { parseCsv } from '../../../src/import/survey/csv.ts';
import { readNetSpot } from '../../../src/import/survey/netspot-csv.ts';
import { parseProjectJson } from '../../../src/model/parse-project.ts';
import { createDocumentStore } from '../../../src/store/document-store.ts';

const fixtures = resolve(import.meta.dirname, '../../../fixtures');
const netspot = readNetSpot(parseCsv(readFileSync(resolve(fixtures, 'surveys/netspot-plainsboro/scan-points.csv'), 'utf8')));

describe('alignment from reference points', () => {
  it('one pair shifts; two pairs give the exact similarity (hand-computed: ×2, +90°, shift (10, 5))', () => {
    expect(similarityFromPairs([{ from: { x: 1, y: 2 }, to: { x: 4, y: -1 } }])!.transform).toEqual({ scale: 1, rotationRad: 0, tx: 3, ty: -3 });
    const { transform, residualsM } = similarityFromPairs([
      { from: { x: 0, y: 0 }, to: { x: 10, y: 5 } },
      { from: { x: 1, y: 0 }, to: { x: 10, y: 7 } },
    ])!;
    expect(transform.scale).toBeCloseTo(2, 12);
    expect(transform.rotationRad).toBeCloseTo(Math.PI / 2, 12);
    // (0, 1) turned by 90° and doubled is (−2, 0), shifted: (8, 5).
    const third = applySimilarity(transform, { x: 0, y: 1 });
    expect(third.x).toBeCloseTo(8, 12);
    expect(third.y).toBeCloseTo(5, 12);
    expect(residualsM.every((residual) => residual < 1e-12)).toBe(true);
    expect(similarityFromPairs([{ from: { x: 1, y: 1 }, to: { x: 0, y: 0 } }, { from: { x: 1, y: 1 }, to: { x: 5, y: 5 } }])).toBeNull();
  });

  it('three or more pairs: least squares, and a wrong click stands out in its residual', () => {
    const truth = { scale: 1.5, rotationRad: (30 * Math.PI) / 180, tx: 12, ty: -4 };
    const from = [{ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 0, y: 15 }, { x: 20, y: 15 }];
    const exact = similarityFromPairs(from.map((point) => ({ from: point, to: applySimilarity(truth, point) })))!;
    expect(exact.transform.scale).toBeCloseTo(1.5, 12);
    expect(exact.transform.rotationRad).toBeCloseTo(truth.rotationRad, 12);
    const wrong = similarityFromPairs(from.map((point, index) => ({ from: point, to: { ...applySimilarity(truth, point), x: applySimilarity(truth, point).x + (index === 2 ? 3 : 0) } })))!;
    expect(Math.max(...wrong.residualsM)).toBe(wrong.residualsM[2]);
    expect(wrong.residualsM[2]).toBeGreaterThan(1);
  });

  it('aligns the real NetSpot survey (Plainsboro, ground floor) moved onto a plan: three of its points clicked, every point lands', () => {
    const ground = netspot.datasets[0]!;
    // The plan's frame: the survey grid turned by −12°, at 0.8 plan metres per survey metre, shifted.
    const truth = { scale: 0.8, rotationRad: (-12 * Math.PI) / 180, tx: 40, ty: 25 };
    const chosen = [0, 11, 30].map((index) => ground.points[index]!.position);
    const alignment = similarityFromPairs(chosen.map((p) => ({ from: { x: p.xM, y: p.yM }, to: applySimilarity(truth, { x: p.xM, y: p.yM }) })))!;
    const document = parseProjectJson(readFileSync(resolve(fixtures, 'project-format/v4-demo.json'), 'utf8'));
    document.surveys.push({ id: 'releve-netspot', levelId: document.levels[0]!.id, name: 'Ground', source: 'NetSpot', deviceOffsetDb: 0, points: ground.points });
    const store = createDocumentStore();
    store.getState().open(document);
    const action = alignSurveyDataset('releve-netspot', alignment.transform, 'Aligner');
    store.getState().change(action.label, action.recipe);
    const moved = store.getState().document!.surveys.find((dataset) => dataset.id === 'releve-netspot')!.points;
    ground.points.forEach((point, index) => {
      const expected = applySimilarity(truth, { x: point.position.xM, y: point.position.yM });
      expect(moved[index]!.position.xM).toBeCloseTo(expected.x, 9);
      expect(moved[index]!.position.yM).toBeCloseTo(expected.y, 9);
    });
    store.getState().undo();
    expect(store.getState().document!.surveys.find((dataset) => dataset.id === 'releve-netspot')!.points[5]!.position).toEqual(ground.points[5]!.position);
  });
});

describe('a survey that does not belong to the study', () => {
  it('flags unknown BSSIDs over half, readings without BSSID, and a systematic error over 10 dB (hand-made)', () => {
    expect(surveyMismatch({ withBssid: 10, unknownBssid: 6, withoutBssid: 0, measuredDbm: [-60], predictedDbm: [-58] }).warnings).toEqual(['bssid-inconnus']);
    expect(surveyMismatch({ withBssid: 10, unknownBssid: 5, withoutBssid: 0, measuredDbm: [-60], predictedDbm: [-58] }).warnings).toEqual([]);
    const far = surveyMismatch({ withBssid: 0, unknownBssid: 0, withoutBssid: 4, measuredDbm: [-80, -70], predictedDbm: [-60, -62] });
    expect(far.meanErrorDb).toBe(-14);
    expect(far.warnings).toEqual(['sans-bssid', 'ecart-systematique']);
    // Centred but scattered: errors +16 and −16 dB, RMSE 16 > 15.
    expect(surveyMismatch({ withBssid: 2, unknownBssid: 0, withoutBssid: 0, measuredDbm: [-44, -76], predictedDbm: [-60, -60] }).warnings).toEqual(['ecart-disperse']);
  });

  it('the NetSpot survey of another building dropped on the demo courthouse is flagged', () => {
    const document = parseProjectJson(readFileSync(resolve(fixtures, 'project-format/v4-demo.json'), 'utf8'));
    const levelId = document.levels[0]!.id;
    document.surveys.push({ id: 'autre-site', levelId, name: 'Ground', source: 'NetSpot', deviceOffsetDb: 0, points: netspot.datasets[0]!.points });
    const audit = auditObservations(document, levelId, '5');
    const mismatch = surveyMismatch({ ...audit.readings, measuredDbm: audit.observations.map((o) => o.measuredDbm), predictedDbm: audit.observations.map((o) => predict(audit.prior, o)) });
    expect(audit.readings.withoutBssid).toBeGreaterThan(30);
    expect(mismatch.warnings).toContain('sans-bssid');
    // 5 GHz: mean error +5.1 dB but RMSE 16.1 dB (the issue measured 16.5 dB on its own placement).
    expect(mismatch.rmseDb).toBeGreaterThan(15);
    expect(mismatch.warnings).toContain('ecart-disperse');
  });
});
