/**
 * Calibration across floors on the three-level fixture: readings of every AP (ground, first and second floors) at
 * points of the first floor, computed by the engine on a copy of the study whose slab loses 22 dB and plaster board
 * 6 dB at 5 GHz; the study itself says 16 and 4 dB. The audit's observations (its own geometry: storeys' walls on
 * their part of the path, slabs by floor type) and the calibration must find the copy's values back.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../../propagation/calibration/fit-model.ts';
import { computeApFields } from '../../../propagation/field/ap-fields.ts';
import { pointGrid } from '../../../propagation/scene/point-grid.ts';
import { auditObservations, calibrationOptions } from '../../../src/audit/survey-observations.ts';
import { sceneFromProject } from '../../../src/engine/scene-from-project.ts';
import { unpackProject } from '../../../src/io/project-package.ts';

async function calibratedFixture(withStairwells: boolean) {
    const { document } = await unpackProject(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../fixtures/projects/tribunal-trois-niveaux.ondeplan'))));
    // Openings are left to the engine's own model; the audit geometry does not model them (docs/audit.md).
    document.openings = [];
    if (withStairwells) {
      // A 6 × 8 m atrium through the first and second floors' slabs, in the middle of the building.
      for (const level of document.levels.slice(1)) document.slabOpenings.push({ id: `atrium-${level.id}`, levelId: level.id, name: 'Atrium', polygon: [{ xM: 17, yM: 6 }, { xM: 23, yM: 6 }, { xM: 23, yM: 14 }, { xM: 17, yM: 14 }] });
    }
    const truth = structuredClone(document);
    truth.materials.find((material) => material.id === 'mat-dalle')!.lossDb['5'] = 22;
    truth.materials.find((material) => material.id === 'mat-placo')!.lossDb['5'] = 6;
    const scene = sceneFromProject(truth);
    const firstFloor = document.levels[1]!.id;
    const radios = scene.radios.filter((radio) => radio.band === '5');
    const points = [];
    for (let x = 3; x < 40; x += 3) for (let y = 2; y < 20; y += 3) points.push({ x, y });
    document.surveys.push({
      id: 'releve-synthetique',
      levelId: firstFloor,
      name: 'Relevé calculé',
      source: 'moteur',
      deviceOffsetDb: 0,
      points: points.map((point) => ({
        position: { xM: point.x, yM: point.y },
        time: null,
        active: null,
        readings: radios
          .map((radio) => ({ bssid: truth.accessPoints.find((ap) => ap.id === radio.apId)!.name, ssid: 'JUSTICE', band: '5' as const, channel: radio.channel, widthMHz: null, rssiDbm: Math.round(computeApFields(scene, [radio], firstFloor, pointGrid(point.x, point.y))[0]![0]! * 10) / 10, noiseDbm: null }))
          .filter((reading) => reading.rssiDbm > -95),
      })),
    });

    const audit = auditObservations(document, firstFloor, '5');
    return { audit, firstFloor };
}

describe('calibration across floors (three-level fixture)', () => {
  it('recovers the slab loss and the plaster board loss within 1 dB from APs on all three levels; held-out errors by point and by AP fall', async () => {
    const { audit } = await calibratedFixture(false);
    expect(new Set(audit.aps.map((ap) => ap.levelId)).size).toBe(3);
    const options = calibrationOptions(audit);
    expect(options.fitSlabs).toEqual([true]);
    expect(options.shareApLevels).toBe(true);
    const result = crossValidate(audit.observations, audit.prior, options, 5);
    expect(audit.prior.slabLossDb).toEqual([16]);
    expect(Math.abs(result.fitted.slabLossDb![0]! - 22)).toBeLessThan(1);
    expect(Math.abs(result.fitted.materialLossDb[audit.materialIds.indexOf('mat-placo')]! - 6)).toBeLessThan(1);
    expect(result.after.rmseDb).toBeLessThan(result.before.rmseDb / 2);
    expect(result.byAp.aps).toBe(audit.aps.length);
    expect(result.byAp.after.rmseDb).toBeLessThan(result.byAp.before.rmseDb / 2);
    // Each reading's held-out prediction (what the 3D view's ± uses) gives back the held-out error.
    const residuals = audit.observations.map((observation, index) => observation.measuredDbm - result.heldOutDbm[index]!);
    expect(residuals.every(Number.isFinite)).toBe(true);
    expect(Math.sqrt(residuals.reduce((sum, value) => sum + value * value, 0) / residuals.length)).toBeCloseTo(result.after.rmseDb, 9);
  });

  it('with an atrium through two slabs, paths through it pay no slab in the observations and the slab loss is still found within 1 dB', async () => {
    const { audit } = await calibratedFixture(true);
    const slabsPaid = audit.observations.map((observation) => observation.floors?.[0] ?? 0);
    const closed = (await calibratedFixture(false)).audit.observations.map((observation) => observation.floors?.[0] ?? 0);
    // Same readings, same order: some paths that crossed a slab now go through the atrium.
    expect(slabsPaid.filter((weight, index) => weight < closed[index]!).length).toBeGreaterThan(10);
    const result = crossValidate(audit.observations, audit.prior, calibrationOptions(audit), 5);
    expect(Math.abs(result.fitted.slabLossDb![0]! - 22)).toBeLessThan(1);
    expect(Math.abs(result.fitted.materialLossDb[audit.materialIds.indexOf('mat-placo')]! - 6)).toBeLessThan(1);
  });
});
