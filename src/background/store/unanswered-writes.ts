/**
 * The writes begun and not yet answered, counted without a promise or closures per write (the worker writes once per
 * call): what TimelineDb.flushed() waits for. IndexedDB answers a connection's read-write transactions over the same
 * store in the order they began.
 */
import { firstFailureLogger } from '../../core/first-failure';

export class UnansweredWrites {
  private count = 0;
  /** A failure repeats on every write (a full disk, no IndexedDB at all): said once. */
  private readonly log = firstFailureLogger();
  private waiting: (() => void)[] = [];

  /** `onAnswered` runs each time the last write begun so far is answered. */
  constructor(private readonly onAnswered: () => void = () => undefined) {}

  /** Whether a write has begun (or is to begin) and is not answered yet. */
  get inFlight(): boolean {
    return this.count > 0;
  }

  /** A write that will begin (now, or once the database is open). */
  expect(): void {
    this.count++;
  }

  /** Its transaction: answered when it completes or aborts (then `onFailed` runs too). */
  watch(tx: IDBTransaction, onFailed: () => void): void {
    tx.oncomplete = this.answered;
    tx.onabort = (event) => {
      onFailed();
      this.aborted(event);
    };
  }

  /** It could not begin (the database would not open), or failed. */
  failed(error: unknown): void {
    this.log('storage write failed', error);
    this.answered();
  }

  /** Resolves once every write begun so far is answered. */
  all(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  private readonly answered = (): void => {
    if (--this.count > 0) return;
    for (const resolve of this.waiting.splice(0)) resolve();
    this.onAnswered();
  };

  private readonly aborted = (event: Event): void => {
    this.failed((event.target as IDBTransaction).error ?? new Error('IndexedDB transaction aborted'));
  };
}
