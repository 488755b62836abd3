/** The tables exported as spreadsheets: equipment list and AP table, as plain rows with French headers. */
import { messages, t } from '../i18n/index.ts';
import type { StudyReportData } from './report-data.ts';

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
