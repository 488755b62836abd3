/**
 * Ekahau survey data (shared/reference/formats.md §1.4, reverse-engineered by WiProber; best effort) → the audit's
 * survey datasets: each `survey-<id>.json` survey on a floor Ondeplan imported becomes one dataset; each scan of its
 * Wi-Fi tracks becomes one point, placed along the route by time, with one reading per BSSID heard.
 *
 * Track files (`track-<binaryFileId>.bin`) are big-endian tagged records: header `02 01`; a scan `00 <int32 index>`;
 * per BSSID `01`, `02 <int32 time ms>`, `04 <uint16 measurement index>`, `05 <int8 RSSI dBm>`, optional
 * `06 <byte>`, `11 <int32 MHz>`, `09`; `10` ends the scan. The measurement index is the position in the project's
 * `accessPointMeasurements` table. Route-point times are offsets from the survey's start, in nanoseconds in older
 * builds and milliseconds in newer ones (told apart by magnitude).
 */
import { t } from '../../i18n/index.ts';
import { LIMITS, type Band, type SurveyDataset } from '../../model/schema.ts';
import type { ImportReportBuilder } from '../import-report.ts';
import type { PlacedFloor } from './esx-floors.ts';
import type { EsxRecord } from './esx-tables.ts';

export interface TrackSample {
  scan: number;
  timeMs: number;
  measurement: number;
  rssiDbm: number;
  frequencyMHz: number;
}

export class TrackFormatError extends Error {}

/** Decodes one track file; throws TrackFormatError at the first byte it cannot read. */
export function readTrack(bytes: Uint8Array): TrackSample[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 2 || bytes[0] !== 0x02 || bytes[1] !== 0x01) throw new TrackFormatError('en-tête 02 01 absent');
  const samples: TrackSample[] = [];
  let offset = 2;
  let scan = -1;
  let record: Partial<TrackSample> | null = null;
  const need = (count: number) => {
    if (offset + count > bytes.length) throw new TrackFormatError(`fin de fichier au milieu d’un champ (octet ${offset})`);
  };
  while (offset < bytes.length) {
    const tag = bytes[offset++]!;
    switch (tag) {
      case 0x00:
        need(4);
        scan = view.getInt32(offset);
        offset += 4;
        break;
      case 0x01:
        record = { scan };
        break;
      case 0x02:
        need(4);
        if (record) record.timeMs = view.getInt32(offset);
        offset += 4;
        break;
      case 0x04:
        need(2);
        if (record) record.measurement = view.getUint16(offset);
        offset += 2;
        break;
      case 0x05:
        need(1);
        if (record) record.rssiDbm = view.getInt8(offset);
        offset += 1;
        break;
      case 0x06:
        need(1);
        offset += 1;
        break;
      case 0x11:
        need(4);
        if (record) record.frequencyMHz = view.getInt32(offset);
        offset += 4;
        break;
      case 0x09:
        if (record && record.timeMs !== undefined && record.measurement !== undefined && record.rssiDbm !== undefined && record.frequencyMHz !== undefined) samples.push(record as TrackSample);
        record = null;
        break;
      case 0x10:
        record = null;
        break;
      default:
        throw new TrackFormatError(`étiquette inconnue 0x${tag.toString(16).padStart(2, '0')} à l’octet ${offset - 1}`);
    }
  }
  return samples;
}

export function bandOfFrequency(mhz: number): Band | null {
  if (mhz >= 2400 && mhz <= 2500) return '2.4';
  if (mhz >= 4900 && mhz < 5925) return '5';
  if (mhz >= 5925 && mhz <= 7125) return '6';
  return null;
}

export function channelOfFrequency(mhz: number, band: Band): number {
  if (band === '2.4') return mhz === 2484 ? 14 : Math.round((mhz - 2407) / 5);
  if (band === '5') return Math.round((mhz - 5000) / 5);
  return Math.round((mhz - 5950) / 5);
}

interface RoutePoint {
  timeMs: number;
  x: number;
  y: number;
}

/** Position at a time along the route (linear between route points, held at the ends). */
export function positionAt(route: readonly RoutePoint[], timeMs: number): { x: number; y: number } | null {
  if (route.length === 0) return null;
  if (timeMs <= route[0]!.timeMs) return route[0]!;
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    if (timeMs <= b.timeMs) {
      const f = b.timeMs > a.timeMs ? (timeMs - a.timeMs) / (b.timeMs - a.timeMs) : 1;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
  }
  return route.at(-1)!;
}

type SurveyJson = {
  id?: string;
  name?: string;
  startTime?: string;
  floorPlanId?: string;
  routePoints?: unknown;
  wifiTracks?: { binaryFileId?: string }[];
};

