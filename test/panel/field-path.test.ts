import { describe, expect, it } from 'vitest';
import { copiedValue, fieldPath, fieldTerm, parseFieldPath } from '../../src/panel/store/field-path';
import { fieldMatches, parseFilter, withFieldTerm } from '../../src/panel/store/filter-query';

/** Every field of a payload, as the JSON tree walks it: its keys, and whether each indexes an array. */
function* fields(
  value: unknown,
  keys: string[] = [],
  inArray: boolean[] = [],
): Generator<[string[], boolean[], unknown]> {
  if (keys.length > 0) yield [keys, inArray, value];
  if (value === null || typeof value !== 'object') return;
  const array = Array.isArray(value);
  for (const [key, child] of Object.entries(value)) yield* fields(child, [...keys, key], [...inArray, array]);
}

describe('a field path the JSON tree copies', () => {
  it('is written as the filter reads it: dots, [0] for array items, ["…"] for any other key', () => {
    expect(fieldPath(['properties', 'seats'], [false, false])).toBe('properties.seats');
    expect(fieldPath(['properties', 'items', '0', 'sku'], [false, false, true, false])).toBe('properties.items[0].sku');
    expect(fieldPath(['properties', 'plan name', 'a"b', '0'], [false, false, false, false])).toBe(
      'properties["plan name"]["a\\"b"]["0"]',
    );
    expect(parseFieldPath('properties["plan name"].items[0]')).toEqual(['properties', 'plan name', 'items', '0']);
  });

  it('finds, as a filter term, the very value it was copied from, for every field of an awkward payload', () => {
    const payload = {
      event: 'Signed Up',
      properties: {
        seats: 3,
        'plan name': 'Pro "annual"',
        'x-ray': true,
        '1st': null,
        items: [{ sku: 'A-1', 'unit price': 9.5 }, 'loose'],
        nested: { 'a.b': 'dot in a key', 'c/d': 'slash' },
        '': 'empty key',
      },
    };
    let terms = 0;
    for (const [keys, inArray, value] of fields(payload)) {
      const term = fieldTerm(fieldPath(keys, inArray), value);
      if (term === null) continue; // objects and arrays
      const query = parseFilter(term);
      expect(query.fields, term).toHaveLength(1);
      expect(query.words, term).toBe('');
      expect(fieldMatches(payload, query.fields[0]!), term).toBe(true);
      expect(fieldMatches({}, query.fields[0]!), term).toBe(false);
      terms += 1;
    }
    expect(terms).toBe(11);
  });

  it('replaces an earlier term on the same path and keeps the rest of the filter', () => {
    const once = withFieldTerm('checkout type:track', 'properties.seats', 'properties.seats:3');
    expect(once).toBe('checkout type:track properties.seats:3');
    expect(withFieldTerm(once, 'properties.seats', 'properties.seats:4')).toBe(
      'checkout type:track properties.seats:4',
    );
    expect(withFieldTerm('', 'properties["a b"]', 'properties["a b"]:"x"')).toBe('properties["a b"]:"x"');
  });

  it('copies a string as itself and anything else as its JSON', () => {
    expect(copiedValue('Signed Up')).toBe('Signed Up');
    expect(copiedValue(3)).toBe('3');
    expect(copiedValue(null)).toBe('null');
    expect(copiedValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(fieldTerm('properties', { a: 1 })).toBeNull();
  });
});
