/**
 * What happened to each call, from the events that say so: a beacon's status from its headers, and
 * outcomes that arrive before their call's messages exist (a sender still being looked up, or a
 * completion Chromium delivered ahead of its onBeforeRequest while waking the worker).
 */
import type { RequestCompleted, RequestFailed, ResponseStarted } from './events';
import { completedOutcome, errorOutcome, PENDING, type Outcome } from './outcome';

/** An outcome whose call never shows up (not a tracking body after all) must not pile up. */
const EARLY_OUTCOMES_KEPT = 500;

export class RequestOutcomes {
  private readonly headerStatus = new Map<string, number>();
  private readonly early = new Map<string, Outcome>();

  headers(event: ResponseStarted): void {
    this.headerStatus.set(event.requestId, event.statusCode);
  }

  completed(event: RequestCompleted): Outcome {
    this.headerStatus.delete(event.requestId);
    return completedOutcome(event.statusCode);
  }

  failed(event: RequestFailed): Outcome {
    const status = this.headerStatus.get(event.requestId);
    this.headerStatus.delete(event.requestId);
    return errorOutcome(event.error, event.type, status);
  }

  /** Keeps an outcome for a call not recorded yet. */
  holdEarly(requestId: string, outcome: Outcome): void {
    this.early.set(requestId, outcome);
    if (this.early.size > EARLY_OUTCOMES_KEPT) this.early.delete(this.early.keys().next().value as string);
  }

  /** The outcome a call starts with: one that came before it, else pending. */
  takeEarly(requestId: string): Outcome {
    const outcome = this.early.get(requestId) ?? PENDING;
    this.early.delete(requestId);
    return outcome;
  }
}
