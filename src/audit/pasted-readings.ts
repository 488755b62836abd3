/**
 * Readings pasted or typed for one survey point (stop-and-go entry): an OS Wi-Fi scan (nmcli, netsh, wdutil,
 * system_profiler), CSV lines with the documented columns, or, without a header, `bssid;ssid;canal;rssi` per line.
 */
import { parseCsv } from '../import/survey/csv.ts';
import { guessMapping, missingFields, readGenericSurvey } from '../import/survey/generic-csv.ts';
import type { SurveyReading } from '../import/survey/survey-import.ts';
import { readOsScan } from '../import/survey/os-scan.ts';

export function readPastedReadings(text: string): { readings: SurveyReading[]; rejected: number; osScan?: string } {
  const trimmed = text.trim();
  if (!trimmed) return { readings: [], rejected: 0 };
  const scan = readOsScan(trimmed);
  if (scan) return { readings: scan.readings, rejected: scan.rejected, osScan: scan.format };
  const firstLine = trimmed.split(/\r?\n/)[0]!;
  const header = parseCsv(firstLine + '\n').header;
  const hasHeader = guessMapping(header).rssi !== undefined;
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  // Without a header, every line is bssid;ssid;canal;rssi, placed at 0, 0 (the clicked position replaces it).
  const body = hasHeader ? trimmed : ['bssid', 'ssid', 'canal', 'rssi_dbm'].join(delimiter) + '\n' + trimmed;
  const csv = body
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? `x_m${delimiter}y_m${delimiter}${line}` : `0${delimiter}0${delimiter}${line}`))
    .join('\n');
  const table = parseCsv(csv);
  const mapping = guessMapping(table.header);
  if (missingFields(mapping).length > 0) return { readings: [], rejected: table.rows.length };
  const result = readGenericSurvey(table, mapping, { metersPerPixel: null, bounds: null, defaultName: '' });
  const readings = result.datasets.flatMap((dataset) => dataset.points.flatMap((point) => point.readings));
  return { readings, rejected: Object.values(result.rejected).reduce((sum, count) => sum + count, 0) };
}
