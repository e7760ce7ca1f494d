/** Whether a text is laid out as the timestamps SDKs send, whatever its digits: no reading of the values. */
import { isDigit } from './ascii-digits';

/** Digits at these places, and these characters at the others: `dddd-dd-ddTdd:dd:dd`. */
const LAYOUT = '0000-00-00T00:00:00';
/** The longest fraction of a second the shape takes. */
const MAX_FRACTION_DIGITS = 9;
/** The shape's shortest and longest texts: with `Z` and no fraction, and with 9 digits of fraction and an offset. */
export const SHORTEST_TIMESTAMP = LAYOUT.length + 1;
export const LONGEST_TIMESTAMP = LAYOUT.length + 1 + MAX_FRACTION_DIGITS + 6;

/** `dddd-dd-ddTdd:dd:dd`, then a fraction of 1 to 9 digits or none, then `Z` or an offset `±dd:dd`. */
export function hasTimestampShape(text: string): boolean {
  const length = text.length;
  if (length < SHORTEST_TIMESTAMP || length > LONGEST_TIMESTAMP) return false;
  for (let i = 0; i < LAYOUT.length; i++) {
    const code = text.charCodeAt(i);
    const wanted = LAYOUT.charCodeAt(i);
    if (wanted === 48 ? !isDigit(code) : code !== wanted) return false;
  }
  let at = LAYOUT.length;
  if (text.charCodeAt(at) === 46) {
    const start = ++at;
    while (at < length && isDigit(text.charCodeAt(at))) at++;
    if (at === start || at - start > MAX_FRACTION_DIGITS) return false;
  }
  const zone = text.charCodeAt(at);
  if (zone === 90) return at + 1 === length; // "Z"
  return (
    (zone === 43 || zone === 45) && // "+" or "-"
    at + 6 === length &&
    isDigit(text.charCodeAt(at + 1)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    text.charCodeAt(at + 3) === 58 &&
    isDigit(text.charCodeAt(at + 4)) &&
    isDigit(text.charCodeAt(at + 5))
  );
}
