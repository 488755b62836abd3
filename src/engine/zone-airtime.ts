import type { RequirementProfile } from '../model/schema.ts';

/** Airtime a radio may spend on a zone's traffic: the profile's limit (70 % when the zone has no profile). */
export function zoneAirtimeLimit(profile: Pick<RequirementProfile, 'maxAirtimeShare'> | undefined): number {
  return profile?.maxAirtimeShare ?? 0.7;
}
