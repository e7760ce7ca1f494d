/**
 * ASCII digits and the other code units of a timestamp, read straight from a string, and the calendar's rule, for
 * the hand-written readers of timestamps (parse-timestamp.ts, schema-formats.ts).
 */

const ZERO = 48;

export function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/** The number that the `count` ASCII digits from `from` spell; -1 when one of them is not a digit. */
export function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - ZERO;
  }
  return value;
}

export const DASH = 45;
export const PLUS = 43;
export const COLON = 58;
export const DOT = 46;
export const T = 84;
export const Z = 90;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** How many days `month` (1-12) of `year` has, in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
