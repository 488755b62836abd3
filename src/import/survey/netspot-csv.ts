/**
 * NetSpot survey export as published with the Plainsboro library survey (CC BY 4.0): one row per scan point with
 * `floor, point_id, map_x, map_y, best_24_dbm, best_5_dbm, …`. The coordinates are metres (NetSpot's `x`, `y`;
 * image pixels would be x × scale × 100). Each point gets the best signal of each band, without AP identity.
 */
import { t } from '../../i18n/index.ts';
import { cellNumber, type CsvTable } from './csv.ts';
import { reject, type ImportedDataset, type SurveyImportResult, type SurveyReading } from './survey-import.ts';

export const isNetSpotTable = (table: CsvTable) => ['floor', 'map_x', 'map_y', 'best_24_dbm', 'best_5_dbm'].every((name) => table.header.includes(name));

export function readNetSpot(table: CsvTable): SurveyImportResult {
  const column = (name: string) => table.header.indexOf(name);
  const [floor, x, y, best24, best5] = ['floor', 'map_x', 'map_y', 'best_24_dbm', 'best_5_dbm'].map(column) as [number, number, number, number, number];
  const datasets = new Map<string, ImportedDataset>();
  const rejected = {};
  const seen = new Set<string>();
  for (const row of table.rows) {
    const xM = cellNumber(row[x]);
    const yM = cellNumber(row[y]);
    if (xM === null || yM === null) {
      reject(rejected, t('survey.rejected.position'));
      continue;
    }
    const name = (row[floor] ?? '').trim() || t('survey.defaultDataset');
    const key = `${name}|${row.join(',')}`;
    if (seen.has(key)) {
      reject(rejected, t('survey.rejected.duplicate'));
      continue;
    }
    seen.add(key);
    const readings: SurveyReading[] = [];
    for (const [band, index] of [['2.4', best24], ['5', best5]] as const) {
      const rssi = cellNumber(row[index]);
      if (rssi !== null && rssi < 0 && rssi >= -150) readings.push({ bssid: '', ssid: '', band, channel: null, widthMHz: null, rssiDbm: rssi, noiseDbm: null });
    }
    if (readings.length === 0) {
      reject(rejected, t('survey.rejected.noSignal'));
      continue;
    }
    const dataset = datasets.get(name) ?? { name, points: [] };
    datasets.set(name, dataset);
    dataset.points.push({ position: { xM, yM }, time: null, readings, active: null });
  }
  return { format: 'netspot', datasets: [...datasets.values()], rowCount: table.rows.length, rejected };
}
