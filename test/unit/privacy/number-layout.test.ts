// The guard's second round of shortcuts (scan-text.ts, detect-value.ts, detect-tokens.ts) change no answer: a
// card or an SSN is looked for only in a stretch of digits long enough, an IBAN only after two capitals and a digit,
// a JWT only where "yJ" is, a long text's digits by native searches. Checked against the detectors run one after
// the other with only the counts that define what each finds, on generated values and on the near misses.
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/core/privacy/detection';
import { findEmail, findIpv4, findIpv6 } from '../../../src/core/privacy/detect-contact';
import { findCard, findIban, findSsn, isPhone } from '../../../src/core/privacy/detect-numbers';
import { findToken } from '../../../src/core/privacy/detect-tokens';
import { detectString, detectText } from '../../../src/core/privacy/detect-value';

/** Every detector in the guard's order, gated only by what defines the kinds (detect-value.ts's contract). */
function reference(text: string, underVersionKey = false): Detection | null {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  const digits = count(/[0-9]/g);
  const longestRun = Math.max(0, ...(text.match(/[A-Za-z0-9_-]+/g) ?? []).map((run) => run.length));
  if (longestRun >= 16 || (text.length >= 16 && text.includes('PRIVATE KEY'))) {
    const token = findToken(text);
    if (token) return token;
  }
  const email = text.includes('@') ? findEmail(text) : null;
  if (email) return { kind: 'email', match: email };
  if (digits >= 9) {
    const card = findCard(text);
    if (card) return { kind: 'card', match: card };
    const iban = findIban(text);
    if (iban) return { kind: 'iban', match: iban };
    const ssn = findSsn(text);
    if (ssn) return { kind: 'ssn', match: ssn };
    if (isPhone(text.trim(), digits)) return { kind: 'phone', match: text.trim() };
  }
  if (digits < 4 || underVersionKey) return null;
  const ip = (count(/\./g) >= 3 ? findIpv4(text) : null) ?? findIpv6(text, count(/:/g));
  return ip ? { kind: 'ip', match: ip } : null;
}

/** Values made of the pieces the shortcuts look at: digits in groups, separators, capitals, prose, tokens. */
function generated(count: number): string[] {
  let seed = 19;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const pieces = [
    () => digits(1 + Math.floor(random() * 6)),
    () => pick([' ', '-', '  ', '--', ' -', '.', ':', '/', '(', ') ', '+', 'T', 'Z', '_']),
    () => pick(['DE', 'GB', 'NO', 'FR', 'IBAN ', 'A', 'x', 'ab', 'WEST', 'eyJ', '.eyJ', 'yJ', '@', 'a@b.co']),
    () => pick(['4111', '5555', '3782', '6011', '123-45-6789', '4111111111111111', 'DE89370400440532013000']),
    () => pick(['lorem ipsum ', 'sk_live_', 'AKIA', 'Bearer ', 'abcdefghijklmnopqrstuvwxyz', '2024-05-01T10:00:00Z']),
  ];
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 9) }, () => pick(pieces)()).join(''),
  );
}

describe('the shortcuts change no answer', () => {
  it('on 20,000 generated values, short and long, under a plain key and a version key', () => {
    const differences = generated(20_000).flatMap((text) =>
      [false, true].flatMap((underVersionKey) => {
        const [fast, plain] = [detectText(text, underVersionKey), reference(text, underVersionKey)];
        return JSON.stringify(fast) === JSON.stringify(plain) ? [] : [{ text, underVersionKey, fast, plain }];
      }),
    );
    expect(differences).toEqual([]);
  });

  it.each([
    ['card', '4111-1111-1111-1111'],
    ['card', 'paid with 3782 822463 10005, thanks'],
    ['ssn', 'ssn 123-45-6789 on file'],
    ['iban', 'IBAN DE89 3704 0044 0532 0130 00'],
    ['iban', 'to GB82WEST12345698765432'],
    ['phone', '+1 (415) 555-0123'],
    ['jwt', 'token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig'],
  ])('%s found next to what breaks a stretch: %s', (kind, value) => {
    expect(detectText(value)?.kind).toBe(kind);
    expect(reference(value)?.kind).toBe(kind);
  });

  it.each([
    ['two separators in a row', '4111--1111-1111-1111'],
    ['a separator before the digits', 'id -4111 x 1111 1111 1111'],
    ['an IBAN in lower case', 'de89370400440532013000'],
    ['one capital before the check digits', 'E89370400440532013000'],
    ['a timestamp', '2024-05-01T10:00:00.000Z'],
    ['dates in a row', '2024-05-01 2024-05-02 2024-05-03'],
  ])('%s is not flagged: %s', (_what, value) => {
    expect(detectText(value)).toBeNull();
    expect(reference(value)).toBeNull();
  });
});

describe('what a key says, read once per key name', () => {
  it('a key can name a secret and a build at once; a version key keeps four numbers from being an IP address', () => {
    expect(detectString('hunter2', 'build_secret')?.kind).toBe('password');
    expect(detectString('10.15.7.1', 'build')).toBeNull();
    expect(detectString('10.15.7.1', 'Release')).toBeNull();
    expect(detectString('10.15.7.1', 'host')?.kind).toBe('ip');
    expect(detectString('10.15.7.1', 'release_password')?.kind).toBe('password');
  });
});
