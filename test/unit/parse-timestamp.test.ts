import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTimestamp } from '../../src/core/parse-timestamp';
import { EDGE_TIMESTAMPS, generatedTimestamps, mutatedTimestamps } from './timestamp-texts';

const mismatches = (texts: readonly string[]) =>
  texts.filter((text) => !Object.is(parseTimestamp(text), Date.parse(text))).slice(0, 10);

describe('parseTimestamp', () => {
  it('reads the shape SDKs send as Date.parse does', () => {
    expect(parseTimestamp('2024-05-01T10:00:00.000Z')).toBe(1_714_557_600_000);
    expect(parseTimestamp('2024-05-01T12:00:00.250+02:00')).toBe(1_714_557_600_250);
  });

  it('gives what Date.parse gives at the edges', () => {
    expect(mismatches(EDGE_TIMESTAMPS)).toEqual([]);
  });

  it('gives what Date.parse gives on 200,000 timestamps made of good and bad fields', () => {
    expect(mismatches(generatedTimestamps(200_000))).toEqual([]);
  });

  it('gives what Date.parse gives on 200,000 timestamps with a character changed, added or taken out', () => {
    expect(mismatches(mutatedTimestamps(200_000))).toEqual([]);
  });

  describe('a day its month does not have', () => {
    afterEach(() => vi.restoreAllMocks());

    // These comparisons run on V8 only; engines differ on such dates (V8 reads 31 April as 1 May, SpiderMonkey as
    // NaN), so the Firefox build must get its own engine's answer: the date is handed to Date.parse, not read here.
    it.each(['2023-04-31T10:00:00.000Z', '2023-02-29T10:00:00Z', '1900-02-29T00:00:00.000+01:00'])(
      '%s is left to the engine',
      (text) => {
        const parse = vi.spyOn(Date, 'parse').mockReturnValue(Number.NaN);
        expect(parseTimestamp(text)).toBeNaN();
        expect(parse).toHaveBeenCalledWith(text);
      },
    );

    it('29 February of a leap year is read by hand', () => {
      const parse = vi.spyOn(Date, 'parse');
      expect(parseTimestamp('2024-02-29T10:00:00.000Z')).toBe(1_709_200_800_000);
      expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(951_782_400_000);
      expect(parse).not.toHaveBeenCalled();
    });
  });
});
