/**
 * What every importer from another tool does alike: ids kept where free, and AP models found in the catalogue by
 * vendor and name or added with assumed gains and a warning.
 */
import { formatNumber, t } from '../i18n/index.ts';
import type { ApModel, Band, ProjectDocument } from '../model/schema.ts';
import { apsOnWalls, channelFindings } from '../model/radio-findings.ts';
import type { ImportReportBuilder } from './import-report.ts';

/** Assumed when a file gives no transmit power. */
export const DEFAULT_POWER_DBM: Record<Band, number> = { '2.4': 17, '5': 20, '6': 20 };
/** Antenna gain assumed for a model Ondeplan's catalogue does not know (other tools keep gains in their own catalogue). */
export const UNKNOWN_MODEL_GAIN_DBI: Record<Band, number> = { '2.4': 4, '5': 5, '6': 5 };

/** Keeps the file's own ids where they are free (a re-import finds the same objects), else a fresh one. */
export function idMaker(document: ProjectDocument, fresh: () => string): (sourceId?: string) => string {
  // The new study's starting building and level are replaced by the file's: their ids are free.
  const used = new Set<string>([...document.materials, ...document.antennaPatterns, ...document.apModels, ...document.ssids, ...document.requirementProfiles].map((item) => item.id));
  return (sourceId) => {
    let id = sourceId && sourceId.length <= 200 && !used.has(sourceId) ? sourceId : fresh();
    while (used.has(id)) id = fresh();
    used.add(id);
    return id;
  };
}

export interface ModelRequest {
  vendor: string;
  model: string;
  bands: Band[];
  spatialStreams: number;
  /** Where the model comes from, kept as its `source`. */
  source: string;
  /** Patterns of a new model, built only when the model is new. */
  patterns?: () => Pick<ApModel, 'antennaPatternId' | 'bandPatternIds'>;
}

/**
 * The catalogue model of the same vendor and name (case aside), else one added to `created` (once per vendor and
 * name) with the assumed gains, and a warning saying so.
 */
export function catalogueModel(known: readonly ApModel[], created: Map<string, ApModel>, request: ModelRequest, ids: () => string, report: ImportReportBuilder): string {
  const vendor = request.vendor.trim();
  const name = request.model.trim() || t('exchange.esx.unknownModel');
  const match = known.find((model) => model.vendor.toLowerCase() === vendor.toLowerCase() && model.model.toLowerCase() === name.toLowerCase());
  if (match) return match.id;
  const key = `${vendor}/${name}`;
  if (!created.has(key)) {
    const { antennaPatternId = null, bandPatternIds } = request.patterns?.() ?? {};
    created.set(key, {
      id: ids(),
      vendor: vendor.slice(0, 120),
      model: name.slice(0, 120),
      bands: request.bands.length > 0 ? request.bands : ['5'],
      maxTxPowerDbm: { '2.4': 20, '5': 23, '6': 23 },
      antennaGainDbi: { ...UNKNOWN_MODEL_GAIN_DBI },
      antennaPatternId,
      ...(bandPatternIds && Object.keys(bandPatternIds).length > 0 ? { bandPatternIds } : {}),
      spatialStreams: Math.min(16, Math.max(1, Math.round(request.spatialStreams))),
      bomReference: '',
      priceEur: null,
      accessories: [],
      poeClass: null,
      maxPowerDrawW: null,
      mounting: [],
      source: request.source.slice(0, 1000),
    });
    report.warn(t('exchange.esx.unknownModelWarning', { model: vendor ? `${vendor} ${name}` : name, gain24: UNKNOWN_MODEL_GAIN_DBI['2.4'], gain5: UNKNOWN_MODEL_GAIN_DBI['5'] }));
  }
  return created.get(key)!.id;
}

/**
 * What the engine computes but the user must know before trusting the map, for every import (package or another
 * tool's file): channels not allowed in France, APs on a wall line.
 */
export function radioFindingTexts(document: Pick<ProjectDocument, 'accessPoints' | 'walls'>): string[] {
  return [
    ...apsOnWalls(document).map((finding) => t('projects.importFindings.onWall', { ap: finding.apName, distance: formatNumber(finding.distanceM * 100, 1) })),
    ...channelFindings(document).map((finding) => t('projects.importFindings.channel', { ap: finding.apName, channel: finding.channel, band: finding.band.replace('.', ',') })),
  ];
}

export function warnRadioFindings(document: ProjectDocument, report: ImportReportBuilder): void {
  for (const text of radioFindingTexts(document)) report.warn(text);
}
