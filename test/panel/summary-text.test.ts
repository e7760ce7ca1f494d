/** The Summary's words and the filter text a line writes, without a panel (issue 21, item 3). */
import { describe, expect, it } from 'vitest';
import { splitValue } from '../../src/panel/store/error-groups';
import { eventFilter, parseFilter } from '../../src/panel/store/filter-query';
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
    expect(parseFilter(text)).toEqual({ words: 'checkout', type: 'track', name: 'Say "hi" \\ now' });
    expect(parseFilter(eventFilter('', 'track', ''))).toEqual({ words: '', type: 'track', name: '' });
    expect(parseFilter('Order Completed')).toEqual({ words: 'order completed' });
    expect(parseFilter('name:"Order')).toEqual({ words: '', name: 'Order' }); // typed, not closed yet
  });
});
