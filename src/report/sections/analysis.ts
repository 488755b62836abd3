/**
 * The analysis report's own sections (it does not repeat the study report): a summary of zones × bands with the share
 * meeting every criterion and, where that fails, the criterion least met; then the diagnosis, grouped by kind of fault,
 * each failing zone with its cause (which APs, which channel, which level) and the remedy that fits that cause. Zones
 * that meet their profile collapse into one line.
 */
import { formatNumber, messages, t } from '../../i18n/index.ts';
import type { StudyDiagnosis, ZoneDiagnosis } from '../diagnosis.ts';
import { MUTED, type PdfWriter, type TableColumn } from '../pdf/pdf-writer.ts';
import type { StudyReportData } from '../report-data.ts';
import type { ReportPredictions } from '../report-predictions.ts';

const band = (value: string) => value.replace('.', ',');
const percent = (value: number) => `${formatNumber(value * 100, 0)} %`;
const dbm = (value: number) => formatNumber(Math.round(value), 0);
const CRITERIA = ['primary', 'secondary', 'snr', 'coChannel', 'rate'] as const;

export function drawAnalysisSummary(writer: PdfWriter, data: StudyReportData, predictions: ReportPredictions): void {
  writer.paragraph(t('analysis.summaryIntro'), 9.5);
  const bands = [...new Set(predictions.results.map((result) => result.band))];
  const zones = new Map(data.document.coverageZones.map((zone) => [zone.id, zone]));
  const profiles = new Map(data.document.requirementProfiles.map((profile) => [profile.id, profile.name]));
  const levels = new Map(data.document.levels.map((level) => [level.id, level.name]));
  const labels = messages().studyReport.coverageZones;
  const rows = new Map<string, string[]>();
  for (const result of predictions.results) {
    for (const { zoneId, statistics } of result.zones) {
      const zone = zones.get(zoneId);
      const key = `${result.levelId}/${zoneId}`;
      const row = rows.get(key) ?? [levels.get(result.levelId) ?? '', zone?.name ?? zoneId, profiles.get(zone?.requirementProfileId ?? '') ?? '', ...bands.map(() => '—')];
      const worst = CRITERIA.map((criterion) => ({ criterion, share: statistics[criterion] })).filter((entry): entry is { criterion: (typeof CRITERIA)[number]; share: number } => entry.share !== null).sort((a, b) => a.share - b.share)[0];
      row[3 + bands.indexOf(result.band)] = statistics.all >= 0.95 || !worst ? `${percent(statistics.all)} ✓` : t('analysis.worst', { share: percent(statistics.all), criterion: labels[worst.criterion].toLowerCase(), criterionShare: percent(worst.share) });
      rows.set(key, row);
    }
  }
  const columns: TableColumn[] = [{ header: t('serviceSummary.level'), width: 1.6 }, { header: t('serviceSummary.zone'), width: 1.8 }, { header: t('analysis.profile'), width: 1.3 }, ...bands.map((value) => ({ header: `${band(value)} GHz`, width: 2 }))];
  if (rows.size === 0) writer.paragraph(t('studyReport.noPrediction', { reason: predictions.error ?? t('studyReport.noRadios') }));
  else writer.table(columns, [...rows.values()]);
}

export function drawDiagnosis(writer: PdfWriter, diagnosis: StudyDiagnosis): void {
  if (diagnosis.met.length > 0) {
    writer.paragraph(t('analysis.metLine', { count: diagnosis.met.length, list: diagnosis.met.map((entry) => `${entry.zoneName} (${entry.levelName}, ${band(entry.band)} GHz)`).join(' ; ') }), 9.5);
  }
  if (diagnosis.failing.length === 0) {
    writer.paragraph(t('analysis.allMet'));
    return;
  }
  const kinds = [...new Set(diagnosis.failing.map((entry) => entry.kind))];
  for (const kind of kinds) {
    writer.heading(t(`analysis.kinds.${kind}`), 2);
    // Zones with the same remedy form one finding: the zones and their shares, the cause where it is worst, the remedy once.
    const groups = new Map<string, ZoneDiagnosis[]>();
    for (const entry of diagnosis.failing.filter((candidate) => candidate.kind === kind)) groups.set(`${entry.band}/${remedy(entry)}`, [...(groups.get(`${entry.band}/${remedy(entry)}`) ?? []), entry]);
    for (const entries of groups.values()) {
      const worst = [...entries].sort((a, b) => a.share - b.share)[0]!;
      writer.ensureSpace(80);
      writer.paragraph(t('analysis.groupLine', { band: band(worst.band), criterion: messages().studyReport.coverageZones[kind].toLowerCase(), list: entries.map((entry) => t('analysis.zoneShare', { level: entry.levelName, zone: entry.zoneName, share: percent(entry.share) })).join(' ; ') }), 10);
      writer.paragraph(cause(worst), 9.5);
      writer.paragraph(remedy(worst), 9.5);
    }
  }
  writer.paragraph(t('analysis.method'), 8, MUTED);
}

