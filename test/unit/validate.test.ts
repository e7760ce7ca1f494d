import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/core/validate';
import type { MessageType } from '../../src/core/types';

/** Most cases validate a batch entry (it may inherit fields); a single message must fare the same. */
const checkBatchEntry = (type: MessageType | 'unknown', payload: unknown, strict = false, inherited = {}) =>
  validateMessage({ type, payload, batch: { index: 1, count: 1, inherited } }, strict);
const checkSingle = (type: MessageType | 'unknown', payload: unknown, strict = false) =>
  validateMessage({ type, payload }, strict);

describe('a single message and a batch entry that inherits nothing', () => {
  it.each([
    ['track', { event: 'Order Completed', userId: 'u1', timestamp: '2024-05-01T10:00:00Z' }],
    ['track', { event: 'E', userId: 'u', timestamp: '2024-05-01' }],
    ['track', { properties: {} }],
    ['track', { event: 'E', userId: null, anonymousId: 'a' }],
    ['track', { event: 'E', userId: '', anonymousId: 'a' }],
    ['identify', { userId: 'u', traits: 'pro' }],
    ['group', { userId: 'u' }],
    ['unknown', { event: 'E' }],
  ] as const)('%s %j: the same errors and notes', (type, payload) => {
    expect(checkSingle(type, payload)).toEqual(checkBatchEntry(type, payload));
    expect(checkSingle(type, payload, true)).toEqual(checkBatchEntry(type, payload, true));
  });
});

describe('track against the seed schema', () => {
  it('accepts a complete track', () => {
    const r = checkBatchEntry('track', {
      event: 'Order Completed',
      userId: 'u1',
      properties: { total: 3 },
      timestamp: '2024-05-01T10:00:00Z',
    });
    expect(r).toEqual({ errors: [], notes: [] });
  });
  it('names the field and the value of a bad timestamp', () => {
    const r = checkBatchEntry('track', { event: 'E', userId: 'u', timestamp: '2024-05-01' });
    expect(r.errors).toEqual([
      {
        path: '/timestamp',
        keyword: 'format',
        message: 'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
      },
    ]);
  });
  it('requires a date-time with a time zone', () => {
    expect(
      checkBatchEntry('track', { event: 'E', userId: 'u', timestamp: '2024-05-01T10:00:00' }).errors[0]?.keyword,
    ).toBe('format');
  });
  it('reports a missing event and a missing identity once each', () => {
    const r = checkBatchEntry('track', { properties: {} });
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      ': userId or anonymousId is required; neither is present',
      '/event: event is required',
    ]);
  });
  it('explains wrong types with what was sent', () => {
    const r = checkBatchEntry('track', { event: 12, userId: 'u', properties: [1], context: { locale: 5 } });
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '/event: event must be a string, got 12',
      '/properties: properties must be an object, got an array',
      '/context/locale: context.locale must be a string, got 5',
    ]);
  });
  it('rejects a message that is not an object', () => {
    expect(checkBatchEntry('track', 'hello').errors[0]?.message).toBe('the message must be a JSON object, got "hello"');
  });
  it('names the missing type of a batch entry', () => {
    expect(checkBatchEntry('unknown', { event: 'E' }).errors[0]?.path).toBe('/type');
    expect(checkBatchEntry('unknown', { event: 'E' }).errors[0]?.message).toMatch(/it has none/);
    expect(checkBatchEntry('unknown', { type: 'bogus' }).errors[0]?.message).toMatch(/got "bogus"/);
  });
});

