/**
 * The study's forecast tables (« prévision de performance par borne, par bande de fréquence, et par SSID »): per
 * radio, per SSID and per zone and band, from the report predictions. Plain rows, shown in Résultats and printed in
 * the reports and spreadsheets.
 */
import { beaconOverhead } from '../../propagation/planning/beacon-overhead.ts';
import { levelForecast, type ForecastZone, type RadioForecastRow } from '../../propagation/planning/level-forecast.ts';
import type { BandId } from '../../propagation/radio/channels.ts';
import { zoneAirtimeLimit } from '../engine/zone-airtime.ts';
import type { ProjectDocument } from '../model/schema.ts';
import type { ReportPredictions } from './report-predictions.ts';

export interface RadioForecastLine extends RadioForecastRow {
  apName: string;
  levelName: string;
  channel: number;
  widthMHz: number;
  ssids: string[];
  beaconOverhead: number;
}

export interface SsidForecastLine {
  ssid: string;
  band: BandId;
  radios: number;
  /** Sum over its radios of the area served at the first threshold (m²). */
  servedAreaM2: number;
  clients: number;
  /** Airtime this SSID's beacons take on each radio carrying it. */
  beaconOverhead: number;
}

export interface ZoneBandLine {
  zoneName: string;
  levelName: string;
  band: BandId;
  userShare: number;
  users: number;
  airtime: number;
  airtimeLimit: number;
  radiosNeeded: number;
  unservedUsers: number;
}

export interface StudyForecast {
  thresholdsDbm: number[];
  radios: RadioForecastLine[];
  ssids: SsidForecastLine[];
  zones: ZoneBandLine[];
}

/** Primary levels of the profiles the zones use, strongest first (−67 dBm when there is no zone). */
export function forecastThresholds(document: ProjectDocument): number[] {
  const used = new Set(document.coverageZones.map((zone) => zone.requirementProfileId));
  const levels = new Set(document.requirementProfiles.filter((profile) => used.has(profile.id)).map((profile) => profile.minPrimaryRssiDbm));
  return levels.size ? [...levels].sort((a, b) => b - a) : [-67];
}

export function studyForecast(document: ProjectDocument, predictions: ReportPredictions): StudyForecast {
  const thresholdsDbm = forecastThresholds(document);
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const ssidNames = new Map(document.ssids.map((ssid) => [ssid.id, ssid.name]));
  const radios = new Map(document.accessPoints.flatMap((ap) => ap.radios.map((radio) => [radio.id, { ap, radio }] as const)));
  const levelNames = new Map(document.levels.map((level) => [level.id, level.name]));
  const byRadio = new Map<string, RadioForecastLine>();
  const result: StudyForecast = { thresholdsDbm, radios: [], ssids: [], zones: [] };
  for (const level of document.levels) {
    const bands = predictions.results.filter((entry) => entry.levelId === level.id);
    if (bands.length === 0) continue;
    // The zone cells the predictions already hold for this level (every band shares them).
    const { grid, zoneMasks } = bands[0]!;
    const levelZones = zoneMasks.map(({ zoneId }) => document.coverageZones.find((zone) => zone.id === zoneId)!);
    const zones: ForecastZone[] = levelZones.map((zone, index) => ({
      id: zone.id,
      mask: zoneMasks[index]!.mask,
      users: zone.userCount,
      throughputPerUserMbps: zone.throughputPerUserMbps,
      airtimeLimit: zoneAirtimeLimit(profiles.get(zone.requirementProfileId)),
      minPrimaryRssiDbm: profiles.get(zone.requirementProfileId)?.minPrimaryRssiDbm ?? -67,
    }));
    const forecast = levelForecast(bands.map((entry) => ({ band: entry.band, radioIds: entry.radioIds, layers: entry.layers })), zones, thresholdsDbm, grid.resolutionM * grid.resolutionM);
    for (const row of forecast.radios) {
      const owner = radios.get(row.radioId);
      if (!owner) continue;
      // A radio heard through a floor also serves this level: its clients, airtime and area here add to its row.
      const existing = byRadio.get(row.radioId);
      if (existing) {
        existing.clients += row.clients;
        existing.airtime += row.airtime;
        existing.airtimeLimit = Math.min(existing.airtimeLimit, row.airtimeLimit);
        existing.servedAreaM2 = existing.servedAreaM2.map((area, index) => area + row.servedAreaM2[index]!);
        if (owner.ap.levelId === level.id) existing.edgeRateMbps = row.edgeRateMbps;
        existing.overLimit = existing.airtime > existing.airtimeLimit;
        continue;
      }
      const ssids = owner.radio.ssidIds.map((id) => ssidNames.get(id) ?? id);
      const line = { ...row, apName: owner.ap.name, levelName: levelNames.get(owner.ap.levelId) ?? '', channel: owner.radio.channel, widthMHz: owner.radio.widthMHz, ssids, beaconOverhead: beaconOverhead(row.band, ssids.length) };
      byRadio.set(row.radioId, line);
      result.radios.push(line);
    }
    forecast.zones.forEach((row) => {
      const zone = levelZones.find((candidate) => candidate.id === row.zoneId)!;
      result.zones.push({ zoneName: zone.name, levelName: level.name, band: row.band, userShare: row.userShare, users: zone.userCount * row.userShare, airtime: row.airtime, airtimeLimit: zoneAirtimeLimit(profiles.get(zone.requirementProfileId)), radiosNeeded: row.radiosNeeded, unservedUsers: row.unservedUsers });
    });
  }
  for (const ssid of document.ssids) {
    for (const band of ssid.bands) {
      const carrying = result.radios.filter((row) => row.band === band && row.ssids.includes(ssid.name));
      if (carrying.length === 0) continue;
      result.ssids.push({
        ssid: ssid.name,
        band,
        radios: carrying.length,
        servedAreaM2: carrying.reduce((sum, row) => sum + (row.servedAreaM2[0] ?? 0), 0),
        clients: carrying.reduce((sum, row) => sum + row.clients, 0),
        beaconOverhead: beaconOverhead(band, 1),
      });
    }
  }
  return result;
}

/** Expected clients per radio id (after the band split). */
export function clientsByRadio(forecast: StudyForecast): Map<string, number> {
  return new Map(forecast.radios.map((row) => [row.radioId, row.clients]));
}
