// The guard's shortcuts (detect-value.ts: a native search before the pass over the characters, prefixes before the
// token regexes, counts that gate each number's regex) find what the full pass finds: a value in a long text, a
// token with no digit, and none of the values those counts let through unlooked.
import { describe, expect, it } from 'vitest';
import { detectString } from '../../../src/core/privacy/detect-value';
import { looksLikeUrl } from '../../../src/core/privacy/detect-url';
import { scanText } from '../../../src/core/privacy/scan-text';
import { hasTimestampShape } from '../../../src/core/text/timestamp-shape';

const prose = 'a long description of the product, written by people, with no numbers in it at all';
const kindOf = (value: string) => detectString(value, 'description')?.kind ?? null;

describe('long texts', () => {
  it.each([
    ['credential', `${prose} sk_live_abcdefghijklmnopqrstuvwx`],
    ['credential', `${prose} AKIAABCDEFGHIJKLMNOP`],
    ['credential', `${prose} Bearer abcdefghijklmnopqrstuvwxyz`],
    ['credential', `${prose} -----BEGIN RSA PRIVATE KEY----- abc`],
    ['jwt', `${prose} eyJhbGciOiJub25lIn.eyJzdWIiOiJqYW5lIn.sig`],
    ['email', `${prose} jane@example.com`],
    ['card', `${prose} 4111 1111 1111 1111`],
    ['iban', `${prose} GB82 WEST 1234 5698 7654 32`],
    ['ssn', `${prose} 123-45-6789`],
    ['ip', `${prose} 192.168.10.23`],
  ])('%s is found in a long text', (kind, value) => {
    expect(kindOf(value)).toBe(kind);
  });

  it('a token needs its long run of key characters, in a long text as in a short one', () => {
    expect(kindOf('eyJabcde.eyJabcde.x')).toBe(null);
    expect(kindOf(`${prose} eyJabcde.eyJabcde.x`)).toBe(null);
  });
});

describe('what the counts let through', () => {
  it.each([
    '2024-05-01T10:00:00.000Z',
    '2024-05-01T10:00:00+02:00',
    'opened at 10:00:00 on 2024-05-01, closed at 18:30:00',
    'Order 123456789 shipped',
    'SKU-1234-5678-90',
  ])('%s is not flagged', (value) => {
    expect(kindOf(value)).toBe(null);
  });

  it('IPv6 with a "::" or seven colons is still found', () => {
    expect(kindOf('2001:db8::1')).toBe('ip');
    expect(kindOf('2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe('ip');
  });
});

describe('looksLikeUrl', () => {
  const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\?|#|www\.)/i;
  it('answers as the regex it stands in for', () => {
    const texts = [
      'https://app.example.com/?token=abc',
      'HTTP://EXAMPLE.COM',
      'git+ssh://host/repo',
      'a.b-c+d://x',
      'chrome-extension://abcdef/panel.html',
      '1http://x',
      ' https://x',
      'https:/x',
      'https:x',
      'https//x',
      'mailto:jane@example.com',
      'see https://x',
      'www.example.com',
      'WWW.example.com',
      'wWw.x',
      'www-example.com',
      'www',
      'ww.example.com',
      '/settings?x=1',
      '?q=1',
      '#access_token=abc',
      '',
      ':',
      '://x',
      'ſtp://x',
      'lorem ipsum dolor sit amet',
      'anon-12345',
      'é://x',
    ];
    const letters = 'aZw.:/+-1 ?#é';
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let n = i % 9, k = i; n > 0; n--, k = Math.floor(k / letters.length) + n * 7)
        text += letters[k % letters.length];
      texts.push(text, `${text}://x`, `www.${text}`);
    }
    expect(texts.filter((text) => looksLikeUrl(text) !== URL_START.test(text))).toEqual([]);
  });
});

describe('timestamps, which detectText skips', () => {
  it('are texts in which the full pass finds nothing, whatever their digits', () => {
    let seed = 3;
    const digit = () => String((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 10);
    const digits = (count: number) => Array.from({ length: count }, digit).join('');
    const found: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const fraction = i % 10 === 0 ? '' : `.${digits(i % 10)}`;
      const zone = i % 3 === 0 ? 'Z' : `${i % 2 ? '+' : '-'}${digits(2)}:${digits(2)}`;
      const text = `${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}${fraction}${zone}`;
      if (!hasTimestampShape(text) || scanText(text, false) !== null || scanText(text, true) !== null) found.push(text);
    }
    expect(found).toEqual([]);
  });

  it('are only those', () => {
    for (const text of [
      '2024-05-01T10:00:00.1234567890Z',
      '2024-05-01T10:00:00.000z',
      '2024-05-01t10:00:00.000Z',
      '2024-05-01T10:00:00.000',
      '2024-05-01T10:00:00.Z',
      '2024-05-01T10:00:00+0200',
      '2024-05-01T10:00:00+02:00:00',
      '2024-05-01 10:00:00Z',
      '2024-05-01T10:00:00Z ',
      '20245-05-01T10:00:00Z',
      '2024-05-01',
    ])
      expect([text, hasTimestampShape(text)]).toEqual([text, false]);
    expect(kindOf('4111-1111-1111-1111T10:00:00Z')).toBe('card');
  });
});
