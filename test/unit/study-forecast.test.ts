import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReportPredictions } from '../../src/report/report-predictions.ts';
import { forecastThresholds, studyForecast } from '../../src/report/study-forecast.ts';
import { parseProjectJson } from '../../src/model/parse-project.ts';

const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/project-format/v2-demo.json'), 'utf8'));

describe('study forecast on the demo', () => {
  const forecast = studyForecast(demo, computeReportPredictions(demo));

  it('thresholds are the primary levels of the profiles in use, strongest first', () => {
    // Zones use « Haute densité » and « Voix » (−67 dBm) and « Données » (−72 dBm).
    expect(forecastThresholds(demo)).toEqual([-67, -72]);
  });

  it('one row per enabled radio, and no user lost or counted twice between bands', () => {
    const enabled = demo.accessPoints.flatMap((ap) => ap.radios.filter((radio) => radio.enabled));
    expect(forecast.radios.map((row) => row.radioId).sort()).toEqual(enabled.map((radio) => radio.id).sort());
    for (const zone of demo.coverageZones) {
      const rows = forecast.zones.filter((row) => row.zoneName === zone.name);
      expect(rows.reduce((sum, row) => sum + row.userShare, 0)).toBeCloseTo(1, 9);
    }
    // Clients on radios + users no radio serves = all users of the zones, per level.
    const totalUsers = demo.coverageZones.reduce((sum, zone) => sum + zone.userCount, 0);
    const onRadios = forecast.radios.reduce((sum, row) => sum + row.clients, 0);
    const unserved = forecast.zones.reduce((sum, row) => sum + row.unservedUsers, 0);
    expect(onRadios + unserved).toBeCloseTo(totalUsers, 6);
  });

  it('area served at −72 dBm is at least the area at −67 dBm; a radio is flagged exactly when over its limit', () => {
    for (const row of forecast.radios) {
      expect(row.servedAreaM2[1]!).toBeGreaterThanOrEqual(row.servedAreaM2[0]!);
      expect(row.overLimit).toBe(row.airtime > row.airtimeLimit);
    }
  });

  it('per SSID: each SSID on each of its bands, with the radios that broadcast it', () => {
    for (const line of forecast.ssids) {
      const ssid = demo.ssids.find((candidate) => candidate.name === line.ssid)!;
      expect(ssid.bands).toContain(line.band);
      const carrying = demo.accessPoints.flatMap((ap) => ap.radios).filter((radio) => radio.enabled && radio.band === line.band && radio.ssidIds.includes(ssid.id));
      expect(line.radios).toBe(carrying.length);
    }
    expect(forecast.ssids.length).toBeGreaterThan(0);
  });
});

describe('study forecast across levels', () => {
  it('users of an upper level without APs are served through the floor or counted unserved, none lost', () => {
    const two = structuredClone(demo);
    const lower = two.levels[0]!;
    two.levels.push({ ...lower, id: 'niveau-haut', name: 'Étage sans borne', elevationM: lower.elevationM + lower.floorToFloorHeightM });
    for (const zone of demo.coverageZones) two.coverageZones.push({ ...zone, id: `${zone.id}-haut`, levelId: 'niveau-haut' });
    for (const wall of demo.walls.filter((candidate) => candidate.levelId === lower.id)) two.walls.push({ ...wall, id: `${wall.id}-haut`, levelId: 'niveau-haut' });
    const forecast = studyForecast(two, computeReportPredictions(two));
    const totalUsers = two.coverageZones.reduce((sum, zone) => sum + zone.userCount, 0);
    const onRadios = forecast.radios.reduce((sum, row) => sum + row.clients, 0);
    const unserved = forecast.zones.reduce((sum, row) => sum + row.unservedUsers, 0);
    expect(onRadios + unserved).toBeCloseTo(totalUsers, 6);
    // Still one row per radio, now carrying some of the upper level's users.
    expect(forecast.radios).toHaveLength(new Set(forecast.radios.map((row) => row.radioId)).size);
    expect(onRadios).toBeGreaterThan(demo.coverageZones.reduce((sum, zone) => sum + zone.userCount, 0) - unserved);
  });
});
