import { describe, expect, it } from 'vitest';
import { createCaptureProfile, MAX_PATHS } from '../../../src/core/diff/capture-profile';
import { diffCaptures, diffFails } from '../../../src/core/diff/diff-captures';
import { visitPaths } from '../../../src/core/diff/value-paths';
import { recordsOf } from './records';

const base = { userId: 'u1', timestamp: '2024-05-01T10:00:00Z' };
const track = (event: string, properties?: object) => ({ ...base, event, ...(properties ? { properties } : {}) });

function profileOf(messages: readonly object[]) {
  const profile = createCaptureProfile();
  for (const record of recordsOf(messages)) profile.add(record);
  return profile;
}
const diff = (before: readonly object[], after: readonly object[]) => diffCaptures(profileOf(before), profileOf(after));

describe('property paths', () => {
  it('writes nested objects with dots, array items with [], odd keys as JSON strings', () => {
    const seen: string[] = [];
    visitPaths(
      {
        items: [
          { sku: 'A', price: 1.5 },
          { sku: 'B', qty: 2 },
        ],
        'first name': 'Ada',
        'a.b': null,
        tags: ['x'],
      },
      'properties',
      (path, type) => seen.push(`${path} ${type}`) > 0,
    );
    expect(seen).toEqual([
      'properties object',
      'properties.items array',
      'properties.items[] object',
      'properties.items[].sku string',
      'properties.items[].price number',
      'properties.items[] object',
      'properties.items[].sku string',
      'properties.items[].qty integer',
      'properties["first name"] string',
      'properties["a.b"] null',
      'properties.tags array',
      'properties.tags[] string',
    ]);
  });
});

describe('diff of two captures', () => {
  it('lists events only in BASE as removed, only in CURRENT as added (by type and name)', () => {
    const result = diff(
      [track('Signed Up'), track('Order Completed'), track('Order Completed'), { ...base, type: 'page', name: 'Home' }],
      [track('Signed Up'), track('Trial Started'), { ...base, type: 'page', name: 'Pricing' }],
    );
    expect(result.events).toEqual({
      added: [
        { type: 'page', name: 'Pricing', seen: 1 },
        { type: 'track', name: 'Trial Started', seen: 1 },
      ],
      removed: [
        { type: 'page', name: 'Home', seen: 1 },
        { type: 'track', name: 'Order Completed', seen: 2 },
      ],
    });
    expect(diffFails(result)).toBe(true);
  });

  it('lists properties added, removed and type-changed, nested and in arrays, traits for identify', () => {
    const result = diff(
      [
        track('Signed Up', { seats: 3, plan: 'pro', items: [{ sku: 'A' }] }),
        { ...base, type: 'identify', traits: { email: 'a@example.com' } },
      ],
      [
        track('Signed Up', { seats: '3', coupon: 'X', items: [{ sku: 7 }] }),
        { ...base, type: 'identify', traits: { email: 'a@example.com', age: 30 } },
      ],
    );
    expect(result.properties.map((p) => [p.type, p.path, p.change, p.before, p.after])).toEqual([
      ['identify', 'traits.age', 'added', [], ['integer']],
      ['track', 'properties.coupon', 'added', [], ['string']],
      ['track', 'properties.items[].sku', 'type-changed', ['string'], ['integer']],
      ['track', 'properties.plan', 'removed', ['string'], []],
      ['track', 'properties.seats', 'type-changed', ['integer'], ['string']],
    ]);
    expect(result.properties[2]?.name).toBe('Signed Up');
    expect(diffFails(result)).toBe(true);
  });

  it('sees no type change in a whole number where fractions were sent, nor in a type no longer sent', () => {
    const result = diff(
      [track('Paid', { total: 1.5, note: null }), track('Paid', { total: 2, note: 'x' })],
      [track('Paid', { total: 3, note: 'y' })],
    );
    expect(result.properties).toEqual([]);
    // The reverse is a change: a consumer that stores integers now gets a fraction.
    expect(diff([track('Paid', { total: 2 })], [track('Paid', { total: 2.5 })]).properties).toMatchObject([
      { path: 'properties.total', change: 'type-changed', before: ['integer'], after: ['number'] },
    ]);
  });

  it('lists a verdict that got worse, with its most common new problem; one already invalid is not', () => {
    const result = diff(
      [track('Signed Up'), track('Order Completed', { total: 1 }), { event: 'Broken' }],
      [
        { ...track('Signed Up'), timestamp: '2024-05-01' },
        { ...track('Signed Up'), timestamp: '2024-05-02' },
        { ...track('Signed Up'), timestamp: '2024-05-02' },
        track('Order Completed', { total: 1 }),
        { event: 'Broken' },
      ],
    );
    expect(result.verdicts).toEqual([
      {
        type: 'track',
        name: 'Signed Up',
        before: { seen: 1, invalid: 0 },
        after: { seen: 3, invalid: 3 },
        topProblem: 'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-02"',
      },
    ]);
    expect(diffFails(result)).toBe(true);
  });

  it('passes a CURRENT that only adds: events and properties', () => {
    const result = diff(
      [track('Signed Up', { plan: 'pro' })],
      [track('Signed Up', { plan: 'pro', seats: 2 }), track('New')],
    );
    expect(result.events.added).toHaveLength(1);
    expect(result.properties).toMatchObject([{ path: 'properties.seats', change: 'added' }]);
    expect(result.verdicts).toEqual([]);
    expect(diffFails(result)).toBe(false);
  });

  it('finds nothing between a capture and itself', () => {
    const messages = [
      track('Signed Up', { plan: 'pro', items: [{ sku: 'A' }] }),
      { ...base, type: 'group', groupId: 'g' },
    ];
    expect(diff(messages, messages)).toEqual({ events: { added: [], removed: [] }, properties: [], verdicts: [] });
  });

  it('keeps memory flat: at most MAX_PATHS paths an event, and says the diff is partial', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_PATHS + 50 }, (_, i) => [`p${i}`, i]));
    const profile = profileOf([track('Wide', wide)]);
    expect(profile.events.get('track')?.get('Wide')?.paths.size).toBe(MAX_PATHS);
    expect(profile.truncated()).toBe(true);
    expect(profileOf([track('Narrow', { a: 1 })]).truncated()).toBe(false);
  });
});
