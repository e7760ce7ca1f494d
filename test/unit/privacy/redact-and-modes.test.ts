// Redaction (tokens, URLs kept, input untouched) and the guard's modes as validation applies them; the drafted
// plan's handling of flagged properties.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectCall, revalidateRecord } from '../../../src/core/inspect';
import { createLinter } from '../../../src/core/lint';
import { draftPlan } from '../../../src/core/plan/infer/draft-plan';
import { parseAllowRule } from '../../../src/core/privacy/allow-rules';
import type { PrivacyGuard } from '../../../src/core/privacy/privacy-guard';
import { redactMessage, redactRecord, redactionToken } from '../../../src/core/privacy/redact';
import { sha256Hex } from '../../../src/core/privacy/sha256';
import type { MessageRecord } from '../../../src/core/record';

const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

describe('sha256Hex', () => {
  it("matches Node's crypto, across block boundaries and for any Unicode", () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'ä€😀\ud800!'])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('redaction', () => {
  const payload = {
    event: 'Order Completed',
    userId: 'u-1',
    properties: {
      card_number: '4111111111111111',
      total: 42.5,
      buyer: { email: 'jane@example.com' },
      items: [{ sku: 'A-1' }, { contact: 'jane@example.com' }],
    },
    context: { page: { url: 'https://app.example.com/reset?token=abc%20123&lang=en' }, ip: '203.0.113.7' },
  };
  const frozen = JSON.stringify(payload);
  const { payload: redacted } = redactMessage({ type: 'track', payload });

  it('replaces each flagged value by [redacted:kind:first 12 hex of its SHA-256]; equal values, equal tokens', () => {
    const email = `[redacted:email:${sha12('jane@example.com')}]`;
    expect(redacted).toEqual({
      ...payload,
      properties: {
        card_number: `[redacted:card:${sha12('4111111111111111')}]`,
        total: 42.5,
        buyer: { email },
        items: [{ sku: 'A-1' }, { contact: email }],
      },
      context: {
        page: { url: `https://app.example.com/reset?token=[redacted:url-secret:${sha12('abc 123')}]&lang=en` },
        ip: '203.0.113.7',
      },
    });
  });

  it('never changes the input, and shares what it did not change', () => {
    expect(JSON.stringify(payload)).toBe(frozen);
    expect((redacted as typeof payload).properties.items[0]).toBe(payload.properties.items[0]);
    const clean = { event: 'E', properties: { sku: 'A-1' } };
    expect(redactMessage({ type: 'track', payload: clean }).payload).toBe(clean);
  });

  it('leaves allowed fields as they are', () => {
    const allow = parseAllowRule('track "Order Completed" properties.buyer');
    if (!allow.ok) throw new Error(allow.error);
    const kept = redactMessage({ type: 'track', payload }, [allow.rule]).payload as typeof payload;
    expect(kept.properties.buyer.email).toBe('jane@example.com');
  });

  it('a record: its inherited batch context, page and request URLs, and errors quoting a value', () => {
    const record: MessageRecord = {
      capturedAt: 0,
      tabId: 1,
      pageUrl: 'https://app.example.com/welcome?invite_token=t0k3n',
      request: { url: 'https://api.segment.io/v1/b', method: 'POST', outcome: 'status', status: 200, error: null },
      sender: 'segment',
      type: 'track',
      payload: { event: 'E', anonymousId: 'a', timestamp: 'jane@example.com' },
      batch: { index: 1, count: 1, inherited: { context: { phone: '+14155550123' } } },
      validation: {
        valid: false,
        errors: [
          { path: '/timestamp', message: 'timestamp must be a date-time, got "jane@example.com"', keyword: 'format' },
        ],
        warnings: [],
      },
    };
    const copy = redactRecord(record);
    expect(copy.pageUrl).toBe(`https://app.example.com/welcome?invite_token=${redactionToken('url-secret', 't0k3n')}`);
    expect(copy.batch?.inherited.context).toEqual({ phone: redactionToken('phone', '+14155550123') });
    expect(copy.validation.errors[0]?.message).toBe(
      `timestamp must be a date-time, got "${redactionToken('email', 'jane@example.com')}"`,
    );
    expect(JSON.stringify(copy)).not.toMatch(/jane@|t0k3n|4155550123/);
    expect(record.pageUrl).toContain('t0k3n');
  });

  it("a batch entry with a context of its own: the batch's context its record carries is redacted too", () => {
    const batchContext = { page: { url: 'https://app.example.com/welcome?email=jane%40example.com' } };
    const record: MessageRecord = {
      capturedAt: 0,
      tabId: 1,
      pageUrl: '',
      request: { url: 'https://api.segment.io/v1/b', method: 'POST', outcome: 'status', status: 200, error: null },
      sender: 'segment',
      type: 'page',
      payload: { type: 'page', name: 'Pricing', anonymousId: 'a', context: { page: { path: '/pricing' } } },
      batch: { index: 2, count: 2, inherited: { context: batchContext } },
      // Not inherited, so not the message's finding: the validation has none.
      validation: { valid: true, errors: [], warnings: [] },
    };
    const copy = redactRecord(record);
    expect(copy.batch?.inherited.context).toEqual({
      page: { url: `https://app.example.com/welcome?email=${redactionToken('url-secret', 'jane@example.com')}` },
    });
    expect(copy.payload).toBe(record.payload);
    expect(batchContext.page.url).toContain('jane%40example.com');
    const allow = parseAllowRule('page "Pricing" context.page.url');
    if (!allow.ok) throw new Error(allow.error);
    expect(redactRecord(record, [allow.rule]).batch?.inherited.context).toBe(batchContext);
  });
});

describe('modes', () => {
  const body = JSON.stringify({ event: 'Signed Up', userId: 'u-1', properties: { email: 'jane@example.com' } });
  const run = (privacy?: PrivacyGuard) =>
    inspectCall(
      { sender: 'june', callType: 'track' },
      { kind: 'text', text: body },
      {
        strict: false,
        linter: createLinter(),
        capturedAt: undefined,
        ...(privacy ? { privacy } : {}),
      },
    )[0]?.validation;

  it('warn by default: the message stays valid, with a privacy warning', () => {
    expect(run()).toMatchObject({ valid: true, errors: [], warnings: [{ keyword: 'pii:email', source: 'privacy' }] });
  });

  it('error: the message is invalid', () => {
    expect(run({ mode: 'error', allow: [] })).toMatchObject({
      valid: false,
      errors: [{ keyword: 'pii:email' }],
      warnings: [],
    });
  });

  it('off: nothing is looked for', () => {
    expect(run({ mode: 'off', allow: [] })).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  it('a record validated again (Strict toggled, a new mode) gets the findings of the new mode', () => {
    const record = {
      capturedAt: 0,
      tabId: 1,
      pageUrl: '',
      sender: 'june',
      type: 'track',
      payload: JSON.parse(body) as unknown,
    };
    const request = { url: '', method: 'POST', outcome: 'status', status: 200, error: null } as const;
    const stored = { ...record, request, validation: run({ mode: 'off', allow: [] }) } as MessageRecord;
    expect(revalidateRecord(stored, true).validation.warnings.map((w) => w.keyword)).toEqual(['pii:email']);
    expect(revalidateRecord(stored, false, 'keep', { mode: 'error', allow: [] }).validation.valid).toBe(false);
  });
});

describe('a drafted plan', () => {
  const plan = draftPlan([
    { type: 'track', payload: { event: 'Order Completed', properties: { card_number: '4111111111111111', total: 1 } } },
    { type: 'track', payload: { event: 'Order Completed', properties: { card_number: '5555555555554444', total: 2 } } },
    { type: 'identify', payload: { userId: 'u', traits: { email: 'jane@example.com' } } },
  ]);
  const [order, identify] = plan.rules;

  it('leaves a flagged property out of required, and says why in the property and the rule', () => {
    const properties = (order?.jsonSchema['properties'] as Record<string, Record<string, unknown>>)['properties'];
    expect(properties?.['required']).toEqual(['total']);
    expect(properties?.['properties']).toMatchObject({
      card_number: { description: 'Personal data or a secret was sent here (card): not required', type: 'string' },
    });
    expect(order?.jsonSchema['description']).toBe(
      'Personal data or secrets were sent in properties.card_number: left out of required. ' +
        'Stop sending them, or allow them in the privacy settings if they belong here.',
    );
  });

  it("keeps identify's traits as they are: the spec puts an email there", () => {
    expect(identify?.jsonSchema['description']).toBeUndefined();
    expect(JSON.stringify(identify?.jsonSchema)).toContain('"required":["email"]');
  });
});
