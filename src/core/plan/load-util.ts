/** Small helpers the plan loader's modules share. */

import { isPlainObject } from '../types';

export type JsonObject = Record<string, unknown>;

export const isObject: (value: unknown) => value is JsonObject = isPlainObject;

/** A value from the file, quoted for a one-line message: JSON escapes keep newlines out, long values are cut. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
}

/** How a JSON value reads in a message: "an array", "null", "a string"… */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
