/**
 * The compte rendu of the service: its frame, what was done when and by whom, the results in figures and per zone
 * and band, the open points (inputs still missing, reservations, criteria not met, what the study lacks), and the
 * files delivered. It states; the analysis report explains.
 */
import { formatNumber, t } from '../../i18n/index.ts';
import { MUTED, type PdfWriter } from '../pdf/pdf-writer.ts';
import type { StudyReportData } from '../report-data.ts';
import type { ReportPredictions } from '../report-predictions.ts';
import { missingInputs } from './document-control.ts';
import { toFrenchDate as frenchDate } from '../../i18n/french-date.ts';

const band = (value: string) => value.replace('.', ',');
const percent = (value: number) => `${formatNumber(value * 100, 0)} %`;

export function drawServiceSummary(writer: PdfWriter, data: StudyReportData, predictions: ReportPredictions, deliverableNames: readonly string[]): void {
  const { study } = data.document;
  writer.heading(t('serviceSummary.frame'), 2);
  writer.paragraph(
    t('serviceSummary.frameText', {
      kind: t(`studyKinds.${study.kind}`).toLowerCase(),
      site: study.site.entityName || t('studyReport.none'),
      start: study.startDate ? frenchDate(study.startDate) : t('studyReport.none'),
      end: study.endDate ? frenchDate(study.endDate) : t('serviceSummary.ongoing'),
      order: study.orderReference || t('documentControl.notGiven'),
    }),
  );

  writer.heading(t('delivery.lists.activities'), 2);
  if (study.delivery.activities.length === 0) writer.paragraph(t('serviceSummary.noActivity'), 9.5, MUTED);
  else writer.table([{ header: t('delivery.activity.date'), width: 1 }, { header: t('delivery.activity.who'), width: 1.6 }, { header: t('delivery.activity.what'), width: 5 }], study.delivery.activities.map((row) => [frenchDate(row.date), row.who, row.what]));

  writer.heading(t('serviceSummary.results'), 2);
  const evaluations = predictions.results.flatMap((result) => result.zones);
  const compliant = evaluations.filter((zone) => zone.statistics.all >= 0.95).length;
  writer.paragraph(t('studyReport.summaryText', { kind: t(`studyKinds.${study.kind}`).toLowerCase(), levels: data.document.levels.length, area: formatNumber(data.totalCoverageAreaM2, 0), aps: data.accessPoints.length, compliant, assessed: evaluations.length }));
  const zones = new Map(data.document.coverageZones.map((zone) => [zone.id, zone]));
  const levels = new Map(data.document.levels.map((level) => [level.id, level.name]));
  if (evaluations.length > 0) {
    writer.table(
      [{ header: t('serviceSummary.level'), width: 2 }, { header: t('serviceSummary.zone'), width: 2.4 }, { header: t('serviceSummary.band'), width: 0.9 }, { header: t('serviceSummary.share'), width: 1.3, align: 'right' }, { header: t('serviceSummary.verdict'), width: 1.4 }],
      predictions.results.flatMap((result) => result.zones.map(({ zoneId, statistics }) => [levels.get(result.levelId) ?? '', zones.get(zoneId)?.name ?? zoneId, `${band(result.band)} GHz`, percent(statistics.all), statistics.all >= 0.95 ? t('serviceSummary.met') : t('serviceSummary.notMet')])),
    );
  }

  writer.heading(t('serviceSummary.openPoints'), 2);
  const open = [
    ...missingInputs(study.delivery),
    ...(study.delivery.reservations ? [t('serviceSummary.reservation', { text: study.delivery.reservations })] : []),
    ...(evaluations.length > compliant ? [t('serviceSummary.failing', { count: evaluations.length - compliant })] : []),
    ...data.missing.map((item) => t('studyReport.findings.missing', { item })),
    ...(predictions.error ? [t('studyReport.noPrediction', { reason: predictions.error })] : []),
  ];
  if (open.length === 0) writer.paragraph(t('serviceSummary.noOpenPoint'));
  for (const line of open) writer.paragraph(`• ${line}`, 9.5);

  writer.heading(t('serviceSummary.delivered'), 2);
  writer.paragraph(t('serviceSummary.deliveredIntro'), 9.5);
  for (const name of deliverableNames) writer.paragraph(`• ${name}`, 9.5);
}
