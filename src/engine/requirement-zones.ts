import { zoneMask, type ZoneRequirementMask } from '../../propagation/layers/zone-statistics.ts';
import type { GridSpec } from '../../propagation/scene/types.ts';
import type { ProjectDocument } from '../model/schema.ts';

/** The level's coverage zones with their profile, for the pass/fail map (`requirement` layer). */
export function requirementZones(document: ProjectDocument, levelId: string, grid: GridSpec): ZoneRequirementMask[] {
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  return document.coverageZones
    .filter((zone) => zone.levelId === levelId && profiles.has(zone.requirementProfileId))
    .map((zone) => ({ mask: zoneMask(zone.polygon.flatMap((point) => [point.xM, point.yM]), grid), requirement: profiles.get(zone.requirementProfileId)! }));
}
