/**
 * Ekahau access points and their simulated radios → Ondeplan APs. Position in plan units × metres per unit; height,
 * direction and tilt from the radios (Ekahau keeps them per radio, Ondeplan per AP: the first Wi-Fi radio's, and a
 * difference is reported); band from the antenna type's band, else from the channel; width from the number of
 * 20 MHz channels listed; Bluetooth radios and neighbours' APs (`mine: false`) left out and counted.
 */
import { t } from '../../i18n/index.ts';
import type { AccessPoint, AntennaPattern, ApModel, Band, Radio } from '../../model/schema.ts';
import type { ImportReportBuilder } from '../import-report.ts';
import type { EsxTables } from './esx-archive.ts';
import type { PlacedFloor } from './esx-floors.ts';
import type { EsxRecord } from './esx-tables.ts';
import { clean, ESX_BAND } from './esx-units.ts';
import { catalogueModel, DEFAULT_POWER_DBM } from '../import-shared.ts';

const WIDTHS = { 1: 20, 2: 40, 4: 80, 8: 160 } as const;

export interface ApsResult {
  accessPoints: AccessPoint[];
  apModels: ApModel[];
  antennaPatterns: AntennaPattern[];
}

export function apsFromEsx(tables: EsxTables, floors: readonly PlacedFloor[], knownModels: readonly ApModel[], ids: (sourceId?: string) => string, defaultSsidIds: string[], report: ImportReportBuilder): ApsResult {
  const floorOf = new Map(floors.map((floor) => [floor.plan.id, floor]));
  const antennas = new Map(tables.antennaTypes.map((antenna) => [antenna.id, antenna]));
  const radiosOf = new Map<string, EsxRecord<'simulatedRadios'>[]>();
  for (const radio of tables.simulatedRadios) radiosOf.set(radio.accessPointId, [...(radiosOf.get(radio.accessPointId) ?? []), radio]);
  const models = new Map<string, ApModel>();
  const patterns = new Map<string, AntennaPattern>();
  const accessPoints: AccessPoint[] = [];
  const left = { neighbours: 0, unplaced: 0, bluetooth: 0, noChannel: 0, noPower: 0, mixedGeometry: 0, tags: 0 };

  for (const ap of tables.accessPoints) {
    if (ap.mine === false) {
      left.neighbours++;
      continue;
    }
    const floor = ap.location ? floorOf.get(ap.location.floorPlanId) : undefined;
    if (!ap.location || !floor) {
      left.unplaced++;
      continue;
    }
    const all = [...(radiosOf.get(ap.id) ?? [])].sort((a, b) => (a.accessPointIndex ?? 0) - (b.accessPointIndex ?? 0));
    const wifi = all.filter((radio) => (radio.radioTechnology ?? 'IEEE802_11') === 'IEEE802_11');
    left.bluetooth += all.length - wifi.length;
    const radios: Radio[] = [];
    for (const radio of wifi) {
      const band = bandOf(radio, antennas);
      const channels = radio.channel ?? [];
      if (channels.length === 0) left.noChannel++;
      if (radio.transmitPower === undefined) left.noPower++;
      const widthMHz = WIDTHS[channels.length as keyof typeof WIDTHS] ?? 20;
      radios.push({
        id: ids(radio.id),
        band,
        channel: Math.min(233, Math.max(1, Math.round(channels.length > 0 ? channels[0]! : band === '2.4' ? 1 : band === '5' ? 36 : 5))),
        widthMHz,
        txPowerDbm: Math.min(36, Math.max(-10, radio.transmitPower ?? DEFAULT_POWER_DBM[band])),
        enabled: (radio.enabled ?? true) && channels.length > 0,
        ssidIds: [...defaultSsidIds],
      });
    }
    const first = wifi[0];
    const geometry = (radio: EsxRecord<'simulatedRadios'>) => `${radio.antennaHeight}/${radio.antennaDirection}/${radio.antennaTilt}`;
    if (first && wifi.some((radio) => geometry(radio) !== geometry(first))) left.mixedGeometry++;
    if ((ap.tags?.length ?? 0) > 0) left.tags++;
    const modelId = modelFor(ap, wifi, knownModels, models, patterns, antennas, ids, report);
    accessPoints.push({
      id: ids(ap.id),
      name: (ap.name || t('exchange.esx.apName', { number: accessPoints.length + 1 })).slice(0, 120),
      levelId: floor.level.id,
      modelId,
      position: { xM: clean(ap.location.coord.x * floor.plan.metersPerUnit), yM: clean(ap.location.coord.y * floor.plan.metersPerUnit) },
      mountingHeightM: Math.min(50, Math.max(0, first?.antennaHeight ?? 2.7)),
      azimuthDeg: clean(((first?.antennaDirection ?? 0) % 360 + 360) % 360),
      tiltDeg: Math.min(90, Math.max(-90, first?.antennaTilt ?? 0)),
      radios,
      locked: false,
      bssidPrefix: '',
    });
  }
  report.count(t('exchange.esx.imported.aps'), accessPoints.length);
  report.count(t('exchange.esx.imported.radios'), accessPoints.reduce((sum, ap) => sum + ap.radios.length, 0));
  const leave = (key: 'neighbours' | 'unplaced' | 'bluetooth' | 'noChannel' | 'noPower' | 'mixedGeometry' | 'tags', count: number) => report.leaveOut(t(`exchange.esx.left.${key}.what`), t(`exchange.esx.left.${key}.why`), t(`exchange.esx.left.${key}.fix`), count);
  leave('neighbours', left.neighbours);
  leave('unplaced', left.unplaced);
  leave('bluetooth', left.bluetooth);
  leave('noChannel', left.noChannel);
  leave('noPower', left.noPower);
  leave('mixedGeometry', left.mixedGeometry);
  leave('tags', left.tags);
  return { accessPoints, apModels: [...models.values()], antennaPatterns: [...patterns.values()] };
}

