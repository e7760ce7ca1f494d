/**
 * One value -> what personal data or secret it is, if any. Runs on every string of every message, so the cheapest
 * look that can rule a detector out comes first: the key's meaning (looked up once per key name), the length, then
 * for a long text native searches (no digit and no `@` leaves only the tokens, found by their prefixes), for a
 * short one a single pass over its characters (scan-text.ts).
 */
import type { Detection } from './detection';
import { detectByKey, keyMeaning, SECRET_KEY, SSN_KEY, VERSION_KEY_NAME } from './detect-key';
import { findToken, SHORTEST_RUN } from './detect-tokens';
import { findUrlSecrets, looksLikeUrl } from './detect-url';
import { hasPrivateKey, isKeyCharacter, scanText } from './scan-text';
import { hasTimestampShape, LONGEST_TIMESTAMP, SHORTEST_TIMESTAMP } from '../text/timestamp-shape';

/** The shortest value any text detector finds: `a@b.co`. */
const SHORTEST = 6;

/** A string under `key` (the last key of its path; undefined for an array element without a named parent). */
export function detectString(text: string, key: string | undefined): Detection | null {
  const meaning = key === undefined ? 0 : keyMeaning(key);
  if (meaning & (SECRET_KEY | SSN_KEY)) {
    const byKey = detectByKey(key as string, text);
    if (byKey) return byKey;
  }
  if (text.length < SHORTEST) return null;
  if (looksLikeUrl(text)) return findUrlSecrets(text, detectText);
  // Four numbers under a key naming a version or a build are one (`build: "10.15.7.1"`), not an IP address.
  return detectText(text, (meaning & VERSION_KEY_NAME) !== 0);
}

/** An integer that may be a card number, or an SSN under a key named for one (sent as a number, not a string). */
export function detectNumber(value: number, key: string | undefined): Detection | null {
  if (!Number.isSafeInteger(value) || value < 1e8) return null;
  const text = String(value);
  return (key === undefined ? null : detectByKey(key, text, true)) ?? (value >= 1e12 ? detectText(text) : null);
}

/** Below this length the pass over the characters costs less than the native searches. */
const SHORT_TEXT = 32;

/**
 * Free text (or a URL parameter's value): every detector that needs no key name. Most long text (descriptions,
 * comments, messages) has no digit and no `@`: native searches rule out all but the tokens, whose searches look for
 * their prefixes first. Only text with a digit or an `@`, or a token, takes the pass over its characters; a token then
 * counts only where that pass would have let the token detectors run (scanText).
 */
export function detectText(text: string, underVersionKey = false): Detection | null {
  // Every message's timestamp: no detector finds anything in one (its runs of digits and key characters are too short
  // for any), and its digits would set off the number regexes' counts (test/unit/privacy/shortcuts.test.ts).
  const length = text.length;
  if (length >= SHORTEST_TIMESTAMP && length <= LONGEST_TIMESTAMP && hasTimestampShape(text)) return null;
  if (length < SHORT_TEXT || hasDigitOrAt(text)) return scanText(text, underVersionKey);
  const token = findToken(text);
  return token && (longestKeyRun(text) >= SHORTEST_RUN || hasPrivateKey(text)) ? token : null;
}

/**
 * Eleven native searches for one character each: each skips along the text many times faster than a regex for
 * `[0-9@]` steps through it, so on a long text all eleven cost less than that one (docs/benchmarks.md).
 */
function hasDigitOrAt(text: string): boolean {
  return (
    text.includes('@') ||
    text.includes('0') ||
    text.includes('1') ||
    text.includes('2') ||
    text.includes('3') ||
    text.includes('4') ||
    text.includes('5') ||
    text.includes('6') ||
    text.includes('7') ||
    text.includes('8') ||
    text.includes('9')
  );
}

/** The longest run of characters that make up every key and token: letters, digits, "_" and "-". */
function longestKeyRun(text: string): number {
  let run = 0;
  let longest = 0;
  for (let i = 0; i < text.length; i++) {
    if (isKeyCharacter(text.charCodeAt(i))) {
      if (++run > longest) longest = run;
    } else run = 0;
  }
  return longest;
}
