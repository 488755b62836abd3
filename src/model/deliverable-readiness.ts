import { t } from '../i18n/index.ts';
import type { ProjectDocument } from './schema.ts';
import { channelFindings } from './radio-findings.ts';

/** What a study still lacks before its deliverables can be complete, as French sentences. */
export function missingForDeliverables(document: ProjectDocument): string[] {
  const missing: string[] = [];
  if (document.levels.length === 0) missing.push(t('report.missing.noLevels'));
  for (const level of document.levels) {
    if (!level.plan) missing.push(t('report.missing.noPlan', { level: level.name }));
    else if (!level.metersPerUnit) missing.push(t('report.missing.noScale', { level: level.name }));
  }
  if (document.accessPoints.length === 0) missing.push(t('report.missing.noAps'));
  if (document.coverageZones.length === 0) missing.push(t('report.missing.noZones'));
  // The identification the documents print on every page, and the §4.1.6 inputs not yet received.
  const { study } = document;
  if (!study.site.entityName.trim()) missing.push(t('report.missing.entity'));
  if (!study.site.address.trim()) missing.push(t('report.missing.address'));
  if (!study.site.dit.trim()) missing.push(t('report.missing.dit'));
  if (!study.author.trim()) missing.push(t('report.missing.author'));
  const withoutUsers = document.coverageZones.filter((zone) => zone.userCount === 0).map((zone) => zone.name);
  if (withoutUsers.length > 0) missing.push(t('report.missing.zoneUsers', { count: withoutUsers.length, zones: withoutUsers.join(', ') }));
  for (const finding of channelFindings(document)) missing.push(t('report.missing.channel', { ap: finding.apName, channel: finding.channel, band: finding.band.replace('.', ',') }));
  for (const input of study.delivery.inputs) {
    if (input.status === 'a-preciser' || input.status === 'manquant') missing.push(t('report.missing.input', { item: t(`delivery.inputs.${input.item}`), status: t(`delivery.statuses.${input.status}`).toLowerCase() }));
  }
  return missing;
}
