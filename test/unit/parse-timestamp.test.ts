import { describe, expect, it } from 'vitest';
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
});
