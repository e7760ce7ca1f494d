/** What fast-check.ts asks of a JSON value: its JSON Schema type, equality, length in code points. */
import { isPlainObject } from '../../types';

/** Whether a value passes a schema, as the library would say: no errors, or some. */
export type FastCheck = (value: unknown) => boolean;

export const ALWAYS: FastCheck = () => true;
export const NEVER: FastCheck = () => false;

/** A test for one JSON Schema type name, or undefined for a name that is none. */
export function typeTest(name: unknown): FastCheck | undefined {
  switch (name) {
    case 'null':
      return (value) => value === null;
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'object':
      return isPlainObject;
    case 'array':
      return Array.isArray;
    case 'number':
      return (value) => typeof value === 'number';
    case 'integer':
      return Number.isInteger;
    case 'string':
      return (value) => typeof value === 'string';
    default:
      return undefined;
  }
}

/** JSON Schema equality: numbers by value, arrays in order, objects by their keys whatever their order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

/** No two items equal; primitives through a Set, anything else pair by pair. */
export function allUnique(items: readonly unknown[]): boolean {
  if (items.every((item) => typeof item !== 'object' || item === null)) return new Set(items).size === items.length;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) if (jsonEqual(items[i], items[j])) return false;
  return true;
}

/** Length as JSON Schema counts it: code points (a surrogate pair is one character, a lone surrogate one too). */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** At least `min` characters, counting code points only when UTF-16 units cannot settle it. */
export function hasMinLength(text: string, min: number): boolean {
  if (text.length < min) return false;
  return text.length >= 2 * min || codePointLength(text) >= min;
}

export function hasMaxLength(text: string, max: number): boolean {
  return text.length <= max || codePointLength(text) <= max;
}

/** Every check passes; one function call per check, and none at all for the usual one or two. */
export function allOf(checks: readonly FastCheck[]): FastCheck {
  if (checks.length === 0) return ALWAYS;
  if (checks.length === 1) return checks[0] as FastCheck;
  if (checks.length === 2) {
    const [first, second] = checks as [FastCheck, FastCheck];
    return (value) => first(value) && second(value);
  }
  return (value) => {
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}
