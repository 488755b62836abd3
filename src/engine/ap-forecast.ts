/**
 * Forecast for one AP from the live RSSI map of a band (the contract's « prévision de performance par borne, par
 * bande de fréquence, et par SSID »): area it serves at the zone requirement, users expected on it, airtime their
 * traffic takes, PHY rate at the edge of its served area, and SSID beacon overhead per radio.
 */
import { beaconOverhead } from '../../propagation/planning/beacon-overhead.ts';
import { DEFAULT_LAYER_OPTIONS } from '../../propagation/layers/band-layers.ts';
import { rateFromLadder, rateLadder } from '../../propagation/radio/mcs.ts';
import type { BandId, ChannelWidthMHz } from '../../propagation/radio/channels.ts';
import type { GridSpec } from '../../propagation/scene/types.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { pointInPolygon } from '../editor/geometry.ts';

export interface RssiMap {
  band: BandId;
  grid: GridSpec;
  /** Best RSSI per cell (dBm). */
  values: Float32Array;
  /** Index in radioIds of the serving radio per cell (−1: none). */
  serving: Float32Array;
  radioIds: string[];
}

export interface RadioForecast {
  radioId: string;
  band: BandId;
  servedAreaM2: number;
  expectedUsers: number;
  /** Share of the radio's airtime its users' traffic takes (0–1+). */
  airtime: number;
  /** PHY rate at the weakest cell it serves at the requirement (Mb/s). */
  edgeRateMbps: number;
  ssidCount: number;
  /** Airtime beacons take: one per SSID every 102.4 ms at the lowest basic rate. */
  beaconOverhead: number;
}

const MAC_EFFICIENCY = 0.6;

export function radioForecast(document: ProjectDocument, apId: string, map: RssiMap): RadioForecast | null {
  const ap = document.accessPoints.find((candidate) => candidate.id === apId);
  const radio = ap?.radios.find((candidate) => candidate.band === map.band && candidate.enabled);
  if (!ap || !radio) return null;
  const index = map.radioIds.indexOf(radio.id);
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const zones = document.coverageZones
    .filter((zone) => zone.levelId === ap.levelId)
    .map((zone) => ({ zone, polygon: zone.polygon.map((point) => ({ x: point.xM, y: point.yM })), threshold: profiles.get(zone.requirementProfileId)?.minPrimaryRssiDbm ?? -67, snr: profiles.get(zone.requirementProfileId)?.minSnrDb ?? 20 }));
  const model = document.apModels.find((candidate) => candidate.id === ap.modelId);
  const ladder = rateLadder(DEFAULT_LAYER_OPTIONS.client, model?.spatialStreams ?? 2, radio.widthMHz as ChannelWidthMHz);
  const { grid } = map;
  const cellArea = grid.resolutionM * grid.resolutionM;
  // Cells per zone, and this radio's cells per zone, to share each zone's users by area.
  const zoneCells = zones.map(() => 0);
  const ourCells = zones.map(() => 0);
  let served = 0;
  let edge = Number.POSITIVE_INFINITY;
  let airtime = 0;
  for (let row = 0; row < grid.ny; row++)
    for (let column = 0; column < grid.nx; column++) {
      const cell = row * grid.nx + column;
      const p = { x: grid.originX + (column + 0.5) * grid.resolutionM, y: grid.originY + (row + 0.5) * grid.resolutionM };
      const zoneIndex = zones.findIndex((candidate) => pointInPolygon(p, candidate.polygon));
      if (zoneIndex >= 0) zoneCells[zoneIndex]!++;
      if (map.serving[cell] !== index || index < 0) continue;
      const value = map.values[cell]!;
      const threshold = zoneIndex >= 0 ? zones[zoneIndex]!.threshold : -67;
      if (value < threshold) continue;
      served++;
      edge = Math.min(edge, value);
      if (zoneIndex >= 0) ourCells[zoneIndex]!++;
    }
  let users = 0;
  zones.forEach(({ zone }, zoneIndex) => {
    if (zoneCells[zoneIndex]! === 0 || ourCells[zoneIndex]! === 0) return;
    const share = ourCells[zoneIndex]! / zoneCells[zoneIndex]!;
    users += zone.userCount * share;
    // Their traffic at the zone's edge rate is the conservative airtime.
    const rate = rateFromLadder(ladder, zones[zoneIndex]!.threshold, zones[zoneIndex]!.snr) * MAC_EFFICIENCY;
    if (rate > 0) airtime += (zone.userCount * share * zone.throughputPerUserMbps) / rate;
  });
  // The map gives signal only: the edge rate is the one the signal allows (interference not counted).
  const edgeRateMbps = Number.isFinite(edge) ? rateFromLadder(ladder, edge, 60) : 0;
  const ssidCount = radio.ssidIds.length;
  return { radioId: radio.id, band: map.band, servedAreaM2: served * cellArea, expectedUsers: users, airtime, edgeRateMbps, ssidCount, beaconOverhead: beaconOverhead(map.band, ssidCount) };
}
