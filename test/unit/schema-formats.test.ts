import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isDateTime, SCHEMA_FORMATS } from '../../src/core/schema-formats';
import { EDGE_TIMESTAMPS, generatedTimestamps, mutatedTimestamps } from './timestamp-texts';

const library = fullFormats['date-time'] as { validate: (text: string) => boolean };
const mismatches = (texts: readonly string[]) =>
  texts.filter((text) => isDateTime(text) !== library.validate(text)).slice(0, 10);

describe("the schemas' date-time format", () => {
  it('answers the shape SDKs send', () => {
    expect(isDateTime('2024-05-01T10:00:00.000Z')).toBe(true);
    expect(isDateTime('2024-05-01T10:00:00+02:00')).toBe(true);
    expect(isDateTime('2023-02-29T10:00:00Z')).toBe(false);
    expect(isDateTime('2024-05-01')).toBe(false);
  });

  it('answers as ajv-formats does at the edges', () => {
    expect(mismatches(EDGE_TIMESTAMPS)).toEqual([]);
  });

  it('answers as ajv-formats does on 200,000 timestamps made of good and bad fields', () => {
    expect(mismatches(generatedTimestamps(200_000))).toEqual([]);
  });

  it('answers as ajv-formats does on 200,000 timestamps with a character changed, added or taken out', () => {
    expect(mismatches(mutatedTimestamps(200_000))).toEqual([]);
  });

  it('leaves every other format to ajv-formats', () => {
    for (const [name, format] of Object.entries(SCHEMA_FORMATS))
      if (name !== 'date-time') expect(format).toBe(fullFormats[name as keyof typeof fullFormats]);
  });
});
