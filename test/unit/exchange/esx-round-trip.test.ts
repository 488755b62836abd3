/**
 * Ondeplan → .esx → Ondeplan on every study fixture: the same study apart from what the format cannot hold
 * (docs/exchange.md, « Pertes documentées »), which the comparison below leaves out explicitly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { esxTwoFloors } from '../../../scripts/fixtures/esx-two-floors.ts';
import { exportEsx } from '../../../src/exchange/esx/esx-export.ts';
import { importEsx } from '../../../src/exchange/esx/esx-import.ts';
import { settleSvgPlans } from '../../../src/exchange/esx/esx-svg-plans.ts';
import { sha256Hex } from '../../../src/io/sha256.ts';
import { sanitizeSvg } from '../../../src/import/plan/svg-safety.ts';
import { unpackProject } from '../../../src/io/project-package.ts';
import { documentProblems } from '../../../src/model/document-gate.ts';
import type { ProjectDocument } from '../../../src/model/schema.ts';

const purifier = DOMPurify(new JSDOM('').window);
const r6 = (value: number) => Math.round(value * 1e6) / 1e6 + 0;
const point = (p: { xM: number; yM: number }) => [r6(p.xM), r6(p.yM)];

/** What the round trip must keep, in a comparable form. */
async function essentials(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>) {
  // Documented: Ekahau stacks each building's floors from 0 m, and an SVG plan is sanitised again on import.
  const lowest = new Map<string, number>();
  for (const level of document.levels) lowest.set(level.buildingId, Math.min(lowest.get(level.buildingId) ?? Infinity, level.elevationM));
  const picture = async (sha256: string, format: string) => {
    const bytes = assets.get(sha256)!;
    return format === 'svg' ? sha256Hex(new TextEncoder().encode(sanitizeSvg(new TextDecoder().decode(bytes), purifier).svg)) : sha256Hex(bytes);
  };
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const loss = (id: string) => Object.fromEntries(Object.entries(materials.get(id)!.lossDb).map(([band, value]) => [band, r6(value)]));
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  return {
    study: { title: document.study.title, entity: document.study.site.entityName, address: document.study.site.address, author: document.study.author, notes: document.study.notes },
    levels: await Promise.all(
      [...document.levels]
        .sort((a, b) => a.elevationM - b.elevationM)
        .map(async (level) => ({
          id: level.id,
          name: level.name,
          buildingId: level.buildingId,
          elevationM: r6(level.elevationM - lowest.get(level.buildingId)!),
          heightM: r6(level.floorToFloorHeightM),
          slab: loss(level.slabMaterialId),
          metersPerUnit: level.metersPerUnit,
          alignment: level.alignment && { x: r6(level.alignment.offsetXM), y: r6(level.alignment.offsetYM), turn: r6(level.alignment.rotationDeg) },
          // The PDF or DXF source and its vector lines stay in Ondeplan: the plan travels as its picture.
          plan: level.plan && { format: level.plan.format === 'svg' ? 'svg' : 'image', width: level.plan.widthUnits, height: level.plan.heightUnits, crop: level.plan.crop, picture: await picture(level.plan.assetSha256, level.plan.format) },
        })),
    ),
    walls: document.walls.map((wall) => ({ id: wall.id, levelId: wall.levelId, from: point(wall.from), to: point(wall.to), loss: loss(wall.materialId), name: materials.get(wall.materialId)!.name, bottom: wall.bottomM ?? 0, top: wall.topM })),
    openings: document.openings.map((opening) => ({ id: opening.id, wallId: opening.wallId, kind: opening.kind, offset: r6(opening.offsetM), width: r6(opening.widthM), loss: loss(opening.materialId), bottom: opening.bottomM, top: opening.topM })),
    attenuation: document.attenuationAreas.map((area) => ({ id: area.id, levelId: area.levelId, name: area.name, polygon: area.polygon.map(point), loss: area.lossDbPerM })),
    exclusions: document.exclusionZones.map((zone) => ({ id: zone.id, levelId: zone.levelId, name: zone.name, polygon: zone.polygon.map(point) })),
    zones: document.coverageZones.map((zone) => {
      const { minPrimaryRssiDbm, minSecondaryRssiDbm, minSnrDb, maxCoChannelAps, coChannelThresholdDbm, minPhyRateMbps, name } = profiles.get(zone.requirementProfileId)!;
      return { id: zone.id, levelId: zone.levelId, name: zone.name, polygon: zone.polygon.map(point), profile: { name, minPrimaryRssiDbm, minSecondaryRssiDbm, minSnrDb, maxCoChannelAps, coChannelThresholdDbm, minPhyRateMbps } };
    }),
    aps: document.accessPoints.map((ap) => ({
      id: ap.id,
      name: ap.name,
      levelId: ap.levelId,
      position: point(ap.position),
      height: ap.mountingHeightM,
      azimuth: r6(((ap.azimuthDeg % 360) + 360) % 360),
      tilt: ap.tiltDeg,
      model: `${models.get(ap.modelId)!.vendor} ${models.get(ap.modelId)!.model}`,
      radios: ap.radios.map(({ id, band, channel, widthMHz, txPowerDbm, enabled }) => ({ id, band, channel, widthMHz, txPowerDbm, enabled })),
    })),
  };
}