function apLabel(entry: ZoneDiagnosis['interferers'][number]): string {
  return entry.otherLevel ? t('analysis.apOtherLevel', { ap: entry.apName, level: entry.levelName, channel: entry.channel, rssi: dbm(entry.rssiDbm) }) : t('analysis.apSameLevel', { ap: entry.apName, channel: entry.channel, rssi: dbm(entry.rssiDbm) });
}

export function cause(entry: ZoneDiagnosis): string {
  const serving = entry.serving;
  switch (entry.kind) {
    case 'coChannel':
      return entry.interferers.length > 0 ? t('analysis.cause.coChannel', { count: entry.interferers.length, threshold: dbm(entry.threshold), list: entry.interferers.slice(0, 4).map(apLabel).join(', '), serving: serving?.apName ?? '—' }) : t('analysis.cause.coChannelUnknown', { threshold: dbm(entry.threshold) });
    case 'snr':
      return entry.noiseSources.length > 0 ? t('analysis.cause.snrSource', { threshold: dbm(entry.threshold), sources: entry.noiseSources.join(', ') }) : t('analysis.cause.snr', { threshold: dbm(entry.threshold), ap: serving?.apName ?? '—', rssi: serving ? dbm(serving.rssiDbm) : '—' });
    case 'rate':
      return t('analysis.cause.rate', { threshold: dbm(entry.threshold), band: band(entry.band), ap: serving?.apName ?? '—', rssi: serving ? dbm(serving.rssiDbm) : '—' });
    case 'secondary':
      return t('analysis.cause.secondary', { threshold: dbm(entry.threshold), ap: serving?.apName ?? '—' });
    default:
      return serving ? t('analysis.cause.primary', { ap: serving.apName, rssi: dbm(serving.rssiDbm), threshold: dbm(entry.threshold), level: serving.otherLevel ? ` (${serving.levelName})` : '' }) : t('analysis.cause.primaryNone', { threshold: dbm(entry.threshold) });
  }
}

export function remedy(entry: ZoneDiagnosis): string {
  const serving = entry.serving;
  switch (entry.kind) {
    case 'coChannel': {
      const first = entry.interferers[0];
      if (!first) return t('analysis.remedy.coChannelPlan');
      // Three non-overlapping channels cannot separate this many 2.4 GHz radios: fewer of them, not another channel.
      if (entry.band === '2.4' && entry.interferers.length >= 3) return t('analysis.remedy.coChannel24Dense', { ap: first.apName, count: entry.interferers.length + 1 });
      return entry.proposedChannel !== null ? t('analysis.remedy.coChannel', { ap: first.apName, from: first.channel, to: entry.proposedChannel }) : t('analysis.remedy.coChannelPower', { ap: first.apName });
    }
    case 'snr':
      return entry.noiseSources.length > 0 ? t('analysis.remedy.snrSource', { sources: entry.noiseSources.join(', ') }) : t('analysis.remedy.coverage', { ap: serving?.apName ?? '—' });
    case 'rate':
      return entry.band === '2.4' ? t('analysis.remedy.rate24') : t('analysis.remedy.rate', { ap: serving?.apName ?? '—' });
    case 'secondary':
      return t('analysis.remedy.secondary');
    default:
      if (!serving) return t('analysis.remedy.primaryNone');
      if (serving.otherLevel) return t('analysis.remedy.primaryOtherLevel', { level: serving.levelName });
      if ((entry.powerHeadroomDb ?? 0) >= 1 && serving.rssiDbm + (entry.powerHeadroomDb ?? 0) >= entry.threshold) return t('analysis.remedy.power', { ap: serving.apName, from: dbm(serving.txPowerDbm), to: dbm(serving.txPowerDbm + Math.min(entry.powerHeadroomDb ?? 0, Math.ceil(entry.threshold - serving.rssiDbm))) });
      return t('analysis.remedy.coverage', { ap: serving.apName });
  }
}
