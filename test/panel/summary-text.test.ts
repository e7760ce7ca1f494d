/** The Summary's words and the filter text a line writes, without a panel (issue 21, item 3). */
import { describe, expect, it } from 'vitest';
import { splitValue } from '../../src/panel/store/error-groups';
import { eventFilter, fieldMatches, parseFilter } from '../../src/panel/store/filter-query';
import { errorText } from '../../src/panel/views/summary-columns';

describe("an error's wording without its value", () => {
  it('cuts at the value the error names, even one that holds ", got " itself', () => {
    const payload = { timestamp: 'soon, got it' };
    const problem = {
      path: '/timestamp',
      keyword: 'format',
      message: 'timestamp must be an ISO 8601 date-time with a time zone, got "soon, got it"',
    };
    expect(splitValue(problem, payload)).toEqual({
      rule: 'timestamp must be an ISO 8601 date-time with a time zone',
      got: '"soon, got it"',
    });
    expect(splitValue({ path: '/event', keyword: 'required', message: 'event is required' }, {})).toEqual({
      rule: 'event is required',
      got: null,
    });
  });

  it('counts the values past the third, most frequent first', () => {
    const values = [{ text: '"e"', count: 2 }, ...['"a"', '"b"', '"c"', '"d"'].map((text) => ({ text, count: 1 }))];
    expect(errorText({ rule: 'plan must be "pro"', count: 6, values })).toBe(
      'plan must be "pro" (6×); got "e" 2×, "a" 1×, "b" 1×, and 2 other values',
    );
  });
});

describe('the filter text of one event', () => {
  it('keeps the free words, replaces an earlier event, and reads back exactly, quotes and all', () => {
    const text = eventFilter('checkout type:page name:"Old"', 'track', 'Say "hi" \\ now');
    expect(text).toBe('checkout type:track name:"Say \\"hi\\" \\\\ now"');
    expect(parseFilter(text)).toEqual({ words: 'checkout', type: 'track', name: 'Say "hi" \\ now', fields: [] });
    expect(parseFilter(eventFilter('', 'track', ''))).toEqual({ words: '', type: 'track', name: '', fields: [] });
    expect(parseFilter('Order Completed')).toEqual({ words: 'order completed', fields: [] });
    expect(parseFilter('name:"Order')).toEqual({ words: '', name: 'Order', fields: [] }); // typed, not closed yet
  });
});

describe('a field in the filter (issue 21, item 10)', () => {
  it('reads field terms beside words, a URL staying a word, and keeps them when a Summary line sets the event', () => {
    expect(parseFilter('properties.seats:3 event:"Signed Up" items[0].sku:A-1 https://shop.example')).toEqual({
      words: 'https://shop.example',
      fields: [
        { path: ['properties', 'seats'], value: '3', quoted: false },
        { path: ['event'], value: 'Signed Up', quoted: true },
        { path: ['items', '0', 'sku'], value: 'A-1', quoted: false },
      ],
    });
    expect(eventFilter('properties.seats:3 type:page', 'track', 'Signed Up')).toBe(
      'properties.seats:3 type:track name:"Signed Up"',
    );
  });

  it('matches a string exactly, and a bare value as the JSON of a number, boolean or null', () => {
    const payload = {
      event: 'Signed Up',
      properties: { seats: 3, plan: '3', trial: false, coupon: null },
      items: [{ sku: 'A-1' }],
    };
    const matches = (text: string) => parseFilter(text).fields.every((term) => fieldMatches(payload, term));
    expect(
      ['properties.seats:3', 'properties.plan:3', 'properties.trial:false', 'properties.coupon:null'].map(matches),
    ).toEqual([true, true, true, true]);
    expect(
      ['properties.seats:"3"', 'event:"Signed up"', 'properties.seats:4', 'properties.missing:3'].map(matches),
    ).toEqual([false, false, false, false]);
    expect([matches('event:"Signed Up"'), matches('items[0].sku:A-1'), matches('items.0.sku:A-1')]).toEqual([
      true,
      true,
      true,
    ]);
  });
});