async function roundTrip(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>) {
  const exported = exportEsx(document, assets, new Date('2026-11-30T09:00:00Z'));
  const back = await settleSvgPlans(await importEsx(exported.bytes, { id: document.id, now: new Date(document.createdAt) }), purifier);
  return { exported, back };
}

const fromPackage = async (path: string) => unpackProject(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../..', path))));

describe('Ondeplan → .esx → Ondeplan', () => {
  it.each([
    ['the demo study', 'public/demo/palais-de-justice.ondeplan'],
    ['the three-level study', 'fixtures/projects/tribunal-trois-niveaux.ondeplan'],
  ])('%s comes back the same apart from the documented losses', async (_name, path) => {
    const { document, assets } = await fromPackage(path);
    const { exported, back } = await roundTrip(document, assets);
    expect(documentProblems(back.document)).toEqual([]);
    expect(await essentials(back.document, back.assets)).toEqual(await essentials(document, assets));
    // Nothing left out on the way back in, apart from levels the study itself had not aligned.
    const unaligned = document.levels.filter((level) => level.alignment === null && document.levels.some((other) => other.buildingId === level.buildingId && other.elevationM < level.elevationM)).length;
    expect(back.report.notImported.map((entry) => [entry.what, entry.count])).toEqual(unaligned > 0 ? [['Niveaux non alignés', unaligned]] : []);
    expect(exported.losses.length).toBeGreaterThan(0);
  });

  it('an Ekahau project imported, exported and imported again stays the same', async () => {
    const first = await settleSvgPlans(await importEsx(esxTwoFloors().bytes, { id: 'esx', now: new Date('2026-11-30T08:00:00Z') }), purifier);
    const { back } = await roundTrip(first.document, first.assets);
    expect(await essentials(back.document, back.assets)).toEqual(await essentials(first.document, first.assets));
  });

  it('follows the documented structure: one table per file, every reference resolves, the project history names Ondeplan', async () => {
    const { document, assets } = await fromPackage('fixtures/projects/tribunal-trois-niveaux.ondeplan');
    const { strFromU8, unzipSync } = await import('fflate');
    const files = unzipSync(exportEsx(document, assets).bytes);
    const tables = Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.json') && name !== 'project.json').map(([name, bytes]) => [name.slice(0, -5), JSON.parse(strFromU8(bytes))]));
    for (const [name, content] of Object.entries(tables)) expect(Object.keys(content), name).toEqual([name]);
    const ids = (name: string) => new Set((tables[name]![name] as { id: string }[]).map((row) => row.id));
    const points = ids('wallPoints');
    for (const segment of tables.wallSegments!.wallSegments as { wallPoints: string[]; wallTypeId: string }[]) {
      expect(segment.wallPoints.every((id) => points.has(id))).toBe(true);
      expect(ids('wallTypes').has(segment.wallTypeId)).toBe(true);
    }
    for (const radio of tables.simulatedRadios!.simulatedRadios as { accessPointId: string }[]) expect(ids('accessPoints').has(radio.accessPointId)).toBe(true);
    for (const floor of tables.buildingFloors!.buildingFloors as { floorPlanId: string; floorTypeId: string }[]) {
      expect(ids('floorPlans').has(floor.floorPlanId)).toBe(true);
      expect(ids('floorTypes').has(floor.floorTypeId)).toBe(true);
    }
    for (const plan of tables.floorPlans!.floorPlans as { imageId?: string }[]) if (plan.imageId) expect(files[`image-${plan.imageId}`]).toBeDefined();
    expect(JSON.parse(strFromU8(files['project.json']!)).project.name).toBe(document.study.title);
    expect((tables.projectHistorys!.projectHistorys as { productName: string }[])[0]!.productName).toBe('Ondeplan');
    expect(strFromU8(files.version!)).toBe('2.0');
  });
});
