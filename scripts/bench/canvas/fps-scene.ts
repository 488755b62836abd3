/** The canvas benchmark's level: 60 × 50 m (3,000 m²), 2,000 walls, 60 APs, coverage zones. Deterministic. */
import { createProject } from '../../../src/model/create-project.ts';
import type { ProjectDocument } from '../../../src/model/schema.ts';
import { seededRandom } from '../../../propagation/util/random.ts';

export const SCENE_WIDTH_M = 60;
export const SCENE_HEIGHT_M = 50;
export const PLAN_PX = { width: 10_000, height: 7_000 };

export function fpsDocument(): ProjectDocument {
  const document = createProject({ title: 'Banc canevas', id: 'bench', now: new Date('2026-11-28T00:00:00Z') });
  const levelId = document.levels[0]!.id;
  const random = seededRandom(7);
  const materials = document.materials.map((material) => material.id);
  for (let index = 0; index < 2000; index++) {
    const horizontal = index % 2 === 0;
    const x = random() * SCENE_WIDTH_M;
    const y = random() * SCENE_HEIGHT_M;
    const length = 1 + random() * 6;
    document.walls.push({ id: `w${index}`, levelId, from: { xM: x, yM: y }, to: horizontal ? { xM: Math.min(SCENE_WIDTH_M, x + length), yM: y } : { xM: x, yM: Math.min(SCENE_HEIGHT_M, y + length) }, materialId: materials[index % materials.length]!, bottomM: null, topM: null });
  }
  for (let index = 0; index < 60; index++) {
    const id = `ap${index}`;
    document.accessPoints.push({ id, name: `AP-${index + 1}`, levelId, modelId: document.apModels[0]!.id, position: { xM: 3 + (index % 10) * 6, yM: 4 + Math.floor(index / 10) * 8 }, mountingHeightM: 2.8, azimuthDeg: 0, tiltDeg: 0, locked: false, bssidPrefix: '', radios: [] });
  }
  for (let index = 0; index < 6; index++) {
    const x = (index % 3) * 20;
    const y = Math.floor(index / 3) * 25;
    document.coverageZones.push({ id: `z${index}`, levelId, name: `Zone ${index}`, polygon: [{ xM: x, yM: y }, { xM: x + 20, yM: y }, { xM: x + 20, yM: y + 25 }, { xM: x, yM: y + 25 }], requirementProfileId: document.requirementProfiles[0]!.id, userCount: 10, userProfile: '', throughputPerUserMbps: 2 });
  }
  return document;
}