export function surveysFromEsx(
  surveyFiles: ReadonlyMap<string, unknown>,
  tracks: ReadonlyMap<string, Uint8Array>,
  measurements: readonly EsxRecord<'accessPointMeasurements'>[],
  floors: readonly PlacedFloor[],
  ids: () => string,
  report: ImportReportBuilder,
): SurveyDataset[] {
  const floorOf = new Map(floors.map((floor) => [floor.plan.id, floor]));
  const datasets: SurveyDataset[] = [];
  const left = { noFloor: 0, noTrack: 0, badTrack: 0, empty: 0, otherBands: 0 };
  let readings = 0;
  for (const [fileName, content] of surveyFiles) {
    const surveys = Array.isArray((content as { surveys?: unknown })?.surveys) ? ((content as { surveys: SurveyJson[] }).surveys) : [];
    for (const survey of surveys) {
      const floor = survey.floorPlanId ? floorOf.get(survey.floorPlanId) : undefined;
      if (!floor) {
        left.noFloor++;
        continue;
      }
      const route = routeOf(survey.routePoints);
      const samples: TrackSample[] = [];
      for (const track of survey.wifiTracks ?? []) {
        const bytes = track.binaryFileId ? tracks.get(track.binaryFileId) : undefined;
        if (!bytes) {
          left.noTrack++;
          continue;
        }
        try {
          samples.push(...readTrack(bytes));
        } catch {
          left.badTrack++;
        }
      }
      const scans = new Map<number, TrackSample[]>();
      for (const sample of samples) scans.set(sample.scan, [...(scans.get(sample.scan) ?? []), sample]);
      const start = survey.startTime && !Number.isNaN(Date.parse(survey.startTime)) ? Date.parse(survey.startTime) : null;
      const points: SurveyDataset['points'] = [];
      for (const scan of [...scans.values()].sort((a, b) => a[0]!.timeMs - b[0]!.timeMs)) {
        const timeMs = scan.reduce((sum, sample) => sum + sample.timeMs, 0) / scan.length;
        const at = positionAt(route, timeMs);
        if (!at) continue;
        const pointReadings: SurveyDataset['points'][number]['readings'] = [];
        for (const sample of scan) {
          const band = bandOfFrequency(sample.frequencyMHz);
          const measurement = measurements[sample.measurement];
          if (!band || !measurement || sample.rssiDbm > 0 || sample.rssiDbm < -150) {
            left.otherBands++;
            continue;
          }
          const channels = measurement.channelByCenterFrequencyDefinedNarrowChannels ?? measurement.channel ?? [];
          const width = ({ 1: 20, 2: 40, 4: 80, 8: 160 } as Record<number, 20 | 40 | 80 | 160>)[channels.length] ?? null;
          const channel = channelOfFrequency(sample.frequencyMHz, band);
          pointReadings.push({ bssid: (measurement.mac ?? '').slice(0, 40), ssid: (measurement.ssid ?? '').slice(0, 64), band, channel: channel >= 1 && channel <= 233 ? channel : null, widthMHz: width, rssiDbm: sample.rssiDbm, noiseDbm: null });
        }
        if (pointReadings.length === 0) continue;
        readings += pointReadings.length;
        const scale = floor.plan.metersPerUnit;
        const clamp = (value: number) => Math.max(-LIMITS.coordinateM, Math.min(LIMITS.coordinateM, value));
        points.push({ position: { xM: clamp(at.x * scale), yM: clamp(at.y * scale) }, time: start === null ? null : new Date(start + timeMs).toISOString(), readings: pointReadings, active: null });
      }
      if (points.length === 0) {
        left.empty++;
        continue;
      }
      datasets.push({ id: ids(), levelId: floor.level.id, name: (survey.name || t('exchange.esx.surveyName', { number: datasets.length + 1 })).slice(0, 200), source: t('exchange.esx.surveySource', { file: fileName }).slice(0, 300), deviceOffsetDb: 0, points });
    }
  }
  report.count(t('exchange.esx.imported.surveys'), datasets.length);
  report.count(t('exchange.esx.imported.surveyPoints'), datasets.reduce((sum, dataset) => sum + dataset.points.length, 0));
  report.count(t('exchange.esx.imported.surveyReadings'), readings);
  for (const [key, count] of Object.entries(left) as [keyof typeof left, number][]) report.leaveOut(t(`exchange.esx.left.survey.${key}.what`), t(`exchange.esx.left.survey.${key}.why`), t(`exchange.esx.left.survey.${key}.fix`), count);
  return datasets;
}

/** Route points flattened (they come in nested lists), times in ms from the start, sorted. */
function routeOf(raw: unknown): RoutePoint[] {
  const flat: { time: number; x: number; y: number }[] = [];
  const visit = (node: unknown, depth: number) => {
    if (Array.isArray(node)) {
      if (depth < 4) for (const item of node) visit(item, depth + 1);
      return;
    }
    const point = node as { time?: unknown; location?: { x?: unknown; y?: unknown } } | null;
    if (point && typeof point.time === 'number' && typeof point.location?.x === 'number' && typeof point.location?.y === 'number' && Number.isFinite(point.time)) flat.push({ time: point.time, x: point.location.x, y: point.location.y });
  };
  visit(raw, 0);
  // Older builds count in nanoseconds: a route longer than 1e9 units is not milliseconds (11 days).
  const inNs = flat.some((point) => point.time >= 1e9);
  return flat.map((point) => ({ timeMs: inNs ? point.time / 1e6 : point.time, x: point.x, y: point.y })).sort((a, b) => a.timeMs - b.timeMs);
}
