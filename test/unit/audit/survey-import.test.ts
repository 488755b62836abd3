import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/survey/csv.ts';
import { isFengTable, readFeng } from '../../../src/import/survey/feng-csv.ts';
import { guessMapping, missingFields, readGenericSurvey } from '../../../src/import/survey/generic-csv.ts';
import { readIperf3 } from '../../../src/import/survey/iperf3.ts';
import { isNetSpotTable, readNetSpot } from '../../../src/import/survey/netspot-csv.ts';

const surveys = resolve(import.meta.dirname, '../../../fixtures/surveys');
const read = (path: string) => readFileSync(resolve(surveys, path), 'utf8');

describe('NetSpot export (Plainsboro library, CC BY 4.0)', () => {
  it('reads the 67 points of the two floors, in metres, with the best signal per band', () => {
    const table = parseCsv(read('netspot-plainsboro/scan-points.csv'));
    expect(isNetSpotTable(table)).toBe(true);
    const result = readNetSpot(table);
    expect(result.rowCount).toBe(67);
    expect(result.rejected).toEqual({});
    expect(result.datasets.map((dataset) => [dataset.name, dataset.points.length])).toEqual([['Ground', 36], ['Second', 31]]);
    // First row of the file: Ground, 14.45, 21.16, −41 dBm at 2.4 GHz, −50 dBm at 5 GHz.
    expect(result.datasets[0]!.points[0]).toMatchObject({ position: { xM: 14.45, yM: 21.16 }, readings: [{ band: '2.4', rssiDbm: -41, bssid: '' }, { band: '5', rssiDbm: -50 }] });
    // The coordinates look like metres: every point within a 60 m square.
    for (const dataset of result.datasets) for (const point of dataset.points) expect(Math.max(point.position.xM, point.position.yM)).toBeLessThan(60);
  });
});

describe('Feng et al. RSS dataset (MIT)', () => {
  it.each([['office', 4860], ['lecture_theatre', 5280], ['corridor', 5100]])('reads the %s file row for row, −200 (not heard) left out', (room, rows) => {
    const table = parseCsv(read(`feng-rss-rtt/database_${room}_train.csv`));
    expect(isFengTable(table)).toBe(true);
    const result = readFeng(table, room);
    expect(result.rowCount).toBe(rows);
    const heard = table.rows.reduce((sum, row) => sum + row.slice(7, 12).filter((cell) => Number(cell) > -150).length, 0);
    expect(result.datasets[0]!.points.reduce((sum, point) => sum + point.readings.length, 0)).toBe(heard);
  });
});

describe('iperf3 -J results (wifi-heatmapper samples, MIT)', () => {
  it('reads TCP and UDP, iperf 3.9 (end.sum only) included; reverse tests are downloads', () => {
    // Values read from the files by hand: TCP sum_received 45,905,795 b/s; UDP mac sum_received 51,704,870 b/s with
    // 0.2248 ms jitter and 19.99 % loss; UDP Ubuntu (3.9) sum 113,095,072 b/s, 0.0442 ms, 1.86 %.
    expect(readIperf3(read('iperf3/wifi-heatmapper__iperf_tcp_mac.json'))).toEqual({ protocol: 'tcp', downloadMbps: 45.91, uploadMbps: null, jitterMs: null, lossPercent: null });
    const udp = readIperf3(read('iperf3/wifi-heatmapper__iperf_udp_mac.json'))!;
    expect(udp.downloadMbps).toBe(51.7);
    expect(udp.jitterMs).toBeCloseTo(0.2248, 4);
    expect(udp.lossPercent).toBeCloseTo(19.99, 2);
    const ubuntu = readIperf3(read('iperf3/wifi-heatmapper__iperf_udp_ubuntu.json'))!;
    expect(ubuntu).toMatchObject({ protocol: 'udp', downloadMbps: 113.1 });
    expect(ubuntu.lossPercent).toBeCloseTo(1.86, 2);
    expect(readIperf3('{"error": "unable to connect to server"}')).toBeNull();
    expect(readIperf3('pas du JSON')).toBeNull();
  });
});

