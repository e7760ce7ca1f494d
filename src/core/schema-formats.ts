/**
 * The formats the June schemas' generated validators check (scripts/generate-validators.mjs bundles this module into
 * them, and nothing else imports it): ajv-formats' "full" formats, with `date-time` answered by hand for the shape SDKs
 * send (`2024-05-01T10:00:00.000Z`, or an offset `+02:00` for the `Z`). Every message has a timestamp, and
 * ajv-formats' check (a split and two regular expressions, an array and strings each time) cost more than the
 * rest of a message's validation. Any other text gets ajv-formats' own answer, so the answer is always the same as its.
 */
import { fullFormats } from 'ajv-formats/dist/formats';
import { COLON, DASH, daysInMonth, digitsAt, DOT, isDigit, PLUS, T, Z } from './text/ascii-digits';

const library = fullFormats['date-time'];
if (typeof library !== 'object' || library instanceof RegExp || typeof library.validate !== 'function')
  throw new Error('ajv-formats: date-time is not a format definition with a validate function');
const libraryDateTime = library.validate as (text: string) => boolean;

export const SCHEMA_FORMATS = { ...fullFormats, 'date-time': { ...library, validate: isDateTime } };

/** Beyond this many digits of a second's fraction, `Number` may round 59.999… up to 60 (a leap second then). */
const MAX_FRACTION_DIGITS = 9;

/**
 * RFC 3339 date-time as ajv-formats checks it. The hand-read shape has a single `T` and no other letter but the
 * final `Z`, so ajv-formats would split it where this does; its time is in range (no leap second to work out), and
 * its zone is `Z` or `±hh:mm`. Everything else, valid or not, is ajv-formats' to answer.
 */
export function isDateTime(text: string): boolean {
  const length = text.length;
  if (
    length < 20 ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  )
    return libraryDateTime(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return libraryDateTime(text);
  if (second < 0 || second > 59) return libraryDateTime(text);
  let at = 19;
  if (text.charCodeAt(at) === DOT) {
    const start = ++at;
    while (at < length && isDigit(text.charCodeAt(at))) at++;
    if (at === start || at - start > MAX_FRACTION_DIGITS) return libraryDateTime(text);
  }
  const zone = text.charCodeAt(at);
  if (zone === Z) {
    if (at + 1 !== length) return libraryDateTime(text);
  } else if ((zone === PLUS || zone === DASH) && at + 6 === length && text.charCodeAt(at + 3) === COLON) {
    const zoneHour = digitsAt(text, at + 1, 2);
    const zoneMinute = digitsAt(text, at + 4, 2);
    if (zoneHour < 0 || zoneHour > 23 || zoneMinute < 0 || zoneMinute > 59) return libraryDateTime(text);
  } else return libraryDateTime(text);
  return day <= daysInMonth(year, month);
}
