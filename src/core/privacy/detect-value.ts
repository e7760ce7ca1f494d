/**
 * One value -> what personal data or secret it is, if any. Runs on every string of every message, so a
 * cheap look at the string (its length, its digits, an `@`) decides which detectors may run at all: a
 * description or a title with no digit and no `@` costs one pass over its characters.
 */
import type { Detection } from './detection';
import { findEmail, findIp } from './detect-contact';
import { detectByKey } from './detect-key';
import { findCard, findIban, findSsn, isPhone } from './detect-numbers';
import { findCredential, findJwt } from './detect-tokens';
import { findUrlSecrets, looksLikeUrl } from './detect-url';

/** The shortest value any text detector finds: `a@b.co`. */
const SHORTEST = 6;
/** The shortest JWT (`eyJ` + 5, twice, two dots) or key with a vendor prefix. */
const SHORTEST_TOKEN = 18;

/** A string under `key` (the last key of its path; undefined for an array element without a named parent). */
export function detectString(text: string, key: string | undefined): Detection | null {
  const byKey = key === undefined ? null : detectByKey(key, text);
  if (byKey) return byKey;
  if (text.length < SHORTEST) return null;
  if (looksLikeUrl(text)) return findUrlSecrets(text, detectText);
  return detectText(text);
}

/** An integer that may be a card number, or an SSN under a key named for one (sent as a number, not a string). */
export function detectNumber(value: number, key: string | undefined): Detection | null {
  if (!Number.isSafeInteger(value) || value < 1e8) return null;
  const text = String(value);
  return (key === undefined ? null : detectByKey(key, text, true)) ?? (value >= 1e12 ? detectText(text) : null);
}

/** Free text (or a URL parameter's value): every detector that needs no key name, most specific first. */
export function detectText(text: string): Detection | null {
  let digits = 0;
  let at = false;
  let separators = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code === 64) at = true;
    else if (code === 46 || code === 58) separators = true;
  }
  const found = (kind: Detection['kind'], match: string | null): Detection | null => (match ? { kind, match } : null);
  if (text.length >= SHORTEST_TOKEN) {
    const token =
      (text.includes('eyJ') ? found('jwt', findJwt(text)) : null) ?? found('credential', findCredential(text));
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
      (digits >= 6 ? found('iban', findIban(text)) : null) ??
      found('ssn', findSsn(text)) ??
      (isPhone(trimmed, digits) ? { kind: 'phone', match: trimmed } : null);
    if (number) return number;
  }
  return digits >= 4 && separators ? found('ip', findIp(text)) : null;
}
