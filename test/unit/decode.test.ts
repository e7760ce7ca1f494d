import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/core/decode';
import { utf8ByteLength, type RequestBody } from '../../src/core/body';
import { LIMITS } from '../../src/core/lint';

const text = (t: string): RequestBody => ({ kind: 'text', text: t });
const bytes = (...parts: (number[] | string)[]): RequestBody => ({
  kind: 'bytes',
  parts: parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p).buffer : new Uint8Array(p).buffer)),
});

describe('decodeBody: single messages', () => {
  it('reads JSON whatever the content type, taking the type from the URL', () => {
    const result = decodeBody(text('{"event":"Signed Up","anonymousId":"a1"}'), 'track');
    expect(result).toMatchObject({
      ok: true,
      messages: [{ type: 'track', payload: { event: 'Signed Up', anonymousId: 'a1' } }],
    });
  });
  it('joins raw pieces as webRequest hands them over', () => {
    const result = decodeBody(bytes('{"event":"Sig', 'ned Up","userId":"u"}'), 'track');
    expect(result.ok && result.messages[0]?.payload).toEqual({ event: 'Signed Up', userId: 'u' });
  });
  it('reads a JSON payload out of a form field', () => {
    const result = decodeBody({ kind: 'form', fields: { data: ['{"event":"E","userId":"u"}'] } }, 'track');
    expect(result.ok && result.messages[0]?.payload).toEqual({ event: 'E', userId: 'u' });
  });
  it('does not throw on invalid UTF-8 inside a string', () => {
    const result = decodeBody(bytes('{"event":"caf', [0xc3, 0x28], '","userId":"u"}'), 'track');
    expect(result.ok && (result.messages[0]?.payload as { event: string }).event).toBe('caf\ufffd(');
  });
});

describe('decodeBody: batches', () => {
  const body = JSON.stringify({
    batch: [
      { type: 'track', event: 'A', userId: 'u' },
      { type: 'identify', userId: 'u', traits: {}, context: { locale: 'fr-FR' } },
      { event: 'no type' },
    ],
    sentAt: '2024-05-01T10:00:00.000Z',
    writeKey: 'wk',
    context: { locale: 'en-US' },
  });
  const result = decodeBody(text(body), 'batch');
  const messages = result.ok ? result.messages : [];

  it('splits into one message per entry with its position', () => {
    expect(messages.map((m) => [m.type, m.batch?.index, m.batch?.count])).toEqual([
      ['track', 1, 3],
      ['identify', 2, 3],
      ['unknown', 3, 3],
    ]);
  });
  it('keeps inherited batch fields beside the entry, never inside it', () => {
    expect(messages[0]?.batch?.inherited).toEqual({
      sentAt: '2024-05-01T10:00:00.000Z',
      writeKey: 'wk',
      context: { locale: 'en-US' },
    });
    expect(messages[0]?.payload).toEqual({ type: 'track', event: 'A', userId: 'u' });
    expect(messages[1]?.payload).toMatchObject({ context: { locale: 'fr-FR' } });
  });
  it('gives a body size on the same side of every size limit as the exact UTF-8 size, exact where a warning shows it', () => {
    const limits = [LIMITS.messageBytes, LIMITS.batchBytes, 5 * 1024 * 1024];
    const filler = (chars: number, wide: boolean) =>
      (wide ? 'é€😀a' : 'abcd').repeat(Math.ceil(chars / 4)).slice(0, chars);
    for (const batch of [false, true]) {
      for (const chars of [100, 10_900, 11_000, 20_000, 32_000, 33_000, 100_000, 171_000, 180_000, 400_000, 600_000]) {
        for (const wide of [false, true]) {
          const entry = { type: 'track', event: 'E', properties: { text: filler(chars, wide) } };
          const body = JSON.stringify(batch ? { batch: [entry] } : entry);
          const exact = utf8ByteLength(body);
          const result = decodeBody(text(body), batch ? 'batch' : 'track');
          const measured = result.bodyBytes;
          for (const limit of limits)
            expect([chars, wide, limit, measured > limit]).toEqual([chars, wide, limit, exact > limit]);
          const shown = batch ? exact > LIMITS.batchBytes : exact > LIMITS.messageBytes;
          if (shown) expect(measured).toBe(exact);
        }
      }
    }
  });
  it('splits a {batch} body even on a single-message URL', () => {
    const r = decodeBody(text('{"batch":[{"type":"page","userId":"u"}]}'), 'track');
    expect(r.ok && r.messages[0]?.type).toBe('page');
  });
});

describe('decodeBody: undecodable bodies say why, never throw', () => {
  const cases: [string, RequestBody, RegExp][] = [
    ['empty', text(''), /body is empty/],
    ['whitespace', bytes('  \n'), /body is empty/],
    ['binary', bytes([0x00, 0x01, 0x02, 0xff, 0x10]), /binary/],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00, 0x00]), /gzip/],
    ['truncated JSON', text('{"event":"Signed Up","userId":"u'), /not valid JSON \(it looks truncated\)/],
    ['not JSON', text('event=Signed+Up'), /not valid JSON/],
    ['top-level array', text('[{"event":"A"}]'), /JSON an array; expected an object/],
    ['top-level scalar', text('42'), /JSON a number; expected an object/],
    ['null', text('null'), /JSON null; expected an object/],
    ['batch URL without batch', text('{"event":"A"}'), /no "batch" array/],
    ['empty batch', text('{"batch":[]}'), /batch is empty/],
    ['form without JSON', { kind: 'form', fields: { a: ['1'], b: ['x'] } }, /form data \(fields: a, b\)/],
    ['missing body', { kind: 'missing', reason: 'the browser did not expose the body' }, /did not expose/],
  ];
  it.each(cases)('%s', (_name, body, reason) => {
    const callType = _name === 'batch URL without batch' ? 'batch' : 'track';
    const result = decodeBody(body, callType);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
  it('refuses bodies over 5 MB without parsing them', () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x20);
    const result = decodeBody({ kind: 'bytes', parts: [big.buffer] }, 'track');
    expect(!result.ok && result.reason).toMatch(/5\.0 MB, over the 5 MB limit/);
  });
  it('keeps the start of an unparseable body to show', () => {
    const result = decodeBody(text('{"event": oops}'), 'track');
    expect(!result.ok && result.preview).toBe('{"event": oops}');
  });
});