function bandOf(radio: EsxRecord<'simulatedRadios'>, antennas: ReadonlyMap<string, EsxRecord<'antennaTypes'>>): Band {
  const declared = (radio.antennaTypeId ? antennas.get(radio.antennaTypeId)?.frequencyBand : undefined) ?? radio.defaultAntennas?.find((antenna) => (antenna.radioTechnology ?? 'IEEE802_11') === 'IEEE802_11')?.frequencyBand;
  if (declared && ESX_BAND[declared]) return ESX_BAND[declared]!;
  const channel = radio.channel?.[0] ?? 36;
  return channel <= 14 ? '2.4' : '5';
}

/** The catalogue model of the AP's vendor and name, else a new one with each band's directional antenna as its pattern. */
function modelFor(
  ap: EsxRecord<'accessPoints'>,
  radios: EsxRecord<'simulatedRadios'>[],
  known: readonly ApModel[],
  created: Map<string, ApModel>,
  patterns: Map<string, AntennaPattern>,
  antennas: ReadonlyMap<string, EsxRecord<'antennaTypes'>>,
  ids: (sourceId?: string) => string,
  report: ImportReportBuilder,
): string {
  const newModelPatterns = () => {
    // Each band's directional antenna gives that band's pattern; the 5 GHz one (else the first) is the model's.
    const directional = radios.flatMap((radio) => {
      const antenna = radio.antennaTypeId ? antennas.get(radio.antennaTypeId) : undefined;
      return antenna?.directional && antenna.hplane?.gains.length ? [{ band: bandOf(radio, antennas), antenna }] : [];
    });
    const patternOf = (antenna: EsxRecord<'antennaTypes'>) => {
      if (!patterns.has(antenna.id)) patterns.set(antenna.id, patternFrom(antenna, ids(antenna.id)));
      return patterns.get(antenna.id)!.id;
    };
    const chosen = directional.find((entry) => entry.band === '5') ?? directional[0];
    const antennaPatternId = chosen ? patternOf(chosen.antenna) : null;
    const bandPatternIds: NonNullable<ApModel['bandPatternIds']> = {};
    for (const entry of directional) if (entry.antenna.id !== chosen!.antenna.id) bandPatternIds[entry.band] = patternOf(entry.antenna);
    return { antennaPatternId, bandPatternIds };
  };
  const request = { vendor: ap.vendor ?? '', model: ap.model ?? '', bands: [...new Set(radios.map((radio) => bandOf(radio, antennas)))], spatialStreams: Math.max(1, ...radios.map((radio) => Math.round(radio.spatialStreamCount ?? 2))), source: t('exchange.modelSource.esx'), patterns: newModelPatterns };
  return catalogueModel(known, created, request, ids, report);
}

/** Horizontal cut from Ekahau's `hplane` gains (angle → dB), on a 1° grid, normalised to 0 dB at its maximum. */
function patternFrom(antenna: EsxRecord<'antennaTypes'>, id: string): AntennaPattern {
  const gains = [...antenna.hplane!.gains].map((entry) => ({ angle: ((entry.angle % 360) + 360) % 360, gain: entry.gain })).sort((a, b) => a.angle - b.angle);
  const at = (angle: number): number => {
    const after = gains.find((entry) => entry.angle >= angle) ?? { angle: gains[0]!.angle + 360, gain: gains[0]!.gain };
    const before = [...gains].reverse().find((entry) => entry.angle <= angle) ?? { angle: gains.at(-1)!.angle - 360, gain: gains.at(-1)!.gain };
    if (after.angle === before.angle) return before.gain;
    return before.gain + ((after.gain - before.gain) * (angle - before.angle)) / (after.angle - before.angle);
  };
  const cut = Array.from({ length: 360 }, (_, angle) => at(angle));
  const peak = Math.max(...cut);
  return { id, name: (antenna.name || t('exchange.esx.patternName')).slice(0, 120), azimuthCutDb: cut.map((gain) => clean(gain - peak, 6)), elevationCutDb: [0] };
}
