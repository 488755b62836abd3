/**
 * Importing an Ekahau project written from the documented `.esx` structure (scripts/fixtures/esx-two-floors.ts):
 * counts, positions to 1 cm, losses, alignment, the import report; and the committed fixture is what the generator
 * writes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { esxTwoFloors, floor1ToFloor0 } from '../../../scripts/fixtures/esx-two-floors.ts';
import { importEsx } from '../../../src/exchange/esx/esx-import.ts';
import { settleSvgPlans } from '../../../src/exchange/esx/esx-svg-plans.ts';
import { sceneFromProject } from '../../../src/engine/scene-from-project.ts';
import { parseProjectValue } from '../../../src/model/parse-project.ts';
import { documentProblems } from '../../../src/model/document-gate.ts';
import { packVerified } from '../../../src/io/package-codec.ts';
import type { Opening } from '../../../src/model/schema.ts';

const purifier = DOMPurify(new JSDOM('').window);
const fixture = esxTwoFloors();

async function imported() {
  return settleSvgPlans(await importEsx(fixture.bytes, { id: 'esx-test', now: new Date('2026-11-30T08:00:00Z') }), purifier);
}

describe('Ekahau .esx import', () => {
  it('the committed fixture is what scripts/fixtures/generate-esx.ts writes', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../fixtures/exchange/ekahau-deux-niveaux.esx'));
    expect(Buffer.compare(committed, Buffer.from(fixture.bytes))).toBe(0);
  });

  it('gives a study the gate accepts, with the expected levels, plans, slabs and alignment', async () => {
    const { document, assets } = await imported();
    expect(documentProblems(document)).toEqual([]);
    expect(parseProjectValue(JSON.parse(JSON.stringify(document))).id).toBe('esx-test');
    expect(document.study.title).toBe(fixture.expected.title);
    expect(document.study.site.entityName).toBe('Ministère de la Justice');
    expect(document.study.notes).toContain('Câblage à prévoir');
    const materials = new Map(document.materials.map((material) => [material.id, material]));
    fixture.expected.levels.forEach((expected, index) => {
      const level = document.levels[index]!;
      expect(level.name).toBe(expected.name);
      expect(level.elevationM).toBeCloseTo(expected.elevationM, 9);
      expect(level.floorToFloorHeightM).toBeCloseTo(expected.heightM, 9);
      expect(level.metersPerUnit).toBe(expected.metersPerUnit);
      expect(level.plan?.format).toBe(expected.planFormat);
      expect(level.plan?.widthUnits).toBe(expected.widthUnits);
      expect(assets.has(level.plan!.assetSha256)).toBe(true);
      const slab = materials.get(level.slabMaterialId)!.lossDb;
      for (const band of ['2.4', '5', '6'] as const) expect(slab[band]).toBeCloseTo(expected.slabLossDb[band], 9);
      if (expected.alignment) {
        expect(level.alignment!.offsetXM).toBeCloseTo(expected.alignment.offsetXM, 2);
        expect(level.alignment!.offsetYM).toBeCloseTo(expected.alignment.offsetYM, 2);
        expect(level.alignment!.rotationDeg).toBeCloseTo(expected.alignment.rotationDeg, 3);
      } else expect(level.alignment).toBeNull();
    });
    // The SVG went through the sanitiser and the bitmap behind it, now unused, is not kept.
    expect(new TextDecoder().decode(assets.get(document.levels[1]!.plan!.assetSha256)!)).toMatch(/^<svg/);
    expect(document.assets).toHaveLength(2);
    expect(document.levels[1]!.plan!.crop).toEqual({ x: 10, y: 10, width: 770, height: 590 });
  });

  it('places a point of the upper floor where the reference points say, to 1 cm', async () => {
    const { document } = await imported();
    const placements = new Map(sceneFromProject(document).levels.map((level) => [level.id, level.placement]));
    const upper = placements.get(document.levels[1]!.id)!;
    const lower = placements.get(document.levels[0]!.id)!;
    for (const point of [[10, 10], [30, 20], [0, 0]] as const) {
      const [x0, y0] = floor1ToFloor0([...point]);
      const bx = Math.cos(upper.rotationRad) * point[0] - Math.sin(upper.rotationRad) * point[1] + upper.txM - lower.txM;
      const by = Math.sin(upper.rotationRad) * point[0] + Math.cos(upper.rotationRad) * point[1] + upper.tyM - lower.tyM;
      expect(Math.hypot(bx - x0, by - y0)).toBeLessThan(0.01);
    }
  });

  it('turns wall types into materials (dB/m × thickness) and door and window segments into openings of their wall', async () => {
    const { document } = await imported();
    const byName = new Map(document.materials.map((material) => [material.name, material]));
    for (const [name, loss] of Object.entries(fixture.expected.materials)) for (const band of ['2.4', '5', '6'] as const) expect(byName.get(name)?.lossDb[band]).toBeCloseTo(loss[band], 6);
    expect(document.levels.map((level) => document.walls.filter((wall) => wall.levelId === level.id).length)).toEqual(fixture.expected.wallsPerLevel);
    const centre = (opening: Opening) => {
      const wall = document.walls.find((candidate) => candidate.id === opening.wallId)!;
      const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM);
      return [wall.from.xM + ((wall.to.xM - wall.from.xM) * opening.offsetM) / length, wall.from.yM + ((wall.to.yM - wall.from.yM) * opening.offsetM) / length];
    };
    for (const [kind, list] of [['porte', fixture.expected.doors], ['fenetre', fixture.expected.windows]] as const) {
      const openings = document.openings.filter((opening) => opening.kind === kind);
      expect(openings).toHaveLength(list.length);
      list.forEach((expected, index) => {
        const opening = openings[index]!;
        expect(opening.levelId).toBe(document.levels[expected.level]!.id);
        const [x, y] = centre(opening);
        expect(Math.hypot(x! - expected.centre[0], y! - expected.centre[1])).toBeLessThan(0.01);
        expect(opening.widthM).toBeCloseTo(expected.widthM, 2);
      });
    }
    const window = document.openings.find((opening) => opening.kind === 'fenetre')!;
    expect([window.bottomM, window.topM]).toEqual([1, 2.2]);
    const cubicle = document.walls.find((wall) => byName.get('Box de bureau (Ekahau)')?.id === wall.materialId)!;
    expect([cubicle.bottomM, cubicle.topM]).toEqual([null, 1.5]);
  });

  it('places the APs to 1 cm with their radios: band, channel, width from the channel list, power, state', async () => {
    const { document } = await imported();
    expect(document.accessPoints.map((ap) => ap.name)).toEqual(fixture.expected.aps.map((ap) => ap.name));
    fixture.expected.aps.forEach((expected, index) => {
      const ap = document.accessPoints[index]!;
      expect(ap.levelId).toBe(document.levels[expected.level]!.id);
      expect(Math.hypot(ap.position.xM - expected.position[0], ap.position.yM - expected.position[1])).toBeLessThan(0.01);
      expect([ap.mountingHeightM, ap.azimuthDeg, ap.tiltDeg]).toEqual([expected.heightM, expected.azimuthDeg, expected.tiltDeg]);
      expect(ap.radios.map(({ band, channel, widthMHz, txPowerDbm, enabled }) => ({ band, channel, widthMHz, txPowerDbm, enabled }))).toEqual(expected.radios);
    });
    const directional = document.apModels.find((model) => model.model === 'AP-575')!;
    const pattern = document.antennaPatterns.find((candidate) => candidate.id === directional.antennaPatternId)!;
    // Patch: +8 dB on its axis, −4 dB at 90° and beyond: 0 dB at 0°, −6 dB at 45°, −12 dB behind.
    expect(pattern.azimuthCutDb[0]).toBe(0);
    expect(pattern.azimuthCutDb[45]).toBeCloseTo(-6, 6);
    expect(pattern.azimuthCutDb[180]).toBeCloseTo(-12, 6);
  });

  it('brings the zones and the requirement as a profile', async () => {
    const { document } = await imported();
    expect([document.attenuationAreas.length, document.exclusionZones.length, document.coverageZones.length]).toEqual([fixture.expected.attenuationAreas, fixture.expected.exclusionZones, fixture.expected.coverageZones]);
    expect(document.attenuationAreas[0]!.lossDbPerM).toEqual({ '2.4': 1.5, '5': 2, '6': 2 });
    const zone = document.coverageZones.find((candidate) => candidate.name === 'Salle d’audience')!;
    const profile = document.requirementProfiles.find((candidate) => candidate.id === zone.requirementProfileId)!;
    expect(profile).toMatchObject(fixture.expected.profile);
    expect(document.coverageZones.find((candidate) => candidate.name === 'Bureaux')!.requirementProfileId).toBe(document.requirementProfiles[0]!.id);
  });

  it('reports everything it left out, with counts, and the findings to fix', async () => {
    const { report } = await imported();
    expect(report.source).toBe('Ekahau AI Pro 11.8.5.1 (schéma 1.9.0)');
    const left = new Map(report.notImported.map((entry) => [entry.what, entry.count]));
    const expectLeft = (what: string, count: number) => expect(left.get(what), what).toBe(count);
    expectLeft('Bornes voisines (mine = false)', fixture.expected.left.neighbours!);
    expectLeft('Bornes non placées sur un plan', fixture.expected.left.unplaced!);
    expectLeft('Radios Bluetooth', fixture.expected.left.bluetooth!);
    expectLeft('Radios sans puissance d’émission', fixture.expected.left.noPower!);
    expectLeft('Segments de mur inutilisables', fixture.expected.left.brokenWalls!);
    expectLeft('Portes et fenêtres hors d’un mur', fixture.expected.left.freeOpenings!);
    expectLeft('Bornes avec étiquettes', fixture.expected.left.tags!);
    expectLeft('Données de relevé (survey)', fixture.expected.left.surveys!);
    expectLeft('Relevés sur un plan non repris', fixture.expected.left.surveyNoFloor!);
    expectLeft('Pistes Wi-Fi illisibles', fixture.expected.left.surveyBadTrack!);
    expectLeft('Mesures hors Wi-Fi 2,4/5/6 GHz ou sans BSSID connu', fixture.expected.left.surveyOtherBands!);
    expectLeft('Critères d’exigence sans équivalent', fixture.expected.left.criteria!);
    expectLeft('Critères différents selon la bande', fixture.expected.left.bandCriteria!);
    expectLeft('Capacités des zones (capacityItems)', fixture.expected.left.capacity!);
    expect(report.notImported.find((entry) => entry.what === 'Tables Ekahau non lues')?.why).toBe('usageProfiles.json');
    for (const entry of report.notImported) expect(entry.fix.length, entry.what).toBeGreaterThan(3);
    expect(report.warnings.filter((warning) => warning.includes('canal 153'))).toHaveLength(1);
    expect(report.warnings.filter((warning) => warning.includes('absent du catalogue'))).toHaveLength(2);
    expect(new Map(report.imported.map((entry) => [entry.label, entry.count])).get('Bornes')).toBe(5);
  });

  it('turns the survey’s Wi-Fi track into an audit dataset: one point per scan placed along the route by time, one reading per BSSID', async () => {
    const { document, report } = await imported();
    expect(document.surveys).toHaveLength(1);
    const [survey] = document.surveys;
    const expected = fixture.expected.survey;
    expect(survey!.name).toBe(expected.name);
    expect(survey!.levelId).toBe(document.levels[expected.level]!.id);
    expect(survey!.points).toHaveLength(expected.points.length);
    survey!.points.forEach((point, index) => {
      const want = expected.points[index]!;
      expect(Math.hypot(point.position.xM - want.position[0], point.position.yM - want.position[1]), `point ${index}`).toBeLessThan(0.01);
      expect(point.time).toBe(want.time);
      expect(point.readings.map(({ bssid, band, channel, widthMHz, rssiDbm }) => ({ bssid, band, channel, widthMHz, rssiDbm }))).toEqual(want.readings);
    });
    const counts = new Map(report.imported.map((entry) => [entry.label, entry.count]));
    expect([counts.get('Relevés Wi-Fi (jeux de mesures de l’audit)'), counts.get('Points de mesure (un par balayage)'), counts.get('Mesures de signal (BSSID × point)')]).toEqual([1, 4, 8]);
  });

  it('with its survey, saves as an .ondeplan package that re-imports as the same study', async () => {
    const { document, assets } = await imported();
    expect(document.surveys).toHaveLength(1);
    expect((await packVerified(document, assets)).problems).toEqual([]);
  });

  it('refuses what is not an Ekahau project, in French', async () => {
    await expect(importEsx(new TextEncoder().encode('pas une archive'))).rejects.toThrow(/archive/);
    const { zipSync, strToU8 } = await import('fflate');
    await expect(importEsx(zipSync({ 'notes.json': strToU8('{}') }))).rejects.toThrow(/pas un projet Ekahau/);
  });
});
