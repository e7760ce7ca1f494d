/**
 * "Does this message hold at least these fields?", with the fields that differ when it does not:
 * a failing matcher names them ("properties.plan: expected "pro", received 3"), never a bare false.
 * Objects match as subsets at every depth; arrays match element by element with the same length
 * (as Playwright's toMatchObject); an asymmetric matcher (`expect.any(String)`) matches by itself.
 */
import { isPlainObject } from '../core/types';

export interface Difference {
  /** Dotted path of the field (`properties.plan`, `items[0].sku`). */
  readonly path: string;
  readonly expected: string;
  readonly received: string;
}

interface AsymmetricMatcher {
  asymmetricMatch(other: unknown): boolean;
  toAsymmetricMatcher?(): string;
  toString(): string;
}

function isAsymmetric(value: unknown): value is AsymmetricMatcher {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function'
  );
}

/** The fields of `expected` that `actual` does not match; empty when it matches. */
export function subsetDifferences(expected: unknown, actual: unknown, path = ''): Difference[] {
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual) ? [] : [difference(path, expected, actual)];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [difference(path, expected, actual)];
    return expected.flatMap((item, index) => subsetDifferences(item, actual[index], `${path}[${index}]`));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [difference(path, expected, actual)];
    return Object.entries(expected).flatMap(([key, value]) =>
      key in actual
        ? subsetDifferences(value, actual[key], join(path, key))
        : [{ path: join(path, key), expected: describe(value), received: 'missing' }],
    );
  }
  return Object.is(expected, actual) ? [] : [difference(path, expected, actual)];
}

function join(path: string, key: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? name : /^"/.test(name) ? `${path}[${name}]` : `${path}.${name}`;
}

function difference(path: string, expected: unknown, actual: unknown): Difference {
  return { path: path || '(the message)', expected: describe(expected), received: describe(actual) };
}

const MAX_SHOWN = 80;

/** A value as a failure message shows it: JSON, an asymmetric matcher by its own name, cut at 80 characters. */
export function describe(value: unknown): string {
  if (isAsymmetric(value)) return value.toAsymmetricMatcher?.() ?? value.toString();
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, inner: unknown) => (isAsymmetric(inner) ? describe(inner) : inner)) ??
      notJson(value);
  } catch {
    text = notJson(value); // a BigInt, a cycle
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function notJson(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  return Object.prototype.toString.call(value);
}
