/** The tables exported as spreadsheets: equipment list and AP table, as plain rows with French headers. */
import { messages, t } from '../i18n/index.ts';
import type { StudyReportData } from './report-data.ts';
import type { StudyForecast } from './study-forecast.ts';

export interface SheetTable {
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
}

export function equipmentSheet(data: StudyReportData): SheetTable {
  const columns = messages().studyReport.equipmentTable;
  return {
    name: t('deliverables.sheets.equipment'),
    headers: [columns.reference, columns.label, columns.quantity, columns.unitPrice, columns.total],
    rows: data.equipment.map((line) => [line.reference, line.label, line.quantity, line.unitPriceEur, line.unitPriceEur === null ? null : line.unitPriceEur * line.quantity]),
  };
}

export function accessPointSheet(data: StudyReportData, servedAreaM2: ReadonlyMap<string, number>, expectedUsers: ReadonlyMap<string, number>): SheetTable {
  const columns = messages().studyReport.apTable;
  const rows: (string | number | null)[][] = [];
  for (const ap of data.accessPoints) {
    for (const radio of ap.radios) {
      for (const ssid of radio.ssids.length ? radio.ssids : ['']) {
        rows.push([ap.number, ap.name, ap.levelName, ap.modelName, ap.mountingHeightM, `${radio.band.replace('.', ',')} GHz`, radio.channel, radio.widthMHz, radio.txPowerDbm, ssid, servedAreaM2.get(radio.id) ?? null, expectedUsers.has(radio.id) ? Math.round(expectedUsers.get(radio.id)! * 10) / 10 : null]);
      }
    }
  }
  return { name: t('deliverables.sheets.accessPoints'), headers: [columns.number, columns.name, columns.level, columns.model, columns.height, columns.band, columns.channel, columns.width, columns.power, columns.ssid, columns.served, columns.users], rows };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Forecast per radio, per SSID and per zone and band, as three sheets (shares as fractions, 0–1). */
export function forecastSheets(forecast: StudyForecast): SheetTable[] {
  const text = messages().results.forecast;
  return [
    {
      name: t('deliverables.sheets.forecast'),
      headers: [text.radios.ap, text.radios.level, text.radios.band, text.radios.channel, ...forecast.thresholdsDbm.map((threshold) => t('results.forecast.radios.served', { threshold })), text.radios.clients, t('deliverables.columns.airtime'), t('deliverables.columns.airtimeLimit'), text.radios.edgeRate, text.radios.ssids, text.radios.beacons],
      rows: forecast.radios.map((row) => [row.apName, row.levelName, `${row.band.replace('.', ',')} GHz`, row.channel, ...row.servedAreaM2.map((area) => round(area, 1)), round(row.clients, 2), round(row.airtime, 4), row.airtimeLimit, round(row.edgeRateMbps, 1), row.ssids.join(', '), round(row.beaconOverhead, 5)]),
    },
    {
      name: t('deliverables.sheets.ssids'),
      headers: [text.ssids.ssid, text.ssids.band, text.ssids.radios, t('results.forecast.ssids.served', { threshold: forecast.thresholdsDbm[0] ?? -67 }), text.ssids.clients, text.ssids.beacons],
      rows: forecast.ssids.map((row) => [row.ssid, `${row.band.replace('.', ',')} GHz`, row.radios, round(row.servedAreaM2, 1), round(row.clients, 2), round(row.beaconOverhead, 5)]),
    },
    {
      name: t('deliverables.sheets.zones'),
      headers: [text.zones.zone, text.zones.level, text.zones.band, text.zones.share, text.zones.users, text.zones.airtime, text.zones.needed, text.zones.unserved],
      rows: forecast.zones.map((row) => [row.zoneName, row.levelName, `${row.band.replace('.', ',')} GHz`, round(row.userShare, 4), round(row.users, 2), round(row.airtime, 4), row.radiosNeeded, round(row.unservedUsers, 2)]),
    },
  ];
}