describe('generic survey CSV', () => {
  const csv = [
    'niveau;x_m;y_m;bssid;ssid;canal;rssi_dbm;bruit_dbm',
    'RDC;1,5;2;AA:BB:CC:00:00:01;JUSTICE;36;-55;-92',
    'RDC;1,5;2;AA:BB:CC:00:00:02;JUSTICE;1;-61;',
    'RDC;1,5;2;AA:BB:CC:00:00:02;JUSTICE;1;-61;', // duplicate row
    'RDC;4;2;AA:BB:CC:00:00:01;JUSTICE;36;fort;', // text in a number
    'RDC;;2;AA:BB:CC:00:00:01;JUSTICE;36;-70;', // no position
    'RDC;400;2;AA:BB:CC:00:00:01;JUSTICE;36;-70;', // outside the plan
    'R+1;3;3;AA:BB:CC:00:00:09;Voisin;6;-80;',
  ].join('\n');

  it('groups rows into points, counts every rejected row by reason, reads decimal commas and bands from channels', () => {
    const table = parseCsv(csv);
    const mapping = guessMapping(table.header);
    expect(missingFields(mapping)).toEqual([]);
    const result = readGenericSurvey(table, mapping, { metersPerPixel: null, bounds: { minX: 0, minY: 0, maxX: 40, maxY: 20 }, defaultName: 'Relevé' });
    expect(result.datasets.map((dataset) => [dataset.name, dataset.points.length, dataset.points[0]!.readings.length])).toEqual([['RDC', 1, 2], ['R+1', 1, 1]]);
    expect(result.datasets[0]!.points[0]!.position).toEqual({ xM: 1.5, yM: 2 });
    expect(result.datasets[0]!.points[0]!.readings.map((reading) => [reading.band, reading.noiseDbm])).toEqual([['5', -92], ['2.4', null]]);
    expect(result.rejected).toEqual({ 'ligne en double': 1, 'signal (RSSI) absent ou non numérique': 1, 'position absente ou non numérique': 1, 'point hors du plan': 1 });
  });

  it('names what is missing when the headers are not recognised, and converts pixel positions with the level scale', () => {
    const table = parseCsv('colonne1,colonne2,colonne3\n1,2,-60\n');
    expect(missingFields(guessMapping(table.header))).toEqual(['x', 'y', 'rssi']);
    const pixels = parseCsv('x_px,y_px,rssi,bande\n100,50,-60,5 GHz\n');
    const result = readGenericSurvey(pixels, guessMapping(pixels.header), { metersPerPixel: 0.02, bounds: null, defaultName: 'Relevé' });
    expect(result.datasets[0]!.points[0]!.position).toEqual({ xM: 2, yM: 1 });
    const unscaled = readGenericSurvey(pixels, guessMapping(pixels.header), { metersPerPixel: null, bounds: null, defaultName: 'Relevé' });
    expect(unscaled.rejected).toEqual({ 'position en pixels alors que le niveau n’est pas étalonné': 1 });
  });

  it('takes a million rows', () => {
    const rows = ['x_m,y_m,bssid,rssi_dbm,canal'];
    for (let index = 0; index < 1_000_000; index++) rows.push(`${index % 1000},${Math.floor(index / 1000) % 50},ap${index % 7},-${40 + (index % 50)},36`);
    const table = parseCsv(rows.join('\n'));
    expect(table.rows).toHaveLength(1_000_000);
    const result = readGenericSurvey(table, guessMapping(table.header), { metersPerPixel: null, bounds: null, defaultName: 'Relevé' });
    expect(result.rowCount).toBe(1_000_000);
    const readings = result.datasets[0]!.points.reduce((sum, point) => sum + point.readings.length, 0);
    expect(readings + (result.rejected['ligne en double'] ?? 0)).toBe(1_000_000);
  });
});

describe('OS scans pasted at a point (wifi-heatmapper samples, MIT)', async () => {
  const { readOsScan, percentToDbm } = await import('../../../src/import/survey/os-scan.ts');
  it('reads nmcli (11 networks, escaped colons), netsh (8 BSSIDs), wdutil (the connection) and system_profiler (1 network with a level)', () => {
    const nmcli = readOsScan(read('os-scan/wifi-heatmapper__linux-nmcli-dev-wifi-list.txt'))!;
    expect(nmcli.format).toBe('nmcli');
    expect(nmcli.readings).toHaveLength(11);
    expect(nmcli.readings[0]).toMatchObject({ bssid: 'fe:dc:ba:09:87:01', ssid: 'SSID-1', channel: 6, band: '2.4', rssiDbm: -50 });
    expect(nmcli.readings[1]!.ssid).toBe('SSID-2-\\foo:bar');
    const netsh = readOsScan(read('os-scan/wifi-heatmapper__win-netsh-networks-en.txt'))!;
    expect(netsh.format).toBe('netsh');
    expect(netsh.readings).toHaveLength(8);
    expect(netsh.readings[0]).toMatchObject({ bssid: 'fe:dc:ba:09:87:01', ssid: 'SSID-1', band: '2.4', channel: 1, rssiDbm: percentToDbm(31) });
    expect(netsh.readings.find((reading) => reading.channel === 149)).toMatchObject({ band: '5', rssiDbm: -71.5 });
    const wdutil = readOsScan(read('os-scan/wifi-heatmapper__macOS15-wdutil-5GHz-en.txt'))!;
    expect(wdutil.readings).toEqual([{ bssid: '', ssid: '', band: '5', channel: 44, widthMHz: 40, rssiDbm: -79, noiseDbm: -91 }]);
    const profiler = readOsScan(read('os-scan/wifi-heatmapper__mac-sp_15.5.json'))!;
    expect(profiler.readings).toEqual([{ bssid: '', ssid: 'SSID-2', band: '2.4', channel: 6, widthMHz: 20, rssiDbm: -39, noiseDbm: -97 }]);
    expect(percentToDbm(0)).toBe(-100);
    expect(percentToDbm(100)).toBe(-50);
    expect(readOsScan('bonjour')).toBeNull();
  });
});
