/**
 * Detectors for numbers that identify a person or an account: payment cards, IBANs, US social
 * security numbers, phone numbers. Each is shaped to let through what payloads are full of: order
 * numbers, SKUs, prices, dates, timestamps, version strings.
 */
import { hasIssuerPrefix, isValidIban, passesLuhn } from './checksums';

/**
 * 13-19 digits, alone or grouped as cards are printed (4-4-4-4, 4-4-4-4-3, 4-4-4-1, 4-6-5 / 4-6-4),
 * one separator throughout, and never part of a longer run of digits (a UUID made of digits).
 */
const CARD =
  /(?<!\d[ -]?)(?:\d{13,19}|\d{4}( |-)\d{4}\1\d{4}(?:\1\d{1,4}){1,2}|\d{4}( |-)\d{4}\2\d{4}\2\d{1}|\d{4}( |-)\d{6}\3\d{4,5})(?![ -]?\d)/g;

export function findCard(text: string): string | null {
  CARD.lastIndex = 0; // exec, not matchAll: matchAll copies the regex on every call
  for (let match = CARD.exec(text); match; match = CARD.exec(text)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && hasIssuerPrefix(digits) && passesLuhn(digits)) return match[0];
  }
  return null;
}

/** Two letters, two check digits, then 11-30 letters or digits, printed in groups of four or not. */
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;

export function findIban(text: string): string | null {
  IBAN.lastIndex = 0;
  for (let match = IBAN.exec(text); match; match = IBAN.exec(text))
    if (isValidIban(match[0].replace(/ /g, ''))) return match[0];
  return null;
}

/** `ddd-dd-dddd`, with the numbers the SSA never issues left out (area 000, 666, 9xx; group 00; serial 0000). */
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/;

export function findSsn(text: string): string | null {
  return SSN.exec(text)?.[0] ?? null;
}

/** Nine digits under a key named like ssn (`ssn`, `user_ssn`, `socialSecurityNumber`). */
export function isBareSsn(text: string): boolean {
  return /^(?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4}$/.test(text);
}

/**
 * Phone numbers, the whole value only (a phone number inside a sentence is too easily a product code):
 * international (`+14155550123`, `+44 20 7946 0958`), North American (`(415) 555-0123`, `415.555.0123`), or
 * national with a trunk 0 and phone punctuation (`020 7946 0958`, `06 12 34 56 78`). Bare digits without a `+`
 * are an order number as often as a phone number: not flagged.
 */
// Each group after the first starts with a separator or "(": one way to match, so no backtracking blow-up.
const INTERNATIONAL = /^\+[1-9]\d*(?:[ .-]\(?\d+\)?|\(\d+\))*$/;
const NORTH_AMERICAN = /^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const TRUNK = /^(?:0[1-9]\d{0,3}|\(0[1-9]\d{0,3}\) ?)(?:[ .-]\d{2,4}){2,4}$/;

export function isPhone(text: string, digits: number): boolean {
  if (digits < 9 || digits > 15 || text.length > 24) return false;
  return INTERNATIONAL.test(text) || NORTH_AMERICAN.test(text) || (digits <= 12 && TRUNK.test(text));
}