describe('anonymous identity: default vs strict', () => {
  const anonymousFromJuneSdk = { event: 'E', userId: null, anonymousId: 'anon-1' };
  const anonymousFromRudderStack = { event: 'E', userId: '', anonymousId: 'anon-1' };
  it("default mode treats the June SDK's null as absent, and says so in a note", () => {
    const r = checkBatchEntry('track', anonymousFromJuneSdk);
    expect(r).toEqual({
      errors: [],
      notes: [
        {
          path: '/userId',
          keyword: 'identity:null',
          message:
            'userId is null; treated as absent (the June SDK sends null for anonymous visitors). ' +
            'Strict mode reports it as an error.',
        },
      ],
    });
  });
  it('strict mode validates null exactly as sent: an error, and no note', () => {
    const r = checkBatchEntry('track', anonymousFromJuneSdk, true);
    expect(r.errors).toEqual([{ path: '/userId', keyword: 'type', message: 'userId must be a string, got null' }]);
    expect(r.notes).toEqual([]);
  });
  it('default mode still needs one identity when both are null', () => {
    const r = checkBatchEntry('track', { event: 'E', userId: null, anonymousId: null });
    expect(r.errors.map((e) => e.message)).toEqual(['userId or anonymousId is required; neither is present']);
    expect(r.notes).toHaveLength(2);
  });
  it("default mode treats RudderStack's empty userId as absent, with the same kind of note", () => {
    const r = checkBatchEntry('track', anonymousFromRudderStack);
    expect(r).toEqual({
      errors: [],
      notes: [
        {
          path: '/userId',
          keyword: 'identity:empty',
          message:
            'userId is an empty string; treated as absent (RudderStack sends "" for anonymous visitors). ' +
            'Strict mode accepts it: the schema allows an empty string.',
        },
      ],
    });
    // Absent is absent: an empty userId alone is no identity, as a null one is.
    expect(checkBatchEntry('identify', { userId: '' }).errors.map((e) => e.message)).toEqual([
      'userId or anonymousId is required; neither is present',
    ]);
    expect(checkBatchEntry('track', { event: 'E', userId: 'u', anonymousId: '' }).notes.map((n) => n.path)).toEqual([
      '/anonymousId',
    ]);
  });
  it('strict mode accepts an empty userId as the schema does (a string, and present), with no note', () => {
    expect(checkBatchEntry('track', anonymousFromRudderStack, true)).toEqual({ errors: [], notes: [] });
    expect(checkBatchEntry('identify', { userId: '' }, true)).toEqual({ errors: [], notes: [] });
  });
});

describe('identify, page, group, alias, screen', () => {
  it('identify needs traits to be an object', () => {
    expect(checkBatchEntry('identify', { userId: 'u', traits: { email: 'a@b.c' } }).errors).toEqual([]);
    expect(checkBatchEntry('identify', { userId: 'u', traits: 'x' }).errors[0]?.path).toBe('/traits');
  });
  it('group requires a string groupId', () => {
    expect(checkBatchEntry('group', { userId: 'u', groupId: 'g1', traits: {} }).errors).toEqual([]);
    expect(checkBatchEntry('group', { userId: 'u' }).errors[0]).toMatchObject({
      path: '/groupId',
      message: 'groupId is required',
    });
    expect(checkBatchEntry('group', { userId: 'u', groupId: 7 }).errors[0]?.message).toBe(
      'groupId must be a string, got 7',
    );
  });
  it('page name is a string and properties an object', () => {
    expect(checkBatchEntry('page', { anonymousId: 'a', name: 'Home', properties: { path: '/' } }).errors).toEqual([]);
    expect(checkBatchEntry('page', { anonymousId: 'a', name: 1, properties: 2 }).errors.map((e) => e.path)).toEqual([
      '/name',
      '/properties',
    ]);
  });
  it('alias and screen get the identity rule', () => {
    expect(checkBatchEntry('alias', { previousId: 'p' }).errors[0]?.message).toMatch(/userId or anonymousId/);
    expect(checkBatchEntry('screen', { userId: 'u', name: 'Home' }).errors).toEqual([]);
  });
});

describe('batch inheritance', () => {
  it('applies inherited fields when validating and says where a bad one came from', () => {
    const r = checkBatchEntry('track', { event: 'E', userId: 'u' }, false, { context: 'oops' });
    expect(r.errors).toEqual([
      {
        path: '/context',
        keyword: 'type',
        message: 'context must be an object, got "oops" (inherited from the batch)',
      },
    ]);
  });
  it("prefers the entry's own field", () => {
    expect(
      checkBatchEntry('track', { event: 'E', userId: 'u', context: {} }, false, { context: 'oops' }).errors,
    ).toEqual([]);
  });
});
