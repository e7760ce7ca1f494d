/** ASCII digits read straight from a string's code units, for the hand-written readers of timestamps. */

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
