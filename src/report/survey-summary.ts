/** Measured-data figures for the audit report: per dataset and band, the strongest reading at each point. */
import { pointInPolygon } from '../../propagation/field/area-crossing.ts';
import type { Band, ProjectDocument } from '../model/schema.ts';

export interface SurveyBandSummary {
  datasetId: string;
  datasetName: string;
  levelId: string;
  band: Band;
  /** Strongest reading (dBm, device offset applied) at each point that heard the band. */
  points: { xM: number; yM: number; bestDbm: number }[];
  minDbm: number;
  medianDbm: number;
  maxDbm: number;
  shareAtLeast67: number;
  shareAtLeast72: number;
}

export interface SurveyZoneCheck {
  zoneId: string;
  band: Band;
  measuredPoints: number;
  meetingPrimary: number;
  thresholdDbm: number;
}

export function summariseSurveys(document: ProjectDocument, ourSsids: ReadonlySet<string>) {
  const bands: SurveyBandSummary[] = [];
  for (const dataset of document.surveys) {
    for (const band of ['2.4', '5', '6'] as const) {
      const points = dataset.points
        .map((point) => {
          // A best-of-band reading (no BSSID: NetSpot's summary export) counts as ours; it is all the file says.
          const readings = point.readings.filter((reading) => reading.band === band && (ourSsids.size === 0 || ourSsids.has(reading.ssid) || reading.bssid === ''));
          if (readings.length === 0) return null;
          return { xM: point.position.xM, yM: point.position.yM, bestDbm: Math.max(...readings.map((reading) => reading.rssiDbm)) + dataset.deviceOffsetDb };
        })
        .filter((point): point is { xM: number; yM: number; bestDbm: number } => point !== null);
      if (points.length === 0) continue;
      const sorted = points.map((point) => point.bestDbm).sort((a, b) => a - b);
      const middle = sorted.length / 2;
      bands.push({
        datasetId: dataset.id,
        datasetName: dataset.name,
        levelId: dataset.levelId,
        band,
        points,
        minDbm: sorted[0]!,
        medianDbm: sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
        maxDbm: sorted.at(-1)!,
        shareAtLeast67: sorted.filter((value) => value >= -67).length / sorted.length,
        shareAtLeast72: sorted.filter((value) => value >= -72).length / sorted.length,
      });
    }
  }
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const zones: SurveyZoneCheck[] = [];
  for (const zone of document.coverageZones) {
    const polygon = Float64Array.from(zone.polygon.flatMap((point) => [point.xM, point.yM]));
    const threshold = profiles.get(zone.requirementProfileId)?.minPrimaryRssiDbm ?? -67;
    for (const summary of bands.filter((candidate) => candidate.levelId === zone.levelId)) {
      const inside = summary.points.filter((point) => pointInPolygon(point.xM, point.yM, polygon));
      if (inside.length === 0) continue;
      zones.push({ zoneId: zone.id, band: summary.band, measuredPoints: inside.length, meetingPrimary: inside.filter((point) => point.bestDbm >= threshold).length, thresholdDbm: threshold });
    }
  }
  const neighbours = new Map<string, Set<string>>();
  for (const dataset of document.surveys) {
    for (const point of dataset.points) {
      for (const reading of point.readings) {
        if (ourSsids.has(reading.ssid) || reading.bssid === '') continue;
        const key = `${reading.ssid || '(masqué)'} — ${reading.band.replace('.', ',')} GHz c.${reading.channel ?? '?'}`;
        neighbours.set(key, (neighbours.get(key) ?? new Set()).add(reading.bssid));
      }
    }
  }
  return { bands, zones, neighbours: [...neighbours.entries()].map(([label, bssids]) => ({ label, bssidCount: bssids.size })).sort((a, b) => a.label.localeCompare(b.label)) };
}
