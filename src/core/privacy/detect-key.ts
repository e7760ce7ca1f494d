/**
 * What a key's name says its value is, where the value alone cannot tell: any string under `password`
 * is one, and nine digits under `ssn` are a social security number, not a count. And a key that names a
 * version or a build: four numbers under it are one (`build: "10.15.7.1"`), not an IP address.
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
const VERSION_KEY = /version|build|release/i;

export function normalKey(key: string): string {
  return key.toLowerCase().replace(/[-_. ]/g, '');
}

/** What a key's name says, as bits: a key can name a secret and a build at once (`build_secret`). */
export const SECRET_KEY = 1;
export const SSN_KEY = 2;
export const VERSION_KEY_NAME = 4;

/**
 * Each key's meaning, once: a capture repeats the same few dozen keys in every message, and reading a name costs a
 * lower-casing, a replace and a regex. Emptied when full, so that hostile input with endless distinct keys cannot
 * grow it.
 */
const meanings = new Map<string, number>();
const MEANINGS_KEPT = 4096;

export function keyMeaning(key: string): number {
  let meaning = meanings.get(key);
  if (meaning === undefined) {
    meaning = readKey(key);
    if (meanings.size >= MEANINGS_KEPT) meanings.clear();
    meanings.set(key, meaning);
  }
  return meaning;
}

/** Apart from keyMeaning: its closure would otherwise cost keyMeaning an allocation on every call, found or not. */
function readKey(key: string): number {
  const normal = normalKey(key);
  const meaning = SECRET_KEY_ENDINGS.some((ending) => normal.endsWith(ending))
    ? SECRET_KEY
    : normal.endsWith('ssn') || normal.includes('socialsecurity')
      ? SSN_KEY
      : 0;
  return VERSION_KEY.test(key) ? meaning | VERSION_KEY_NAME : meaning;
}

/** `number`: the value was a JSON number; only an SSN can be found in one by its key. */
export function detectByKey(key: string, value: string, number = false): Detection | null {
  const meaning = keyMeaning(key);
  if (meaning & SECRET_KEY && !number) {
    return value.trim() === '' || NOT_SECRET.test(value.trim()) ? null : { kind: 'password', match: value };
  }
  if (meaning & SSN_KEY && isBareSsn(value.trim())) return { kind: 'ssn', match: value };
  return null;
}
