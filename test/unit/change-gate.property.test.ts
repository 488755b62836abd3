/**
 * The change gate's property: whatever sequence of ordinary actions a user makes, with whatever values the forms,
 * pasted scans and importers let through, the study the store holds exports and re-imports identically.
 * Values are drawn to hit the limits: huge, tiny, NaN and infinite numbers, long texts, forbidden channels.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addOpening, addPolygon, addWallPolyline, calibrateLevel, deleteItems, joinWalls, moveItemsRecipe, rotatePlanQuarter, splitWall, updateAccessPoint, updateRadio, updateZone } from '../../src/actions/editor-actions.ts';
import { addLevel, renameMaterial, setMaterialLoss, setProfileThreshold, setStudyField, updateLevel, type Action } from '../../src/actions/study-actions.ts';
import { addSurveyPoint, setDeviceOffset } from '../../src/audit/audit-actions.ts';
import { packProject, unpackProject } from '../../src/io/project-package.ts';
import { parseProjectValue } from '../../src/model/parse-project.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { firstDifference } from '../../src/model/same-document.ts';
import { createDocumentStore } from '../../src/store/document-store.ts';

const demoBytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../public/demo/palais-de-justice.ondeplan')));
let demo: ProjectDocument;
let demoAssets: Map<string, Uint8Array>;
beforeAll(async () => {
  ({ document: demo, assets: demoAssets } = await unpackProject(demoBytes));
});

/** Numbers as forms and files deliver them: ordinary ones, limits, and garbage. */
const anyNumber = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -200, max: 200, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 1e300, 1e-300, -0, 0, 10_000, 10_000.0001) },
  { weight: 1, arbitrary: fc.double() },
);
const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(301), 'é'.repeat(20_001), '\u0000\uFFFE\uD800', 'a'.repeat(2_000)) },
);
const point = fc.record({ x: anyNumber, y: anyNumber });
const pick = <T,>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[Math.abs(index) % items.length]);

type Step = (document: ProjectDocument, ids: () => string) => Action | Action[] | null | 'undo' | 'redo' | { gesture: (draft: ProjectDocument) => void };

