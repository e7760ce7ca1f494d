import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/core/lint';
import type { ValidationInput } from '../../src/core/validate';

const capturedAt = Date.parse('2024-05-01T12:00:00Z');
const track = (payload: object): ValidationInput => ({ type: 'track', payload });
const keywords = (problems: { keyword: string }[]) => problems.map((p) => p.keyword);

describe('lint warnings', () => {
  it('warns about a message over 32 KB', () => {
    const linter = createLinter();
    const warnings = linter.lint(track({ event: 'E' }), { capturedAt, bodyBytes: 40 * 1024 });
    expect(warnings.map((w) => w.keyword)).toEqual(['lint:message-size']);
    expect(warnings[0]?.message).toMatch(/40\.0 KB/);
    expect(linter.lint(track({ event: 'E' }), { capturedAt, bodyBytes: 1000 })).toEqual([]);
  });

  it('measures a batch entry by itself, and warns about big and long batches', () => {
    const linter = createLinter();
    const small = { type: 'track' as const, payload: { event: 'E' }, batch: { index: 1, count: 3000, inherited: {} } };
    expect(keywords(linter.lint(small, { capturedAt, bodyBytes: 600 * 1024 }))).toEqual([
      'lint:batch-size',
      'lint:batch-count',
    ]);
    const huge = { ...small, payload: { event: 'E', blob: 'x'.repeat(33 * 1024) } };
    expect(keywords(linter.lint(huge, { capturedAt, bodyBytes: 100 * 1024 }))).toContain('lint:message-size');
  });

  it('flags a repeated messageId as a retry', () => {
    const linter = createLinter();
    expect(linter.lint(track({ event: 'E', messageId: 'm-1' }), { capturedAt, bodyBytes: 10 })).toEqual([]);
    expect(linter.lint(track({ event: 'E', messageId: 'm-1' }), { capturedAt, bodyBytes: 10 })).toEqual([
      expect.objectContaining({ path: '/messageId', keyword: 'lint:duplicate-message-id' }),
    ]);
  });

  it('flags timestamps more than 24 h from capture time, both ways', () => {
    const linter = createLinter();
    const at = (timestamp: string) => linter.lint(track({ event: 'E', timestamp }), { capturedAt, bodyBytes: 10 });
    expect(at('2024-05-02T11:00:00Z')).toEqual([]);
    expect(at('2024-05-04T12:00:00Z')[0]?.message).toBe('timestamp is 3 days in the future relative to capture time');
    expect(at('2024-04-30T10:00:00Z')[0]?.message).toBe('timestamp is 26 hours in the past relative to capture time');
    expect(
      linter.lint(track({ event: 'E', timestamp: '2020-01-01T00:00:00Z' }), { capturedAt: undefined, bodyBytes: 10 }),
    ).toEqual([]);
  });

  it('flags property type drift within the same event name only', () => {
    const linter = createLinter();
    const lint = (event: string, properties: object) =>
      linter.lint(track({ event, properties }), { capturedAt, bodyBytes: 10 });
    expect(lint('Order Completed', { total: 10, currency: 'EUR' })).toEqual([]);
    expect(lint('Other Event', { total: '10' })).toEqual([]);
    expect(lint('Order Completed', { total: '10', currency: 'EUR' })).toEqual([
      {
        path: '/properties/total',
        keyword: 'lint:type-drift',
        message: 'properties.total was a number in earlier "Order Completed" events, now a string',
      },
    ]);
  });

  it('flags an event name that differs from an earlier one only in case or spacing (issue 21, item 11)', () => {
    const linter = createLinter();
    const lint = (event: string) => linter.lint(track({ event }), { capturedAt, bodyBytes: 10 });
    expect(lint('Signed Up')).toEqual([]);
    expect(lint('Signed Up')).toEqual([]);
    expect(lint('Signed Upgraded')).toEqual([]);
    expect(lint('Signed up').map((p) => [p.path, p.keyword, p.message])).toEqual([
      [
        '/event',
        'lint:event-name-spelling',
        'event "Signed up" differs from "Signed Up", sent earlier in this capture, only in case or spacing: one of them is probably a typo',
      ],
    ]);
    expect(lint('signed_up').map((p) => p.keyword)).toEqual(['lint:event-name-spelling']);
    // Again and again, each time against the first spelling; the first one itself never.
    expect(lint('Signed up').map((p) => p.message)).toEqual([
      'event "Signed up" differs from "Signed Up", sent earlier in this capture, only in case or spacing: one of them is probably a typo',
    ]);
    expect(lint('signed_up').map((p) => p.message)).toEqual([
      'event "signed_up" differs from "Signed Up", sent earlier in this capture, only in case or spacing: one of them is probably a typo',
    ]);
    expect(lint('Signed Up')).toEqual([]);
  });
});
