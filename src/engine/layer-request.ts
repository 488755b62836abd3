import type { LayerName, RoamingClient } from '../../propagation/layers/band-layers.ts';
import type { BandId } from '../../propagation/radio/channels.ts';
import type { GridSpec } from '../../propagation/scene/types.ts';
import type { LayerRequest } from '../../workers/engine-protocol.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { nonWifiSources } from './non-wifi-sources.ts';

/** A layer request for one level and band, with the level's coverage zones and their requirement profiles. */
export function layerRequest(document: ProjectDocument, levelId: string, band: BandId, layer: LayerName, grid: GridSpec, coarseFactor = 1, roaming?: RoamingClient): LayerRequest {
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  return {
    levelId,
    band,
    layer,
    grid,
    coarseFactor,
    roaming,
    sources: nonWifiSources(document),
    zones: document.coverageZones
      .filter((zone) => zone.levelId === levelId && profiles.has(zone.requirementProfileId))
      .map((zone) => {
        const profile = profiles.get(zone.requirementProfileId)!;
        return {
          id: zone.id,
          polygon: zone.polygon.flatMap((point) => [point.xM, point.yM]),
          requirement: {
            minPrimaryRssiDbm: profile.minPrimaryRssiDbm,
            minSecondaryRssiDbm: profile.minSecondaryRssiDbm,
            minSnrDb: profile.minSnrDb,
            maxCoChannelAps: profile.maxCoChannelAps,
            minPhyRateMbps: profile.minPhyRateMbps,
          },
        };
      }),
  };
}

/** Bands that at least one enabled radio of the project uses, in band order. */
export function bandsInUse(document: ProjectDocument): BandId[] {
  const used = new Set(document.accessPoints.flatMap((ap) => ap.radios.filter((radio) => radio.enabled).map((radio) => radio.band)));
  return (['2.4', '5', '6'] as const).filter((band) => used.has(band));
}