const steps: fc.Arbitrary<Step>[] = [
  fc.record({ field: fc.constantFrom('title', 'author', 'notes', 'quoteReference') as fc.Arbitrary<'title' | 'author' | 'notes' | 'quoteReference'>, value: anyText }).map(
    ({ field, value }) => () => setStudyField(field, value, 'Étude'),
  ),
  fc.record({ level: fc.nat(), elevationM: anyNumber, floorToFloorHeightM: anyNumber }).map(({ level, elevationM, floorToFloorHeightM }) => (document) => {
    const target = pick(document.levels, level);
    return target ? updateLevel(target.id, { elevationM, floorToFloorHeightM }, 'Niveau') : null;
  }),
  fc.array(point, { minLength: 2, maxLength: 5 }).map((points) => (document, ids) => addWallPolyline(document.levels[0]!.id, points, document.materials[0]!.id, ids, 'Murs')),
  fc.record({ points: fc.array(point, { minLength: 3, maxLength: 6 }), kind: fc.constantFrom('zone', 'exclusion', 'attenuation', 'mounting', 'slab-opening') as fc.Arbitrary<'zone'> }).map(
    ({ points, kind }) =>
      (document, ids) =>
        addPolygon(document.levels[0]!.id, kind, points, ids(), { name: 'Zone', requirementProfileId: document.requirementProfiles[0]!.id }, 'Polygone'),
  ),
  fc.record({ count: fc.nat({ max: 5 }), dx: anyNumber, dy: anyNumber, start: fc.nat() }).map(({ count, dx, dy, start }) => (document) => {
    const items = [...document.walls, ...document.accessPoints, ...document.coverageZones];
    const ids = new Set(Array.from({ length: count }, (_, index) => pick(items, start + index * 7)?.id).filter((id): id is string => !!id));
    return { gesture: moveItemsRecipe(ids, dx, dy) as unknown as (draft: ProjectDocument) => void };
  }),
  fc.record({ count: fc.nat({ max: 3 }), start: fc.nat() }).map(({ count, start }) => (document) => {
    const items = [...document.walls, ...document.accessPoints, ...document.coverageZones, ...document.openings];
    return deleteItems(new Set(Array.from({ length: count }, (_, index) => pick(items, start + index * 5)?.id ?? '')), 'Supprimer');
  }),
  fc.record({ ap: fc.nat(), name: anyText, height: anyNumber, azimuth: anyNumber, tilt: anyNumber, bssid: anyText }).map(({ ap, name, height, azimuth, tilt, bssid }) => (document) => {
    const target = pick(document.accessPoints, ap);
    return target ? updateAccessPoint(target.id, { name, mountingHeightM: height, azimuthDeg: azimuth, tiltDeg: tilt, bssidPrefix: bssid }, 'Borne') : null;
  }),
  fc.record({ ap: fc.nat(), radio: fc.nat(), channel: fc.integer({ min: -10, max: 300 }), power: anyNumber, width: fc.constantFrom(20, 40, 80, 160, 30) }).map(
    ({ ap, radio, channel, power, width }) =>
      (document) => {
        const target = pick(document.accessPoints, ap);
        const targetRadio = target && pick(target.radios, radio);
        return target && targetRadio ? updateRadio(target.id, targetRadio.id, { channel, txPowerDbm: power, widthMHz: width as 20 }, 'Radio') : null;
      },
  ),
  fc.record({ wall: fc.nat(), at: point, kind: fc.constantFrom('porte', 'fenetre') as fc.Arbitrary<'porte'> }).map(({ wall, at, kind }) => (document, ids) => {
    const target = pick(document.walls, wall);
    return target ? addOpening(document, target.id, at, kind, ids(), document.materials[0]!.id, 'Ouverture') : null;
  }),
  fc.record({ wall: fc.nat(), at: point }).map(({ wall, at }) => (document, ids) => {
    const target = pick(document.walls, wall);
    return target ? splitWall(document, target.id, at, ids(), 'Couper') : null;
  }),
  fc.record({ first: fc.nat(), second: fc.nat() }).map(({ first, second }) => (document) => {
    const a = pick(document.walls, first);
    const b = pick(document.walls, second);
    return a && b && a.id !== b.id ? joinWalls(document, a.id, b.id, 'Joindre') : null;
  }),
  anyNumber.map((metersPerUnit) => (document) => {
    const level = document.levels[0]!;
    return level.metersPerUnit ? calibrateLevel(level.id, metersPerUnit, level.metersPerUnit, 'Échelle') : null;
  }),
  fc.constant((document: ProjectDocument) => rotatePlanQuarter(document, document.levels[0]!.id, 'Pivoter')),
  fc.constant((document: ProjectDocument, ids: () => string) => addLevel(document.buildings[0]!.id, ids(), 'Étage', 'Niveau')),
  fc.record({ zone: fc.nat(), name: anyText, users: anyNumber }).map(({ zone, name, users }) => (document) => {
    const target = pick(document.coverageZones, zone);
    return target ? updateZone(target.id, { name, userCount: users }, 'Zone') : null;
  }),
  fc.record({ material: fc.nat(), loss: anyNumber, name: anyText }).map(({ material, loss, name }) => (document) => {
    const target = pick(document.materials, material);
    return target ? [setMaterialLoss(target.id, '5', loss, 'Perte'), renameMaterial(target.id, name, 'Nom')] : null;
  }),
  fc.record({ profile: fc.nat(), value: anyNumber }).map(({ profile, value }) => (document) => {
    const target = pick(document.requirementProfiles, profile);
    return target ? setProfileThreshold(target.id, 'minPrimaryRssiDbm', value, 'Seuil') : null;
  }),
  fc
    .record({ at: point, rssi: anyNumber, channel: fc.integer({ min: -5, max: 400 }), jitter: anyNumber, loss: anyNumber, ssid: anyText, offset: anyNumber })
    .map(({ at, rssi, channel, jitter, loss, ssid, offset }) => (document) => {
      const dataset = { id: 'releve-essai', levelId: document.levels[0]!.id, name: 'Saisie', source: 'saisie', deviceOffsetDb: 0 };
      const reading = { bssid: 'aa:bb:cc:dd:ee:ff', ssid, band: '5' as const, channel, widthMHz: null, rssiDbm: rssi, noiseDbm: null };
      const active = { protocol: 'udp' as const, downloadMbps: 10, uploadMbps: null, jitterMs: jitter, lossPercent: loss };
      return [addSurveyPoint(dataset, { position: { xM: at.x, yM: at.y }, time: null, readings: [reading], active }, 'Point'), setDeviceOffset(dataset.id, offset, 'Décalage')];
    }),
  fc.constant(() => 'undo' as const),
  fc.constant(() => 'redo' as const),
];

/** Export then import gives back the same study. */
function expectRoundTrip(document: ProjectDocument) {
  const exported = JSON.parse(JSON.stringify(document)) as unknown;
  let reimported: unknown;
  try {
    reimported = parseProjectValue(exported);
  } catch (error) {
    throw new Error(`the stored study no longer imports: ${(error as { details?: string[] }).details?.join(' ; ') ?? String(error)}`, { cause: error });
  }
  expect(firstDifference(reimported, document)).toBeNull();
}

describe('the change gate on random action sequences (fast-check, fixed seed)', () => {
  it('after every action, the stored study exports and re-imports identically', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 25 }), async (sequence) => {
        const store = createDocumentStore(() => new Date('2026-11-29T10:00:00Z'));
        store.getState().open(demo);
        let counter = 0;
        const ids = () => `fc-${++counter}`;
        for (const step of sequence) {
          const outcome = step(store.getState().document!, ids);
          const before = store.getState().document;
          const refusalBefore = store.getState().refusal;
          if (outcome === 'undo') store.getState().undo();
          else if (outcome === 'redo') store.getState().redo();
          else if (outcome && 'gesture' in outcome) {
            store.getState().beginGesture();
            store.getState().updateGesture(outcome.gesture as never);
            store.getState().commitGesture('Déplacer');
          } else for (const action of outcome ? [outcome].flat() : []) store.getState().change(action.label, action.recipe);
          if (store.getState().document !== before) applied++;
          if (store.getState().refusal !== refusalBefore) refused++;
          expectRoundTrip(store.getState().document!);
        }
        const final = store.getState().document!;
        const { document } = await unpackProject(packProject(final, demoAssets, new Date('2026-11-29T10:00:00Z')));
        expect(firstDifference(document, final)).toBeNull();
      }),
      { seed: 20261129, numRuns: 250 },
    );
    // The sequences both change the study and hit the gate, or the property says nothing.
    expect(applied).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(100);
  });
});
