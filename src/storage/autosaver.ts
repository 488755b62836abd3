export interface AutosaverOptions<T> {
  save: (value: T) => Promise<void>;
  onSaved?: (value: T) => void;
  onError?: (error: unknown, value: T) => void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** Longest a change may wait while changes keep coming. */
  maxWaitMs?: number;
}

/**
 * Debounced saving that never loses the last value: saves run one at a time, a change made during a save is
 * saved right after it, and a failed save keeps its value pending so the next change or flush retries it
 * (no retry loop of its own: a full disk would only repeat the same error).
 */
export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private running: Promise<void> | null = null;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: AutosaverOptions<T>) {
    this.debounceMs = options.debounceMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
  }

  get hasPending(): boolean {
    return this.pending !== null || this.running !== null;
  }

  schedule(value: T): void {
    const now = Date.now();
    if (!this.pending) this.firstPendingAt = now;
    this.pending = { value };
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves what is pending now and resolves when storage holds the latest value (or the save failed). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    let failure: { error: unknown } | null = null;
    const run = this.options.save(next.value).catch((error: unknown) => {
      failure = { error };
    });
    this.running = run;
    await run;
    if (this.running === run) this.running = null;
    if (failure) {
      if (!this.pending) {
        this.pending = next;
        this.firstPendingAt = Date.now();
      }
      this.options.onError?.((failure as { error: unknown }).error, next.value);
    } else {
      this.options.onSaved?.(next.value);
    }
  }
}
