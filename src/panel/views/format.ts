/** How a row's cells read. Page data is only ever rendered as text. */
import type { MessageRecord } from '../../core/record';
import { isAbsentIdentity } from '../../core/identity-notes';
import { isPlainObject } from '../../core/types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function timeOfDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The local date, `2024-05-01`. */
export function dateOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * What the Time column shows: the time of day for today's rows; for a row of another day (an import, a HAR)
 * its date instead of the milliseconds (`05-01 12:00:00`), since a time alone would read as today's. The cell's
 * title has the full date and time, always.
 */
export function whenShown(ms: number, now: number): { text: string; title: string } {
  const time = timeOfDay(ms);
  const title = `${dateOf(ms)} ${time}`;
  return { text: dateOf(ms) === dateOf(now) ? time : `${dateOf(ms).slice(5)} ${time.slice(0, 8)}`, title };
}

/** The Sender column: the SDK whose endpoint took the call, `custom` for your own host, a dash for no call. */
export function senderOf(record: MessageRecord): { text: string; title: string } {
  if (record.sender === 'none') return { text: '—', title: 'no request: imported as a bare payload' };
  if (record.sender === 'custom') return { text: 'custom', title: 'a host you added (options page, extra hosts)' };
  return { text: record.sender, title: `${record.sender}'s endpoint` };
}

/** The userId, or else the anonymousId: an anonymous visitor's null or "" userId is no identity (identity-notes.ts). */
export function identityOf(record: MessageRecord): { short: string; full: string } {
  const payload = isPlainObject(record.payload) ? record.payload : {};
  const userId = payload['userId'];
  const id = userId === undefined || isAbsentIdentity(userId) ? payload['anonymousId'] : userId;
  if (typeof id !== 'string' || id === '') return { short: '', full: '' };
  return { short: id.length > 12 ? `${id.slice(0, 11)}…` : id, full: id };
}

/** How the Status column shows an outcome: its CSS class, its text and its tooltip. */
export type OutcomeStyle = 'ok' | 'http-error' | 'pending' | 'blocked' | 'unknown' | 'failed';

export function outcomeOf(record: MessageRecord): { kind: OutcomeStyle; text: string; title: string } {
  const { outcome, status, error } = record.request;
  const why = error ?? '';
  switch (outcome) {
    case 'status':
      return status === null
        ? { kind: 'pending', text: 'pending', title: 'no response yet' }
        : { kind: status < 400 ? 'ok' : 'http-error', text: String(status), title: `HTTP ${status}` };
    case 'pending':
      return { kind: 'pending', text: 'pending', title: 'no response yet' };
    case 'blocked':
      return { kind: 'blocked', text: 'blocked', title: why };
    case 'unload':
      return { kind: 'unknown', text: 'unload', title: why };
    case 'unseen':
      return { kind: 'unknown', text: 'unseen', title: why };
    case 'none':
      return { kind: 'unknown', text: '—', title: 'no request: imported as a bare payload' };
    case 'failed':
      return status !== null
        ? { kind: 'failed', text: String(status), title: `${why} after HTTP ${status}` }
        : { kind: 'failed', text: 'failed', title: why };
  }
}

/**
 * The verdict: a record's validation in a few words, as the Verdict column shows it. A message with errors and
 * warnings names both ("1 error · 1 warning"): the Warnings chip counts it, and the row must show what it counts.
 */
export function verdictOf(record: MessageRecord): { kind: 'valid' | 'invalid' | 'warning'; text: string } {
  const { errors, warnings } = record.validation;
  if (errors.length === 0 && warnings.length === 0) return { kind: 'valid', text: 'valid' };
  const text = [counted(errors.length, 'error'), counted(warnings.length, 'warning')].filter(Boolean).join(' · ');
  return { kind: errors.length ? 'invalid' : 'warning', text };
}

/** "1 error", "2 errors"; nothing for none. */
function counted(count: number, noun: string): string {
  return count === 0 ? '' : count === 1 ? `1 ${noun}` : `${count} ${noun}s`;
}
