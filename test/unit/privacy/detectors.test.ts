// Each kind the privacy guard finds, found where it is and not found in its near misses: what a user sees is a
// warning on a field, or none.
import { describe, expect, it } from 'vitest';
import { detectNumber, detectString } from '../../../src/core/privacy/detect-value';

/** The kind flagged in `value` under `key`, or null. */
const kindOf = (value: string, key = 'value') => detectString(value, key)?.kind ?? null;

describe('each kind is found', () => {
  it.each([
    ['email', 'jane.doe@example.com'],
    ['email', 'write to jane+news@mail.example.co.uk, thanks'],
    ['phone', '+14155550123'],
    ['phone', '+44 20 7946 0958'],
    ['phone', '(415) 555-0123'],
    ['phone', '415.555.0123'],
    ['phone', '+1 (415) 555-0123'],
    ['phone', '020 7946 0958'],
    ['phone', '06 12 34 56 78'],
    ['card', '4111111111111111'],
    ['card', '4111 1111 1111 1111'],
    ['card', '5555-5555-5555-4444'],
    ['card', '378282246310005'],
    ['card', '3782 822463 10005'],
    ['card', 'paid with 6011111111111117 today'],
    ['iban', 'DE89370400440532013000'],
    ['iban', 'GB82 WEST 1234 5698 7654 32'],
    ['ssn', '123-45-6789'],
    ['jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['credential', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['credential', 'AKIAIOSFODNN7EXAMPLE'],
    ['credential', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['credential', 'xoxb-123456789012-abcdefghij'],
    ['credential', 'AIzaSyA-1234567890abcdefghijklmnopqrstu'],
    ['credential', 'Bearer abcdefghijklmnopqrstuvwxyz123456'],
    ['url-secret', 'https://app.example.com/reset?token=abc123&lang=en'],
    ['url-secret', '?email=jane%40example.com'],
    ['url-secret', 'https://app.example.com/callback?code=4/0AX4XfWh&state=xyz'],
    ['url-secret', 'https://app.example.com/cb#access_token=xyz&state=1'],
    ['url-secret', 'https://app.example.com/search?q=jane@example.com'],
    ['url-secret', '/account?session=s%3Aabc.def'],
    ['ip', '192.168.10.23'],
    ['ip', 'client 10.0.0.1 refused'],
    ['ip', '2001:db8::1'],
  ])('%s: %s', (kind, value) => {
    expect(kindOf(value)).toBe(kind);
  });

  it('password: any non-empty string under a key named password, passwd, secret, api_key or access_token', () => {
    for (const key of ['password', 'Password', 'new_password', 'newPassword', 'PASSWD', 'client-secret', 'api_key'])
      expect(kindOf('hunter2', key)).toBe('password');
    expect(kindOf('tok-123', 'accessToken')).toBe('password');
    expect(kindOf('abc123', 'STRIPE_API_KEY')).toBe('password');
  });

  it('ssn: nine digits under a key named like ssn, as a string or a number', () => {
    expect(kindOf('123456789', 'ssn')).toBe('ssn');
    expect(kindOf('123456789', 'socialSecurityNumber')).toBe('ssn');
    expect(detectNumber(123456789, 'user_ssn')?.kind).toBe('ssn');
  });

  it('card: a card number sent as a JSON number', () => {
    expect(detectNumber(4111111111111111, 'card_number')?.kind).toBe('card');
  });
});

describe('near misses are not flagged', () => {
  it.each([
    ['a 16-digit order number that fails Luhn', '4111111111111112'],
    ['a 16-digit number with no card issuer prefix', '1234567812345674'],
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a UUID of digits only', '12345678-1234-1234-1234-123456789012'],
    ['a version string where an IP would be', '1.2.3.4'],
    ['a version with a v', 'v10.20.30.40'],
    ['an OS version', '10.15.7'],
    ['an ISO date', '2024-05-01'],
    ['an ISO date-time', '2024-05-01T10:00:00.000Z'],
    ['a European date', '01.02.2024'],
    ['a time', '10:00:00'],
    ['a price', '1,299.00'],
    ['a price with currency', 'EUR 1299.99'],
    ['an order number', 'ORD-2024-000123'],
    ['an order number of 9 digits with dashes', '123-456-789'],
    ['a bare 10-digit number', '4155550123'],
    ['a SKU', 'SKU-4111-1111'],
    ['a timestamp in milliseconds', '1714557600000'],
    ['a message id', 'ajs-next-1714557600000-abcdef12-3456'],
    ['a retina image name', 'logo@2x.png'],
    ['an npm package with a version', '@segment/analytics-next@1.84.3'],
    ['an IBAN with a wrong checksum', 'DE89370400440532013001'],
    [
      'a Chrome user agent',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    ],
    ['a Firefox user agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
    ['a URL without secrets', 'https://shop.example.com/products/4111111111111111?utm_source=news&page=2#reviews'],
    ['a URL with an empty token', 'https://app.example.com/?token=&lang=en'],
    ['a search term', 'running shoes size 42'],
    ['a publishable Stripe key', 'pk_live_51HqLyjWDarjtT1zdp7dcabcdef'],
    ['a word that starts like a key', 'sk-123'],
    ['an SSN-shaped number never issued', '000-12-3456'],
  ])('%s: %s', (_what, value) => {
    expect(kindOf(value)).toBeNull();
  });

  it('a password key holding a flag, or an empty or masked value', () => {
    expect(kindOf('true', 'hasPassword')).toBeNull();
    expect(kindOf('', 'password')).toBeNull();
    expect(kindOf('********', 'password')).toBeNull();
    expect(kindOf('strong', 'password_strength')).toBeNull();
  });

  it('nine digits under a key not named for an SSN, and numbers that are counts or timestamps', () => {
    expect(kindOf('123456789', 'order_id')).toBeNull();
    expect(detectNumber(123456789, 'count')).toBeNull();
    expect(detectNumber(1714557600000, 'sent_at')).toBeNull();
    expect(detectNumber(4111111111111112, 'order_number')).toBeNull();
  });
});
