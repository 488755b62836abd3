import { t, type MessageKey } from '../../i18n/index.ts';

/** A plan that cannot be imported; `message` is French and tells the user what to do. */
export class PlanImportError extends Error {
  constructor(
    readonly code: string,
    values: Record<string, string | number> = {},
  ) {
    super(t(`errors.plan.${code}` as MessageKey, values));
    this.name = 'PlanImportError';
  }
}

export class PlanImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PlanImportCancelled';
  }
}
