import { describe, expect, it } from 'vitest';
import { createRecentIds } from '../../src/core/recent-ids';

/** The two generations of Sets recent-ids.ts replaced: the answers to match. */
function referenceIds(size: number): { addNew(id: string): boolean } {
  let current = new Set<string>();
  let previous = new Set<string>();
  return {
    addNew(id) {
      const before = current.size;
      const isNew = current.add(id).size !== before && !previous.has(id);
      if (current.size >= size) {
        previous = current;
        current = new Set();
      }
      return isNew;
    },
  };
}

let seed = 7;
const random = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below;

/** Ids that share prefixes, differ by length, hold code units above 0xff (and 0xff itself), or are empty. */
function someId(): string {
  const alphabet = ['a', 'b', 'ÿ', 'é', '€', '😀', '\u0000', '1'];
  return Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join('');
}

describe('recent ids', () => {
  it('answers as two generations of Sets do, across many generations', () => {
    for (const size of [1, 2, 7, 100, 1000]) {
      const ids = createRecentIds(size);
      const reference = referenceIds(size);
      const sent = Array.from({ length: 20_000 }, someId);
      expect(
        sent.map((id) => ids.addNew(id)),
        `size ${size}`,
      ).toEqual(sent.map((id) => reference.addNew(id)));
    }
  });

  it('remembers at least the latest `size` ids, and forgets older ones once both generations filled', () => {
    const ids = createRecentIds(100_000);
    const added = (from: number, to: number) => {
      let count = 0;
      for (let i = from; i < to; i++) if (ids.addNew(`message-${i}`)) count++;
      return count;
    };
    expect(added(0, 150_000)).toBe(150_000);
    expect(added(50_000, 150_000)).toBe(0);
    expect(added(0, 1_000)).toBe(1_000);
  });

  it('tells long ids apart that differ only at the end', () => {
    const ids = createRecentIds(1000);
    const long = 'x'.repeat(100_000);
    expect(ids.addNew(long + 'a')).toBe(true);
    expect(ids.addNew(long + 'b')).toBe(true);
    expect(ids.addNew(long)).toBe(true);
    expect(ids.addNew(long + 'a')).toBe(false);
  });
});
