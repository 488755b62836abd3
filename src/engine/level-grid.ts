import { planGrid } from '../../propagation/scene/grid-plan.ts';
import type { GridSpec } from '../../propagation/scene/types.ts';
import { t } from '../i18n/index.ts';
import { levelExtentM } from '../model/level-extent.ts';
import type { ProjectDocument } from '../model/schema.ts';

/** A prediction grid refused before any memory is spent; `message` is French and proposes what to do. */
export class GridTooLargeError extends Error {
  constructor(
    readonly cells: number,
    readonly suggestedResolutionM: number,
  ) {
    super(t('errors.engine.gridTooLarge', { cells, resolution: suggestedResolutionM }));
    this.name = 'GridTooLargeError';
  }
}

/** The grid of a level at the project's resolution (or `resolutionM`), or a French error when it cannot be made. */
export function levelGrid(document: ProjectDocument, levelId: string, resolutionM = document.prediction.gridResolutionM, radioCount = enabledRadioCount(document)): GridSpec {
  const level = document.levels.find((candidate) => candidate.id === levelId);
  if (!level) throw new Error(t('errors.engine.unknownLevel', { level: levelId }));
  const plan = planGrid(levelExtentM(document, level), resolutionM, radioCount);
  if (plan.ok) return plan.grid;
  if (plan.reason === 'too-large') throw new GridTooLargeError(plan.cells, plan.suggestedResolutionM);
  throw new Error(t('errors.engine.invalidGrid'));
}

function enabledRadioCount(document: ProjectDocument): number {
  return document.accessPoints.reduce((sum, ap) => sum + ap.radios.filter((radio) => radio.enabled).length, 0);
}
