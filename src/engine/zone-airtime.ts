import type { RequirementProfile } from '../model/schema.ts';

/**
 * Airtime a radio may spend on a zone's traffic: 50 % where the profile asks for a second AP (voice and real time,
 * which need headroom for roaming clients and low delay), 70 % otherwise.
 */
export function zoneAirtimeLimit(profile: Pick<RequirementProfile, 'minSecondaryRssiDbm'> | undefined): number {
  return profile?.minSecondaryRssiDbm == null ? 0.7 : 0.5;
}
