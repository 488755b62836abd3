import { t } from '../i18n/index.ts';

export type StorageErrorCode = 'quota' | 'unavailable' | 'not-found' | 'write-failed' | 'conflict';

/** A storage failure with its French message; never swallowed, always shown to the user. */
export class StorageError extends Error {
  constructor(readonly code: StorageErrorCode, cause?: unknown) {
    super(t(`errors.storage.${code}`), { cause });
    this.name = 'StorageError';
  }
}

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new StorageError('quota', error);
  return new StorageError('write-failed', error);
}
