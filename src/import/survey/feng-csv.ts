/**
 * The Feng et al. RSS/RTT dataset layout (IEEE JISPIN 2024, MIT): `X, Y` in metres, then `APn RTT(mm)` and
 * `APn RSS(dBm)` columns; −200 means "not heard". Each AP column becomes a reading named after it (AP1…); the band
 * is not stated in the data: 5 GHz is recorded, and only the path-loss exponent and an offset are meaningful.
 */
import { t } from '../../i18n/index.ts';
import { cellNumber, type CsvTable } from './csv.ts';
import { reject, type SurveyImportResult, type SurveyReading } from './survey-import.ts';

const RSS_COLUMN = /^(AP\d+)\s*RSS\s*\(dBm\)$/i;

export const isFengTable = (table: CsvTable) => table.header[0] === 'X' && table.header[1] === 'Y' && table.header.some((name) => RSS_COLUMN.test(name));

export function readFeng(table: CsvTable, name: string): SurveyImportResult {
  const apColumns = table.header.flatMap((header, index) => {
    const match = RSS_COLUMN.exec(header);
    return match ? [{ ap: match[1]!.toUpperCase(), index }] : [];
  });
  const rejected = {};
  const points = [];
  for (const row of table.rows) {
    const xM = cellNumber(row[0]);
    const yM = cellNumber(row[1]);
    if (xM === null || yM === null) {
      reject(rejected, t('survey.rejected.position'));
      continue;
    }
    const readings: SurveyReading[] = [];
    for (const { ap, index } of apColumns) {
      const rssi = cellNumber(row[index]);
      if (rssi === null || rssi <= -150 || rssi >= 0) continue; // −200: not heard
      readings.push({ bssid: ap, ssid: '', band: '5', channel: null, widthMHz: null, rssiDbm: rssi, noiseDbm: null });
    }
    if (readings.length === 0) {
      reject(rejected, t('survey.rejected.noSignal'));
      continue;
    }
    points.push({ position: { xM, yM }, time: null, readings, active: null });
  }
  return { format: 'feng', datasets: [{ name, points }], rowCount: table.rows.length, rejected };
}
