export interface HistoryEntry<T> {
  label: string;
  before: T;
  after: T;
}

/**
 * Undo/redo over immutable snapshots. Documents share structure between versions, so each entry costs only
 * what changed. A gesture (a drag) opens a transaction: its intermediate states replace the present without
 * entries, and its commit records a single entry from the state before the gesture.
 */
export class DocumentHistory<T> {
  private past: HistoryEntry<T>[] = [];
  private future: HistoryEntry<T>[] = [];
  private transactionBase: T | null = null;

  constructor(
    private current: T,
    private readonly limit = 500,
  ) {}

  get present(): T {
    return this.current;
  }

  get canUndo(): boolean {
    return this.transactionBase === null && this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.transactionBase === null && this.future.length > 0;
  }

  get undoLabel(): string | null {
    return this.past.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  get inTransaction(): boolean {
    return this.transactionBase !== null;
  }

  /** One undoable change. Inside a transaction it only moves the present. */
  apply(next: T, label: string): void {
    if (next === this.current) return;
    if (this.transactionBase !== null) {
      this.current = next;
      return;
    }
    this.push({ label, before: this.current, after: next });
    this.current = next;
  }

  begin(): void {
    if (this.transactionBase === null) this.transactionBase = this.current;
  }

  commit(label: string): void {
    const base = this.transactionBase;
    this.transactionBase = null;
    if (base !== null && base !== this.current) this.push({ label, before: base, after: this.current });
  }

  /** Abandons the gesture and returns to the state before it. */
  cancel(): void {
    if (this.transactionBase === null) return;
    this.current = this.transactionBase;
    this.transactionBase = null;
  }

  undo(): boolean {
    if (!this.canUndo) return false;
    const entry = this.past.pop()!;
    this.future.push(entry);
    this.current = entry.before;
    return true;
  }

  redo(): boolean {
    if (!this.canRedo) return false;
    const entry = this.future.pop()!;
    this.past.push(entry);
    this.current = entry.after;
    return true;
  }

  /** Replaces the present without an entry and clears both stacks (opening another project). */
  reset(next: T): void {
    this.current = next;
    this.past = [];
    this.future = [];
    this.transactionBase = null;
  }

  private push(entry: HistoryEntry<T>): void {
    this.past.push(entry);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }
}
