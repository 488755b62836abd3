import { t } from '../i18n/index.ts';

export type ProjectLoadErrorCode =
  | 'not-json'
  | 'not-a-project'
  | 'newer-version'
  | 'unknown-version'
  | 'invalid'
  | 'broken-references'
  | 'not-a-zip'
  | 'missing-project-json'
  | 'asset-missing'
  | 'asset-checksum'
  | 'too-many-entries'
  | 'duplicate-entry'
  | 'project-too-large'
  | 'suspicious-ratio'
  | 'too-large'
  | 'manifest-missing'
  | 'manifest-invalid'
  | 'manifest-mismatch'
  | 'not-esx'
  | 'esx-bad-table'
  | 'not-ifc'
  | 'ifc-unusable';

/** A project file that cannot be opened. `message` is the French text shown to the user. */
export class ProjectLoadError extends Error {
  constructor(
    readonly code: ProjectLoadErrorCode,
    readonly details: string[] = [],
    params: Record<string, string | number> = {},
  ) {
    super(t(`errors.load.${code}`, params));
    this.name = 'ProjectLoadError';
  }
}
