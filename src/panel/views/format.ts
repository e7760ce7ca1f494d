/** How a row's cells read. Page data is only ever rendered as text. */
import { messageLabel } from '../../core/label';
import type { MessageRecord } from '../../core/record';
import { isPlainObject } from '../../core/types';

export function timeOfDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function nameOf(record: MessageRecord): string {
  if (record.undecodable) return '(unreadable body)';
  return messageLabel(record.type, record.payload) ?? '(no name)';
}

export function identityOf(record: MessageRecord): { short: string; full: string } {
  const payload = isPlainObject(record.payload) ? record.payload : {};
  const id = payload['userId'] ?? payload['anonymousId'];
  if (typeof id !== 'string' || id === '') return { short: '', full: '' };
  return { short: id.length > 12 ? `${id.slice(0, 11)}…` : id, full: id };
}

export type OutcomeKind = 'ok' | 'http-error' | 'pending' | 'blocked' | 'unknown' | 'failed';

export function outcomeOf(record: MessageRecord): { kind: OutcomeKind; text: string; title: string } {
  const { status, error } = record.request;
  if (status !== null) return { kind: status < 400 ? 'ok' : 'http-error', text: String(status), title: `HTTP ${status}` };
  if (error === null) return { kind: 'pending', text: 'pending', title: 'no response yet' };
  if (error.startsWith('blocked')) return { kind: 'blocked', text: 'blocked', title: error };
  if (error.startsWith('sent during unload')) return { kind: 'unknown', text: 'unload', title: error };
  return { kind: 'failed', text: 'failed', title: error };
}

export function verdictOf(record: MessageRecord): { kind: 'valid' | 'invalid' | 'warning'; text: string } {
  const { errors, warnings } = record.validation;
  if (errors.length) return { kind: 'invalid', text: errors.length === 1 ? '1 error' : `${errors.length} errors` };
  if (warnings.length) return { kind: 'warning', text: warnings.length === 1 ? '1 warning' : `${warnings.length} warnings` };
  return { kind: 'valid', text: 'valid' };
}
