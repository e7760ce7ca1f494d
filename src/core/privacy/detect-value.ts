/**
 * One value -> what personal data or secret it is, if any. Runs on every string of every message, so a
 * cheap look at the string (its length, its digits, an `@`) decides which detectors may run at all: a
 * description or a title with no digit and no `@` costs two native searches, never a loop in JavaScript.
 */
import type { Detection } from './detection';
import { findEmail, findIpv4, findIpv6 } from './detect-contact';
import { detectByKey } from './detect-key';
import { findCard, findIban, findSsn, isPhone } from './detect-numbers';
import { findCredential, findJwt } from './detect-tokens';
import { findUrlSecrets, looksLikeUrl } from './detect-url';

/** The shortest value any text detector finds: `a@b.co`. */
const SHORTEST = 6;

/** A string under `key` (the last key of its path; undefined for an array element without a named parent). */
export function detectString(text: string, key: string | undefined): Detection | null {
  const byKey = key === undefined ? null : detectByKey(key, text);
  if (byKey) return byKey;
  if (text.length < SHORTEST) return null;
  if (looksLikeUrl(text)) return findUrlSecrets(text, detectText);
  return detectText(text, key !== undefined && VERSION_KEY.test(key));
}

/** A key naming a version or a build: four numbers under it are one (`build: "10.15.7.1"`), not an IP address. */
const VERSION_KEY = /version|build|release/i;

/** An integer that may be a card number, or an SSN under a key named for one (sent as a number, not a string). */
export function detectNumber(value: number, key: string | undefined): Detection | null {
  if (!Number.isSafeInteger(value) || value < 1e8) return null;
  const text = String(value);
  return (key === undefined ? null : detectByKey(key, text, true)) ?? (value >= 1e12 ? detectText(text) : null);
}

/** The shortest run of key characters (`[A-Za-z0-9_-]`) in any token detect-tokens.ts finds. */
const SHORTEST_RUN = 16;

function found(kind: Detection['kind'], match: string | null): Detection | null {
  return match ? { kind, match } : null;
}

/** A digit or an `@`: without either, no email, number or IP address can be in a text, only a token. */
const DIGIT_OR_AT = /[0-9@]/;
/** Below this length the pass over the characters costs less than calling a regex. */
const SHORT_TEXT = 32;

/**
 * Free text (or a URL parameter's value): every detector that needs no key name, most specific first. Most text
 * (titles, descriptions, names) has no digit and no `@`: native searches rule out all but the tokens, whose
 * searches look for their prefixes first. Only text with a digit or an `@`, or a token, takes the pass over its
 * characters; a token then counts only where that pass would have let the token detectors run (scanText).
 */
export function detectText(text: string, underVersionKey = false): Detection | null {
  if (text.length < SHORT_TEXT || DIGIT_OR_AT.test(text)) return scanText(text, underVersionKey);
  if (text.length < SHORTEST_RUN) return null;
  const token = findToken(text);
  return token && (longestKeyRun(text) >= SHORTEST_RUN || hasPrivateKey(text)) ? token : null;
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

function isKeyCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45
  );
}

function hasPrivateKey(text: string): boolean {
  return text.length >= SHORTEST_RUN && text.includes('PRIVATE KEY');
}

function findToken(text: string): Detection | null {
  return found('jwt', findJwt(text)) ?? found('credential', findCredential(text));
}

/**
 * One pass over the characters says which detectors can match at all (a digit count, an `@`, dots, colons, dashes
 * and capitals, the longest run of key characters): most strings then need no regular expression, and a timestamp
 * (17 digits, two dashes, two colons) only the card's.
 */
function scanText(text: string, underVersionKey: boolean): Detection | null {
  let digits = 0;
  let at = false;
  let dots = 0;
  let colons = 0;
  let dashes = 0;
  let capitals = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (digit) digits++;
    else if (code === 64) at = true;
    else if (code === 46) dots++;
    else if (code === 58) colons++;
    else if (code === 45) dashes++;
    else if (code >= 65 && code <= 90) capitals++;
    if (digit || isKeyCharacter(code)) {
      if (++run > longestRun) longestRun = run;
    } else run = 0;
  }
  if (longestRun >= SHORTEST_RUN || hasPrivateKey(text)) {
    const token = findToken(text);
    if (token) return token;
  }
  if (at) {
    const email = found('email', findEmail(text));
    if (email) return email;
  }
  if (digits >= 9) {
    const trimmed = text.trim();
    const number =
      (digits >= 13 ? found('card', findCard(text)) : null) ??
      // An IBAN starts with its country's two capitals; an SSN is written with two dashes.
      (capitals >= 2 ? found('iban', findIban(text)) : null) ??
      (dashes >= 2 ? found('ssn', findSsn(text)) : null) ??
      (isPhone(trimmed, digits) ? { kind: 'phone', match: trimmed } : null);
    if (number) return number;
  }
  if (digits < 4 || underVersionKey) return null;
  // IPv4 has three dots; IPv6 a "::" or seven colons (findIpv6 looks).
  return found('ip', (dots >= 3 ? findIpv4(text) : null) ?? findIpv6(text, colons));
}
