import { t } from '../i18n/index.ts';
import type { ProjectDocument } from './schema.ts';

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
  return missing;
}
