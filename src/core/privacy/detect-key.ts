/**
 * What a key's name says its value is, where the value alone cannot tell: any string under `password`
 * is one, and nine digits under `ssn` are a social security number, not a count.
 */
import type { Detection } from './detection';
import { isBareSsn } from './detect-numbers';

/** Key name endings (lower case, separators removed): `password`, `newPassword`, `client_secret`, `STRIPE_API_KEY`. */
const SECRET_KEY_ENDINGS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'apikey',
  'accesstoken',
  'refreshtoken',
  'authtoken',
  'privatekey',
];
/** Values under such a key that are no secret: a flag sent as text (`hasPassword: "true"`), or one already masked. */
const NOT_SECRET = /^(?:true|false|yes|no|null|undefined|none|set|unset|(.)\1*|\[redacted:.*\])$/i;

export function normalKey(key: string): string {
  return key.toLowerCase().replace(/[-_. ]/g, '');
}

type KeyMeaning = 'secret' | 'ssn' | null;

/**
 * Each key's meaning, once: a capture repeats the same few dozen keys in every message, and reading a name costs a
 * lower-casing and a replace. Emptied when full, so that hostile input with endless distinct keys cannot grow it.
 */
const meanings = new Map<string, KeyMeaning>();
const MEANINGS_KEPT = 4096;

function meaningOf(key: string): KeyMeaning {
  let meaning = meanings.get(key);
  if (meaning !== undefined) return meaning;
  const normal = normalKey(key);
  meaning = SECRET_KEY_ENDINGS.some((ending) => normal.endsWith(ending))
    ? 'secret'
    : normal.endsWith('ssn') || normal.includes('socialsecurity')
      ? 'ssn'
      : null;
  if (meanings.size >= MEANINGS_KEPT) meanings.clear();
  meanings.set(key, meaning);
  return meaning;
}

/** `number`: the value was a JSON number; only an SSN can be found in one by its key. */
export function detectByKey(key: string, value: string, number = false): Detection | null {
  const meaning = meaningOf(key);
  if (meaning === 'secret' && !number) {
    return value.trim() === '' || NOT_SECRET.test(value.trim()) ? null : { kind: 'password', match: value };
  }
  if (meaning === 'ssn' && isBareSsn(value.trim())) return { kind: 'ssn', match: value };
  return null;
}
