// The Status column reads the outcome's kind, never its wording: rewording a message must not change it.
import { describe, expect, it } from 'vitest';
import type { MessageRecord, RequestInfo } from '../../src/core/record';
import { parseNdjsonLine } from '../../src/core/ndjson';
import { outcomeOf } from '../../src/panel/views/format';
import { capturedOne } from './fixtures';

function withRequest(request: Partial<RequestInfo>): MessageRecord {
  const entry = capturedOne({ event: 'Paid', userId: 'u' });
  return { ...entry.record, request: { ...entry.record.request, ...request } };
}

describe('the Status column', () => {
  it.each([
    [
      { outcome: 'status', status: 202, error: null },
      { kind: 'ok', text: '202' },
    ],
    [
      { outcome: 'status', status: 500, error: null },
      { kind: 'http-error', text: '500' },
    ],
    [
      { outcome: 'pending', status: null, error: null },
      { kind: 'pending', text: 'pending' },
    ],
    [
      { outcome: 'blocked', status: null, error: 'an extension refused it (net::ERR_BLOCKED_BY_CLIENT)' },
      { kind: 'blocked', text: 'blocked' },
    ],
    [
      { outcome: 'unload', status: null, error: 'any words at all' },
      { kind: 'unknown', text: 'unload' },
    ],
    [
      { outcome: 'failed', status: null, error: 'net::ERR_CONNECTION_REFUSED' },
      { kind: 'failed', text: 'failed' },
    ],
  ] as const)('shows %j as %j', (request, shown) => {
    expect(outcomeOf(withRequest(request))).toMatchObject(shown);
  });

  it('reads the kind from an export, and derives it for exports written before it existed', () => {
    const line = (request: object) =>
      JSON.stringify({
        capturedAt: '2026-11-26T10:00:00Z',
        pageUrl: 'https://a.example/',
        request,
        type: 'track',
        payload: { event: 'E', userId: 'u' },
      });
    const requestOf = (request: object) => {
      const parsed = parseNdjsonLine(line(request), 1);
      return parsed.kind === 'message' ? parsed.message.capture?.request.outcome : null;
    };
    expect(requestOf({ url: 'u', method: 'POST', outcome: 'unload', status: null, error: 'sent during unload' })).toBe(
      'unload',
    );
    expect(requestOf({ url: 'u', method: 'POST', status: 200, error: null })).toBe('status');
    expect(requestOf({ url: 'u', method: 'POST', status: null, error: 'net::ERR_FAILED' })).toBe('failed');
    expect(requestOf({ url: 'u', method: 'POST', status: null, error: null })).toBe('pending');
  });
});
