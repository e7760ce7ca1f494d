/**
 * The identity values SDKs send for anonymous visitors, which default mode reads as absent: the official June SDK
 * sends `"userId": null` (its normalize.ts: `json.userId = json.userId || user.id()`), RudderStack's SDK
 * `"userId": ""`. Default mode says so in a note, not a warning: every anonymous call of those SDKs has one, and
 * warnings are for what deserves a look. Strict mode reads the payload as sent.
 */
import type { Problem } from './types';

export const IDENTITY_FIELDS = ['userId', 'anonymousId'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** What stands for "no identity" in an identity field: the June SDK's null, RudderStack's empty string. */
export function isAbsentIdentity(value: unknown): value is null | '' {
  return value === null || value === '';
}

/** The note default mode gives an identity field it reads as absent: `value` is null or "" (isAbsentIdentity). */
export function absentIdentityNote(field: IdentityField, value: unknown): Problem {
  return value === null
    ? {
        path: `/${field}`,
        message:
          `${field} is null; treated as absent (the June SDK sends null for anonymous visitors). ` +
          'Strict mode reports it as an error.',
        keyword: 'identity:null',
      }
    : {
        path: `/${field}`,
        message:
          `${field} is an empty string; treated as absent (RudderStack sends "" for anonymous visitors). ` +
          'Strict mode accepts it: the schema allows an empty string.',
        keyword: 'identity:empty',
      };
}
