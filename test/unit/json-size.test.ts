import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../src/core/body';
import { jsonBytesOver } from '../../src/core/json-size';

const exact = (value: unknown) => utf8ByteLength(JSON.stringify(value));

describe('jsonBytesOver', () => {
  it('is 0 for values at or under the limit, whatever they hold', () => {
    expect(jsonBytesOver({ event: 'E', properties: { n: 1.5, ok: true, none: null, list: [1, 'a'] } }, 1000)).toBe(0);
    const atLimit = { s: 'x'.repeat(100) };
    expect(jsonBytesOver(atLimit, exact(atLimit))).toBe(0);
  });

  it('gives the exact UTF-8 size of the JSON once it is over', () => {
    const cases = [
      { s: 'x'.repeat(200) },
      { s: 'é'.repeat(100) }, // 2 bytes each
      { s: '😀'.repeat(60) }, // a surrogate pair is 4 bytes
      { s: '\u0001'.repeat(40) }, // escaped as \u0001: 6 bytes each
      { s: '"\\'.repeat(60) },
      { n: [-1.7976931348623157e308, 5e-324, 1e21, Number.NaN] },
      { deep: [[[{ a: ['b'.repeat(150)] }]]] },
    ];
    for (const value of cases) {
      const bytes = exact(value);
      expect(jsonBytesOver(value, bytes - 1)).toBe(bytes);
      expect(jsonBytesOver(value, bytes)).toBe(0);
    }
  });

  it('measures values the bound cannot settle exactly (deep nesting, toJSON)', () => {
    let deep: unknown = 'x'.repeat(50);
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(jsonBytesOver(deep, 100)).toBe(exact(deep));
    const withDate = { at: new Date(0) };
    expect(jsonBytesOver(withDate, 10)).toBe(exact(withDate));
  });
});
