import { t } from '../i18n/index.ts';
import { newId } from './ids.ts';
import { LIMITS, type ProjectDocument } from './schema.ts';

/**
 * A title made from another (« … (copie) », « … (importée) ») that stays within the title limit: the original is
 * shortened, with an ellipsis, rather than the generated name refused.
 */
export function fitTitle(title: string, decorate: (title: string) => string): string {
  const whole = decorate(title);
  if (whole.length <= LIMITS.titleChars) return whole;
  const room = LIMITS.titleChars - (whole.length - title.length) - 1;
  return decorate(`${[...title].slice(0, Math.max(0, room)).join('').trimEnd()}…`);
}

/** A copy of a study under a new id, titled « … (copie) » within the limit (duplicate, or a tab saving its version). */
export function copyOfStudy(source: ProjectDocument, now: Date): ProjectDocument {
  return {
    ...structuredClone(source),
    id: newId(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    study: { ...source.study, title: fitTitle(source.study.title, (title) => t('projects.copyTitle', { title })) },
  };
}
