import { COLON, DASH, daysInMonth, digitsAt, DOT, isDigit, PLUS, T, Z } from './text/ascii-digits';
/**
 * `Date.parse`, with the shape SDKs send read by hand: `2024-05-01T10:00:00.000Z`, or with an offset
 * (`+02:00`) instead of `Z`, the fraction optional and of any length. Anything else goes to `Date.parse`,
 * so the result is always the same as its. The hand-read shape is the one the engine reads as UTC whatever the
 * machine's time zone, with a day that exists in its month: engines differ on 31 April (V8 reads 1 May,
 * SpiderMonkey NaN), so such a date is left to the engine that runs. The fraction's first three digits are the
 * milliseconds, truncated, as engines do.
 */
const DAY_MS = 86_400_000;

export function parseTimestamp(text: string): number {
  const length = text.length;
  if (length < 20 || length > 40) return Date.parse(text);
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  )
    return Date.parse(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    day > daysInMonth(year, month)
  )
    return Date.parse(text);

  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === DOT) {
    const start = ++at;
    while (at < length && isDigit(text.charCodeAt(at))) at++;
    if (at === start) return Date.parse(text);
    // The first three digits, as milliseconds (truncated, as the engine does).
    const count = Math.min(at - start, 3);
    millis = digitsAt(text, start, count) * (count === 3 ? 1 : count === 2 ? 10 : 100);
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if (zone === Z && at + 1 === length) offsetMinutes = 0;
  else if ((zone === PLUS || zone === DASH) && at + 6 === length && text.charCodeAt(at + 3) === COLON) {
    const hours = digitsAt(text, at + 1, 2);
    const minutes = digitsAt(text, at + 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Date.parse(text);
    offsetMinutes = (zone === PLUS ? 1 : -1) * (hours * 60 + minutes);
  } else return Date.parse(text);

  const days = daysFromCivil(year, month) + day - 1;
  return days * DAY_MS + hour * 3_600_000 + (minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

/** Days from 1970-01-01 to the first of `month` (1-12) of `year` (0-9999), proleptic Gregorian. */
function daysFromCivil(year: number, month: number): number {
  // Years counted from March, so that the leap day ends a year (Howard Hinnant's days_from_civil).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
