import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/core/lint';
import { inspectCall } from '../../src/core/inspect';
import { importNdjson } from '../../src/core/import';
import { parseNdjsonLine, toNdjson } from '../../src/core/ndjson';
import type { MessageRecord } from '../../src/core/record';

const capturedAt = Date.parse('2024-05-01T12:00:00Z');

function capture(url: string, body: string, callType: 'track' | 'batch'): MessageRecord[] {
  const options = { strict: false, linter: createLinter(), capturedAt };
  return inspectCall({ sender: 'june', callType }, { kind: 'text', text: body }, options).map((m) => ({
    ...m,
    capturedAt,
    tabId: 7,
    pageUrl: 'http://127.0.0.1/shop',
    request: { url, method: 'POST', outcome: 'status', status: 200, error: null },
    sender: 'june',
  }));
}

const records = [
  ...capture('https://api.june.so/sdk/track', '{"event":"Viewed","userId":null,"anonymousId":"a"}', 'track'),
  ...capture(
    'https://api.june.so/sdk/b',
    JSON.stringify({
      batch: [
        { type: 'track', event: 'A', userId: 'u', timestamp: 'yesterday' },
        { type: 'group', userId: 'u' },
      ],
      writeKey: 'wk',
    }),
    'batch',
  ),
  ...capture('https://api.june.so/sdk/track', '{"event": "cut', 'track'),
];

describe('NDJSON export', () => {
  const lines = toNdjson(records)
    .trimEnd()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as Record<string, unknown> & {
          batch?: unknown;
          undecodable?: { reason: string };
          validation: MessageRecord['validation'];
        },
    );
  it('writes one line per message in the documented shape', () => {
    expect(lines).toHaveLength(4);
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'capturedAt',
      'tabId',
      'pageUrl',
      'request',
      'sender',
      'type',
      'payload',
      'validation',
    ]);
    expect(lines[0]).toMatchObject({
      capturedAt: '2024-05-01T12:00:00.000Z',
      tabId: 7,
      request: { outcome: 'status', status: 200, error: null },
      type: 'track',
    });
  });
  it('writes a batch entry as sent, with its position and inherited fields beside it', () => {
    expect(lines[1]?.['payload']).toEqual({ type: 'track', event: 'A', userId: 'u', timestamp: 'yesterday' });
    expect(lines[1]?.batch).toEqual({ index: 1, count: 2, inherited: { writeKey: 'wk' } });
    expect(lines[2]?.validation.errors[0]?.path).toBe('/groupId');
  });
  it("puts default mode's note on an anonymous identity beside the warnings, not among them, and only where there is one", () => {
    expect(lines[0]?.validation).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      notes: [expect.objectContaining({ path: '/userId', keyword: 'identity:null' })],
    });
    expect(Object.keys(lines[2]?.validation ?? {})).toEqual(['valid', 'errors', 'warnings']);
  });
  it('keeps an undecodable body as a row that says why', () => {
    expect(lines[3]).toMatchObject({ payload: null, validation: { valid: false } });
    expect(lines[3]?.undecodable?.reason).toMatch(/truncated/);
  });
});

describe('NDJSON import', () => {
  it('round-trips an export: same messages, same verdicts', () => {
    const { records: back, problems } = importNdjson(toNdjson(records), { strict: false, importedAt: 0 });
    expect(problems).toEqual([]);
    expect(back).toEqual(records);
  });
  it('reads bare payload lines, reports bad lines by number and keeps the rest', () => {
    const text = [
      '{"type":"identify","userId":"u","traits":{}}',
      '',
      '{"event":"Bare track","anonymousId":"a"}',
      '{not json',
      '[1,2]',
      '{"event":"After the bad ones"}',
    ].join('\n');
    const { records: got, problems } = importNdjson(text, { strict: false, importedAt: 5 });
    expect(got.map((r) => [r.type, r.validation.valid])).toEqual([
      ['identify', true],
      ['track', true],
      ['track', false],
    ]);
    expect(got[0]?.capturedAt).toBe(5);
    expect(problems.map((p) => p.line)).toEqual([4, 5]);
    expect(problems[0]?.message).toMatch(/^line 4 is not valid JSON/);
    expect(problems[1]?.message).toBe('line 5 is not a JSON object (got an array)');
  });
  it('re-validates in the mode asked for', () => {
    const { records: strict } = importNdjson(toNdjson(records.slice(0, 1)), { strict: true, importedAt: 0 });
    expect(strict[0]?.validation.errors[0]?.message).toBe('userId must be a string, got null');
  });
  it('classifies lines', () => {
    expect(parseNdjsonLine('   ', 1)).toEqual({ kind: 'blank' });
    expect(parseNdjsonLine('{"type":"nope"}', 2)).toMatchObject({ kind: 'message', message: { type: 'unknown' } });
  });
});
