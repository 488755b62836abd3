import { zoneMask, type ZoneRequirementMask } from '../../propagation/layers/zone-statistics.ts';
import type { GridSpec } from '../../propagation/scene/types.ts';
import type { ProjectDocument } from '../model/schema.ts';

export type LevelZoneMask = ZoneRequirementMask & { zoneId: string };

/** The level's coverage zones (cells on the grid) with their profile: zone statistics, forecast, pass/fail map. */
export function requirementZones(document: ProjectDocument, levelId: string, grid: GridSpec): LevelZoneMask[] {
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  return document.coverageZones
    .filter((zone) => zone.levelId === levelId && profiles.has(zone.requirementProfileId))
    .map((zone) => ({ zoneId: zone.id, mask: zoneMask(zone.polygon.flatMap((point) => [point.xM, point.yM]), grid), requirement: profiles.get(zone.requirementProfileId)! }));
}
