/**
 * ajv's terse errors -> plain English a product engineer understands, naming the field and the value:
 * `timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"`.
 */
import type { AjvError } from './generated/validate-function';
import type { Problem } from './types';

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'date-time': 'an ISO 8601 date-time with a time zone',
  date: 'an ISO 8601 date (YYYY-MM-DD)',
  email: 'an email address',
  uri: 'an absolute URI',
};

export function explainErrors(errors: readonly AjvError[], payload: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    // The identity rule is an anyOf of two `required`s: report it once, not three times.
    if (error.schemaPath.includes('/anyOf/')) continue;
    problems.push(explainError(error, payload));
  }
  return problems;
}

function explainError(error: AjvError, payload: unknown): Problem {
  const { instancePath: path, keyword, params } = error;
  const field = fieldName(path);
  switch (keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      const at = `${path}/${escapePointer(missing)}`;
      return { path: at, message: `${fieldName(at)} is required`, keyword };
    }
    case 'anyOf':
      if (path === '' && error.schemaPath === '#/anyOf') {
        return { path, message: 'userId or anonymousId is required; neither is present', keyword };
      }
      break;
    case 'type':
      return {
        path,
        message: `${field} must be ${withArticle(String(params['type']))}, got ${describeValue(valueAt(payload, path))}`,
        keyword,
      };
    case 'format': {
      const format = String(params['format']);
      const words = FORMAT_WORDS[format] ?? `in the "${format}" format`;
      return { path, message: `${field} must be ${words}, got ${describeValue(valueAt(payload, path))}`, keyword };
    }
  }
  return { path, message: `${field} ${error.message ?? 'is not valid'}`, keyword };
}

/**
 * The field a JSON Pointer names, as a reader writes it: `/properties/plan` -> `properties.plan`,
 * `/properties/items/0/sku` -> `properties.items[0].sku`. A name that is not a plain identifier is
 * quoted: `/properties/order id` -> `properties["order id"]`.
 */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the message';
  let name = '';
  for (const segment of pointer.slice(1).split('/').map(unescapePointer)) {
    if (/^(0|[1-9]\d*)$/.test(segment)) name += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) name += name === '' ? segment : `.${segment}`;
    else name += `[${JSON.stringify(segment)}]`;
  }
  return name;
}

export function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value; // a function or a symbol: never in JSON
}

export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[unescapePointer(raw)];
  }
  return current;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
