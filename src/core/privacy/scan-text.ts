/**
 * The pass over a text's characters that says which detectors can match at all, and runs only those. Most short
 * values (ids, names, versions) then need no regular expression. The pass counts only what every text needs; a
 * text with digits enough for a card, an IBAN or an SSN gets a second look at how they are laid out (numberLayout),
 * so that a timestamp (17 digits, two dashes, two capitals) runs none of their regexes.
 */
import type { Detection } from './detection';
import { findEmail, findIpv4, findIpv6 } from './detect-contact';
import { findCard, findIban, findSsn, isPhone } from './detect-numbers';
import { findToken, SHORTEST_RUN } from './detect-tokens';

/**
 * Free text, or a URL parameter's value: every detector that needs no key name, most specific first, each only where
 * the counts say it can match: a token (JWT, API key) is a run of 16 key characters (letters, digits, `_`, `-`) or
 * holds `PRIVATE KEY`; an email an `@`; a card, an IBAN, an SSN or a phone number 9 digits or more; an IP address
 * four digits and three dots, or colons (findIpv6 looks).
 */
export function scanText(text: string, underVersionKey: boolean): Detection | null {
  let digits = 0;
  let at = false;
  let dots = 0;
  let colons = 0;
  let dashes = 0;
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
    if (digit || isKeyCharacter(code)) {
      if (++run > longestRun) longestRun = run;
    } else run = 0;
  }
  if (longestRun >= SHORTEST_RUN || hasPrivateKey(text)) {
    const token = findToken(text);
    if (token) return token;
  }
  if (at) {
    const email = findEmail(text);
    if (email) return { kind: 'email', match: email };
  }
  if (digits >= 9) {
    const number = findNumber(text, digits, dashes);
    if (number) return number;
  }
  if (digits < 4 || underVersionKey) return null;
  const ip = (dots >= 3 ? findIpv4(text) : null) ?? findIpv6(text, colons);
  return ip ? { kind: 'ip', match: ip } : null;
}

/** A card, an IBAN, an SSN or a phone number, in that order, in a text with 9 digits or more. */
function findNumber(text: string, digits: number, dashes: number): Detection | null {
  const { longestStretch, capitalsThenDigit } = numberLayout(text);
  const card = longestStretch >= 13 ? findCard(text) : null;
  if (card) return { kind: 'card', match: card };
  const iban = capitalsThenDigit ? findIban(text) : null;
  if (iban) return { kind: 'iban', match: iban };
  const ssn = dashes >= 2 && longestStretch >= 9 ? findSsn(text) : null;
  if (ssn) return { kind: 'ssn', match: ssn };
  if (digits > 15) return null; // isPhone's own limit, before trimming
  const trimmed = text.trim();
  return isPhone(trimmed, digits) ? { kind: 'phone', match: trimmed } : null;
}

/**
 * How a text's digits are laid out, for the regexes that need them so:
 * - `longestStretch`: the most digits in a row with at most one space or dash between two. Every card number the
 *   card regex finds is one of 13 or more (`4111 1111 1111 1111`), every SSN one of 9 (`123-45-6789`);
 * - `capitalsThenDigit`: two capitals right before a digit, as every IBAN starts (`DE89…`).
 */
function numberLayout(text: string): { longestStretch: number; capitalsThenDigit: boolean } {
  let stretch = 0;
  let longestStretch = 0;
  let afterDigit = false;
  let capitals = 0; // in a row, just before this character
  let capitalsThenDigit = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++stretch > longestStretch) longestStretch = stretch;
      if (capitals >= 2) capitalsThenDigit = true;
      capitals = 0;
      afterDigit = true;
      continue;
    }
    if (!afterDigit || (code !== 32 && code !== 45)) stretch = 0;
    afterDigit = false;
    capitals = code >= 65 && code <= 90 ? capitals + 1 : 0;
  }
  return { longestStretch, capitalsThenDigit };
}

/** Letters, digits, "_" and "-": what every key and token is made of. */
export function isKeyCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45
  );
}

/** A PEM private key's armour has no run of 16 key characters: looked for by its words. */
export function hasPrivateKey(text: string): boolean {
  return text.length >= SHORTEST_RUN && text.includes('PRIVATE KEY');
}
