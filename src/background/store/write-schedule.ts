/**
 * When the timelines' pending changes are written to IndexedDB (timeline-db.ts). Each write costs the worker about
 * as much as the rest of a call's work (a transaction, a put, a commit, and the answers it wakes for), so during a
 * burst of calls writes are spaced: at most one every SPACING_MS, and one at a time.
 *
 * A change after a quiet spell is written before the task that made it ends: Chromium lets the tasks already queued
 * run before it stops a worker (DevTools' Target.closeTarget, an extension update), and a transaction begun in one of
 * them completes, while timers still waiting are dropped with what they held back. So a forced stop during a burst
 * can lose what changed in its last SPACING_MS (and while the last write was unanswered); an idle stop loses nothing,
 * as nothing waits by then. An outcome alone waits for the next write, or OUTCOME_WAIT_MS: lost with a stopped
 * worker, its row stays pending. docs/capture.md weighs what this costs.
 */
const SPACING_MS = 50;
const OUTCOME_WAIT_MS = 100;

export class WriteSchedule {
  /** A write is due at the end of this task. */
  private inThisTask = false;
  /** Changes wait for the spacing, or for the unanswered write's answer. */
  private heldBack = false;
  private spacing: ReturnType<typeof setTimeout> | null = null;
  private outcomes: ReturnType<typeof setTimeout> | null = null;
  private writtenAt = -Infinity;

  constructor(
    /** Begins a write of everything pending; false when nothing was. */
    private readonly write: () => boolean,
    /** Whether a write begun is unanswered. */
    private readonly inFlight: () => boolean,
    /** Whether anything waits to be written. */
    private readonly hasPending: () => boolean,
  ) {}

  /** Something changed that a stopped worker must not lose. */
  changed(): void {
    if (this.inThisTask || this.heldBack) return;
    this.inThisTask = true;
    queueMicrotask(this.due);
  }

  /** An outcome changed: it goes with the next write, or OUTCOME_WAIT_MS from now. */
  outcome(): void {
    this.outcomes ??= setTimeout(() => {
      this.outcomes = null;
      this.due();
    }, OUTCOME_WAIT_MS);
  }

  /** The last write begun was answered. */
  answered(): void {
    if (this.heldBack && this.spacing === null) this.now();
  }

  /** Writes what is pending now, whatever it waits for (TimelineDb.flushed). */
  now(): void {
    this.heldBack = false;
    if (this.spacing !== null) clearTimeout(this.spacing);
    if (this.outcomes !== null) clearTimeout(this.outcomes); // they go now
    this.spacing = this.outcomes = null;
    if (this.write()) this.writtenAt = performance.now();
  }

  private readonly due = (): void => {
    this.inThisTask = false;
    if (!this.hasPending()) return; // written meanwhile (flushed())
    if (this.spacing === null) {
      const wait = this.writtenAt + SPACING_MS - performance.now();
      if (wait > 0) this.spacing = setTimeout(this.spaced, wait);
    }
    if (this.spacing === null && !this.inFlight()) this.now();
    else this.heldBack = true;
  };

  private readonly spaced = (): void => {
    this.spacing = null;
    if (this.heldBack && !this.inFlight()) this.now();
  };
}
