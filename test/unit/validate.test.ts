import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/core/validate';
import type { MessageType } from '../../src/core/types';

const check = (type: MessageType | 'unknown', payload: unknown, strict = false, inherited = {}) =>
  validateMessage({ type, payload, batch: { index: 1, count: 1, inherited } }, strict);

describe('track against the seed schema', () => {
  it('accepts a complete track', () => {
    const r = check('track', { event: 'Order Completed', userId: 'u1', properties: { total: 3 }, timestamp: '2024-05-01T10:00:00Z' });
    expect(r).toEqual({ errors: [], warnings: [] });
  });
  it('names the field and the value of a bad timestamp', () => {
    const r = check('track', { event: 'E', userId: 'u', timestamp: '2024-05-01' });
    expect(r.errors).toEqual([{ path: '/timestamp', keyword: 'format', message: 'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"' }]);
  });
  it('requires a date-time with a time zone', () => {
    expect(check('track', { event: 'E', userId: 'u', timestamp: '2024-05-01T10:00:00' }).errors[0]?.keyword).toBe('format');
  });
  it('reports a missing event and a missing identity once each', () => {
    const r = check('track', { properties: {} });
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([': userId or anonymousId is required; neither is present', '/event: event is required']);
  });
  it('explains wrong types with what was sent', () => {
    const r = check('track', { event: 12, userId: 'u', properties: [1], context: { locale: 5 } });
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '/event: event must be a string, got 12',
      '/properties: properties must be an object, got an array',
      '/context/locale: locale must be a string, got 5',
    ]);
  });
  it('rejects a message that is not an object', () => {
    expect(check('track', 'hello').errors[0]?.message).toBe('the message must be a JSON object, got "hello"');
  });
  it('names the missing type of a batch entry', () => {
    expect(check('unknown', { event: 'E' }).errors[0]?.path).toBe('/type');
    expect(check('unknown', { event: 'E' }).errors[0]?.message).toMatch(/it has none/);
    expect(check('unknown', { type: 'bogus' }).errors[0]?.message).toMatch(/got "bogus"/);
  });
});

describe('null identity: default vs strict', () => {
  const anonymousFromJuneSdk = { event: 'E', userId: null, anonymousId: 'anon-1' };
  it('default mode treats null as absent and warns', () => {
    const r = check('track', anonymousFromJuneSdk);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ path: '/userId', keyword: 'identity:null' })]);
  });
  it('strict mode validates exactly as sent', () => {
    const r = check('track', anonymousFromJuneSdk, true);
    expect(r.errors).toEqual([{ path: '/userId', keyword: 'type', message: 'userId must be a string, got null' }]);
    expect(r.warnings).toEqual([]);
  });
  it('default mode still needs one identity when both are null', () => {
    const r = check('track', { event: 'E', userId: null, anonymousId: null });
    expect(r.errors.map((e) => e.message)).toEqual(['userId or anonymousId is required; neither is present']);
    expect(r.warnings).toHaveLength(2);
  });
});

describe('identify, page, group, alias, screen', () => {
  it('identify needs traits to be an object', () => {
    expect(check('identify', { userId: 'u', traits: { email: 'a@b.c' } }).errors).toEqual([]);
    expect(check('identify', { userId: 'u', traits: 'x' }).errors[0]?.path).toBe('/traits');
  });
  it('group requires a string groupId', () => {
    expect(check('group', { userId: 'u', groupId: 'g1', traits: {} }).errors).toEqual([]);
    expect(check('group', { userId: 'u' }).errors[0]).toMatchObject({ path: '/groupId', message: 'groupId is required' });
    expect(check('group', { userId: 'u', groupId: 7 }).errors[0]?.message).toBe('groupId must be a string, got 7');
  });
  it('page name is a string and properties an object', () => {
    expect(check('page', { anonymousId: 'a', name: 'Home', properties: { path: '/' } }).errors).toEqual([]);
    expect(check('page', { anonymousId: 'a', name: 1, properties: 2 }).errors.map((e) => e.path)).toEqual(['/name', '/properties']);
  });
  it('alias and screen get the identity rule', () => {
    expect(check('alias', { previousId: 'p' }).errors[0]?.message).toMatch(/userId or anonymousId/);
    expect(check('screen', { userId: 'u', name: 'Home' }).errors).toEqual([]);
  });
});

describe('batch inheritance', () => {
  it('applies inherited fields when validating and says where a bad one came from', () => {
    const r = check('track', { event: 'E', userId: 'u' }, false, { context: 'oops' });
    expect(r.errors).toEqual([{ path: '/context', keyword: 'type', message: 'context must be an object, got "oops" (inherited from the batch)' }]);
  });
  it("prefers the entry's own field", () => {
    expect(check('track', { event: 'E', userId: 'u', context: {} }, false, { context: 'oops' }).errors).toEqual([]);
  });
});
