/**
 * OpenIntent: the export validates against the published schema (google/openintent 2.0.0), comes back through the
 * import with APs, radios, zones, holes in the floor and walls in place; a hand-written payload in feet, with a
 * monitoring radio, an unknown SSID and an inverted hole, is imported with the expected positions and report.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { exportOpenIntent } from '../../../src/exchange/openintent/openintent-export.ts';
import { importOpenIntent, isOpenIntent } from '../../../src/exchange/openintent/openintent-import.ts';
import { unpackProject } from '../../../src/io/project-package.ts';
import { documentProblems } from '../../../src/model/document-gate.ts';
import type { ProjectDocument } from '../../../src/model/schema.ts';

const root = resolve(import.meta.dirname, '../../..');
const schema = JSON.parse(readFileSync(resolve(root, 'fixtures/exchange/oi-wifi.schema.2.0.0.json'), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const load = async (path: string) => (await unpackProject(new Uint8Array(readFileSync(resolve(root, path))))).document;
const r6 = (value: number) => Math.round(value * 1e6) / 1e6 + 0;

function essentials(document: ProjectDocument) {
  const levelName = new Map(document.levels.map((level) => [level.id, level.name]));
  const lowest = Math.min(...document.levels.map((level) => level.elevationM));
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const lengthByMaterial = new Map<string, number>();
  for (const wall of document.walls) {
    const name = materials.get(wall.materialId)!.name;
    lengthByMaterial.set(name, r6((lengthByMaterial.get(name) ?? 0) + Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM)));
  }
  const polygons = (list: { levelId: string; polygon: { xM: number; yM: number }[] }[]) => list.map((item) => [levelName.get(item.levelId), item.polygon.map((point) => [r6(point.xM), r6(point.yM)])]);
  return {
    levels: document.levels.map((level) => [level.name, r6(level.elevationM - lowest), level.floorToFloorHeightM]),
    aps: document.accessPoints.map((ap) => ({ name: ap.name, level: levelName.get(ap.levelId), x: r6(ap.position.xM), y: r6(ap.position.yM), z: ap.mountingHeightM, azimuth: r6(((ap.azimuthDeg % 360) + 360) % 360), tilt: ap.tiltDeg, radios: ap.radios.map((radio) => [radio.band, radio.channel, radio.widthMHz, Math.round(radio.txPowerDbm), radio.enabled]) })),
    zones: polygons(document.coverageZones),
    exclusions: polygons(document.exclusionZones),
    holes: polygons(document.slabOpenings),
    attenuation: document.attenuationAreas.map((area) => [area.name, area.lossDbPerM['5'], polygons([area])[0]]),
    wallLength: Object.fromEntries(lengthByMaterial),
  };
}

describe('OpenIntent', () => {
  it.each([['public/demo/palais-de-justice.ondeplan'], ['fixtures/projects/tribunal-trois-niveaux.ondeplan']])('%s: the export follows the published schema and imports back with the same APs, zones and walls', async (path) => {
    const document = await load(path);
    if (path.includes('trois')) document.slabOpenings.push({ id: 'tremie', levelId: document.levels[1]!.id, name: 'Trémie', polygon: [{ xM: 2, yM: 2 }, { xM: 5, yM: 2 }, { xM: 5, yM: 6 }, { xM: 2, yM: 6 }] });
    const { payload, losses } = exportOpenIntent(document);
    const text = JSON.stringify(payload);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(losses.length).toBeGreaterThan(0);
    const back = importOpenIntent(JSON.parse(text), { id: document.id });
    expect(documentProblems(back.document)).toEqual([]);
    const before = essentials(document);
    const after = essentials(back.document);
    // Documented: one loss per material (its 5 GHz value), doors and windows come back as wall pieces, so the
    // wall length of each material is compared on the host walls with their openings cut out.
    expect({ ...after, wallLength: undefined }).toEqual({ ...before, wallLength: undefined });
    const cutLength = (name: string) => {
      const material = document.materials.find((candidate) => candidate.name === name)!;
      const walls = document.walls.filter((wall) => wall.materialId === material.id).reduce((sum, wall) => sum + Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM) - document.openings.filter((opening) => opening.wallId === wall.id).reduce((total, opening) => total + opening.widthM, 0), 0);
      const openings = document.openings.filter((opening) => opening.materialId === material.id).reduce((sum, opening) => sum + opening.widthM, 0);
      return r6(walls + openings);
    };
    for (const [name, length] of Object.entries(after.wallLength)) expect(length, name).toBeCloseTo(cutLength(name), 4);
  });

  it('imports a hand-written payload in feet: positions from the lower-left corner, orientation, radios and the report', () => {
    const payload = {
      openintent_version: '2.0.0',
      floorplans: [
        {
          name: 'RDC',
          project_name: 'Mairie annexe',
          dimensions: [{ width: 100, length: 50, height: 10, unit: 'feet' }],
          wall_segments: [
            { wall_type: 'Béton', start_point: { x: 0, y: 0 }, end_point: { x: 100, y: 0 } },
            { wall_type: 'Inconnu', start_point: { x: 0, y: 50 }, end_point: { x: 100, y: 50 } },
          ],
          coverage_areas: [{ area: { coordinates: [0, 0, 10, 0, 10, 10].reduce<{ coordinate_xyz: { x: number; y: number; unit: string } }[]>((list, _, index, all) => (index % 2 ? list : [...list, { coordinate_xyz: { x: all[index]!, y: all[index + 1]!, unit: 'feet' } }]), []) }, exclusion: true }],
          holes_in_floor: [{ area: { coordinates: [{ coordinate_xyz: { x: 0, y: 0, unit: 'feet' } }, { coordinate_xyz: { x: 1, y: 0, unit: 'feet' } }, { coordinate_xyz: { x: 1, y: 1, unit: 'feet' } }] }, inverted: true }],
        },
      ],
      wall_materials: [{ name: 'Béton', rf_properties: { attenuation_per_m: 60 }, thickness_m: 0.2 }],
      accesspoints: [
        {
          name: 'AP-1',
          floorplan_name: 'RDC',
          manufacturer: 'Générique',
          model: 'Borne Wi-Fi 6 2×2 omnidirectionnelle',
          ssids: ['JUSTICE', 'INVITES'],
          orientation: { rotation: 180, tilt: -15 },
          coordinates: [{ coordinate_xyz: { x: 10, y: 40, z: 9, unit: 'feet' } }],
          dot11_radios: [
            { id: 1, radio_function: 'CLIENT_ACCESS', band: 'FREQ_5GHZ', channel: 36, channel_width: '80_MHz', transmit_power: 17 },
            { id: 2, radio_function: 'MONITORING', band: 'FREQ_2.4GHZ', channel: 6, channel_width: '20_MHz', transmit_power: 14 },
          ],
        },
        { name: 'Sans plan', floorplan_name: 'Grenier', dot11_radios: [{ id: 1, radio_function: 'CLIENT_ACCESS', band: 'FREQ_5GHZ', channel: 40 }], coordinates: [{ coordinate_xyz: { x: 1, y: 1, unit: 'feet' } }] },
      ],
    };
    expect(validate(payload), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(isOpenIntent(payload)).toBe(true);
    const { document, report } = importOpenIntent(payload, { id: 'oi' });
    expect(documentProblems(document)).toEqual([]);
    expect(document.study.title).toBe('Mairie annexe');
    const ap = document.accessPoints[0]!;
    // 10 ft from the left, 40 ft up a 50 ft plan: 3.048 m, (50 − 40) × 0.3048 = 3.048 m down from the top.
    expect([ap.position.xM, ap.position.yM, ap.mountingHeightM]).toEqual([3.048, 3.048, 2.7432]);
    // Rotation 180° from « up », clockwise: pointing down the plan, i.e. 90° clockwise from its x axis; tilt −15° (down) is a 15° down-tilt.
    expect([ap.azimuthDeg, ap.tiltDeg]).toEqual([90, 15]);
    expect(ap.radios.map((radio) => [radio.band, radio.channel, radio.widthMHz, radio.txPowerDbm, radio.enabled])).toEqual([['5', 36, 80, 17, true], ['2.4', 6, 20, 14, false]]);
    expect(ap.modelId).toBe('ap-wifi6-2x2');
    const concrete = document.materials.find((material) => material.name === 'Béton')!;
    expect(concrete.lossDb).toEqual({ '2.4': 12, '5': 12, '6': 12 });
    expect(document.walls[0]!.from).toEqual({ xM: 0, yM: 15.24 });
    expect(document.levels[0]!.floorToFloorHeightM).toBeCloseTo(3.048, 9);
    const left = Object.fromEntries(report.notImported.map((entry) => [entry.what, entry.count]));
    expect(left).toMatchObject({ 'Images de plan': 1, 'Murs sans matériau défini': 1, 'Trous de plancher inversés': 1, 'Bornes sans plan ou sans position': 1, 'Radios de surveillance ou de liaison': 1, 'SSID inconnus de l’étude': 2 });
    expect(document.exclusionZones[0]!.polygon[1]).toEqual({ xM: 3.048, yM: 15.24 });
  });

  it('reports an AP placed on a wall line and a channel not allowed in France, as the package import does', () => {
    const payload = {
      openintent_version: '2.0.0',
      floorplans: [{ name: 'RDC', dimensions: [{ width: 20, length: 10, height: 3, unit: 'meters' }], wall_segments: [{ wall_type: 'Béton', start_point: { x: 0, y: 5 }, end_point: { x: 20, y: 5 } }] }],
      wall_materials: [{ name: 'Béton', rf_properties: { attenuation_per_m: 60 }, thickness_m: 0.2 }],
      accesspoints: [
        // On the wall's line (a wall-mounted AP drawn on the wall), and a second one 3 m away from it.
        { name: 'AP-murale', floorplan_name: 'RDC', coordinates: [{ coordinate_xyz: { x: 8, y: 5, z: 2.5, unit: 'meters' } }], dot11_radios: [{ id: 1, radio_function: 'CLIENT_ACCESS', band: 'FREQ_5GHZ', channel: 149, channel_width: '20_MHz', transmit_power: 17 }] },
        { name: 'AP-plafond', floorplan_name: 'RDC', coordinates: [{ coordinate_xyz: { x: 8, y: 2, z: 2.5, unit: 'meters' } }], dot11_radios: [{ id: 1, radio_function: 'CLIENT_ACCESS', band: 'FREQ_5GHZ', channel: 36, channel_width: '20_MHz', transmit_power: 17 }] },
      ],
    };
    expect(validate(payload), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const { report } = importOpenIntent(payload, { id: 'oi-mur' });
    const onWall = report.warnings.filter((warning) => warning.includes('ligne de mur'));
    expect(onWall).toHaveLength(1);
    expect(onWall[0]).toMatch(/^AP-murale est à 0(,0)? cm d’une ligne de mur/);
    expect(report.warnings.filter((warning) => warning.includes('canal 149 en 5 GHz, non autorisé en France'))).toEqual([expect.stringContaining('AP-murale')]);
  });
});
