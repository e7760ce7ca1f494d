/**
 * json-schema-library's errors -> RuleErrors in ajv's shape (instancePath, keyword, params), so a
 * plan error is explained with the same words as a June schema error. The library reports error
 * codes, not keywords; its pointers start with "#" and are joined without escaping ("#/a/b" is
 * also the key "a/b"), so each is rebuilt against the instance.
 */
import type { JsonError } from 'json-schema-library';
import { escapePointer } from '../../explain';
import type { Dialect } from '../tracking-plan';

/** One thing a rule found wrong with an instance: ajv's error shape, which explain.ts reads. */
export interface RuleError {
  /** JSON Pointer into the instance the rule checked ("" is the instance itself). */
  readonly instancePath: string;
  /**
   * The JSON Schema keyword that failed (`required`, `type`, `format`…), `plan:unchecked` when the check
   * could not run.
   */
  readonly keyword: string;
  /** As ajv has them: missingProperty, type, format, allowedValues, allowedValue, pattern, comparison and limit… */
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's wording without the field: "must be string". */
  readonly message: string;
}

/**
 * `parent`: the library points at the offending child, ajv at its parent (and names the child in
 * `params[parent]` when a string).
 */
type Mapped = Omit<RuleError, 'instancePath'> & { readonly parent?: string | true };
type Data = Readonly<Record<string, unknown>> & { readonly schema?: Readonly<Record<string, unknown>> };

const LIMIT_WORDS: Readonly<Record<string, [keyword: string, bound: string, unit: string]>> = {
  'min-length-error': ['minLength', 'fewer', 'characters'],
  'min-length-one-error': ['minLength', 'fewer', 'characters'],
  'max-length-error': ['maxLength', 'more', 'characters'],
  'min-items-error': ['minItems', 'fewer', 'items'],
  'min-items-one-error': ['minItems', 'fewer', 'items'],
  'max-items-error': ['maxItems', 'more', 'items'],
  'min-properties-error': ['minProperties', 'fewer', 'properties'],
  'max-properties-error': ['maxProperties', 'more', 'properties'],
};

/** Codes whose keyword needs no params beyond the message. */
const PLAIN: Readonly<Record<string, [keyword: string, message: string]>> = {
  'any-of-error': ['anyOf', 'must match a schema in anyOf'],
  'one-of-error': ['oneOf', 'must match exactly one schema in oneOf'],
  'multiple-one-of-error': ['oneOf', 'must match exactly one schema in oneOf'],
  'all-of-error': ['allOf', 'must match all schemas in allOf'],
  'not-error': ['not', 'must NOT be valid'],
  'invalid-data-error': ['false schema', 'boolean schema is false'],
  'contains-error': ['contains', 'must contain at least 1 valid item'],
  'contains-any-error': ['contains', 'must contain at least 1 valid item'],
  'contains-min-error': ['minContains', 'must contain more items matching contains'],
  'contains-max-error': ['maxContains', 'must contain fewer items matching contains'],
};

export function toRuleErrors(errors: readonly JsonError[], instance: unknown, dialect: Dialect): RuleError[] {
  const seen = new Set<string>();
  const result: RuleError[] = [];
  for (const error of errors) {
    const data = error.data as Data;
    const mapped = mapError(typeof error.code === 'string' ? error.code : 'unknown-error', data, dialect);
    const segments = segmentsOf(typeof data.pointer === 'string' ? data.pointer : '#', instance);
    const child = mapped.parent ? segments.pop() : undefined;
    const params = typeof mapped.parent === 'string' ? { ...mapped.params, [mapped.parent]: child } : mapped.params;
    const instancePath = segments.map((segment) => `/${escapePointer(segment)}`).join('');
    // draft-04's `exclusiveMaximum: true` is reported twice by the library; patternProperties and
    // additionalProperties both report an extra key.
    const key = JSON.stringify([instancePath, mapped.keyword, mapped.message, params]);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ instancePath, keyword: mapped.keyword, params, message: mapped.message });
  }
  return result;
}

function mapError(code: string, data: Data, dialect: Dialect): Mapped {
  const schema = data.schema ?? {};
  const limitWords = LIMIT_WORDS[code];
  if (limitWords) {
    const [keyword, bound, unit] = limitWords;
    const limit = schema[keyword];
    return { keyword, params: { limit }, message: `must NOT have ${bound} than ${String(limit)} ${unit}` };
  }
  // `items: false` after a tuple (2020-12 prefixItems) fails the array, not a false schema of its own.
  if (code === 'invalid-data-error' && schema['items'] === false && Array.isArray(data.value)) {
    return tooManyItems('items', Array.isArray(schema['prefixItems']) ? schema['prefixItems'].length : 0);
  }
  const plain = PLAIN[code];
  if (plain) return { keyword: plain[0], params: {}, message: plain[1] };
  if (code.startsWith('format-')) {
    const format = typeof data['format'] === 'string' ? data['format'] : String(schema['format']);
    return { keyword: 'format', params: { format }, message: `must match format "${format}"` };
  }
  switch (code) {
    case 'type-error': {
      const type = data['expected'];
      return {
        keyword: 'type',
        params: { type },
        message: `must be ${Array.isArray(type) ? type.join(',') : String(type)}`,
      };
    }
    case 'required-property-error': {
      const missingProperty = String(data['key']);
      return {
        keyword: 'required',
        params: { missingProperty },
        message: `must have required property '${missingProperty}'`,
      };
    }
    case 'enum-error':
      return {
        keyword: 'enum',
        params: { allowedValues: data['values'] },
        message: 'must be equal to one of the allowed values',
      };
    case 'const-error':
      return { keyword: 'const', params: { allowedValue: data['expected'] }, message: 'must be equal to constant' };
    case 'pattern-error':
      return {
        keyword: 'pattern',
        params: { pattern: data['pattern'] },
        message: `must match pattern "${String(data['pattern'])}"`,
      };
    case 'minimum-error':
    case 'maximum-error':
      return bound(code === 'minimum-error' ? 'minimum' : 'maximum', schema);
    case 'exclusive-minimum-error':
      return limit('exclusiveMinimum', '>', data['minimum']);
    case 'exclusive-maximum-error':
      return limit('exclusiveMaximum', '<', data['maximum']);
    case 'multiple-of-error':
      return {
        keyword: 'multipleOf',
        params: { multipleOf: data['multipleOf'] },
        message: `must be multiple of ${String(data['multipleOf'])}`,
      };
    case 'no-additional-properties-error':
    case 'additional-properties-error':
      return {
        keyword: 'additionalProperties',
        params: {},
        message: 'must NOT have additional properties',
        parent: 'additionalProperty',
      };
    case 'unevaluated-property-error':
      return {
        keyword: 'unevaluatedProperties',
        params: {},
        message: 'must NOT have unevaluated properties',
        parent: 'unevaluatedProperty',
      };
    case 'unevaluated-items-error':
      return { keyword: 'unevaluatedItems', params: {}, message: 'must NOT have unevaluated items', parent: true };
    case 'additional-items-error':
      return {
        ...tooManyItems('additionalItems', Array.isArray(schema['items']) ? schema['items'].length : 0),
        parent: true,
      };
    case 'unique-items-error':
      return { keyword: 'uniqueItems', params: {}, message: 'must NOT have duplicate items', parent: true };
    case 'invalid-property-name-error':
      return {
        keyword: 'propertyNames',
        params: { propertyName: data['property'] },
        message: 'property name must be valid',
      };
    case 'missing-dependency-error': {
      const keyword = dialect === '2019-09' || dialect === '2020-12' ? 'dependentRequired' : 'dependencies';
      const missingProperty = typeof data['missingProperty'] === 'string' ? data['missingProperty'] : undefined;
      const message =
        missingProperty === undefined
          ? 'must match the schema its properties depend on'
          : `must have property ${missingProperty}`;
      return { keyword, params: missingProperty === undefined ? {} : { missingProperty }, message };
    }
    case 'ref-error':
      return {
        keyword: '$ref',
        params: { ref: data['ref'] },
        message: `can't resolve reference ${String(data['ref'])}`,
      };
  }
  return { keyword: code.replace(/-error$/, ''), params: {}, message: 'is not valid' };
}

/** `minimum` / `maximum`, exclusive in draft-04 when `exclusiveMinimum` / `exclusiveMaximum` is true. */
function bound(keyword: 'minimum' | 'maximum', schema: Readonly<Record<string, unknown>>): Mapped {
  const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
  const comparison = keyword === 'minimum' ? (exclusive ? '>' : '>=') : exclusive ? '<' : '<=';
  return limit(keyword, comparison, schema[keyword]);
}

function tooManyItems(keyword: string, limit: number): Mapped {
  return { keyword, params: { limit }, message: `must NOT have more than ${limit} items` };
}

function limit(keyword: string, comparison: string, value: unknown): Mapped {
  return { keyword, params: { comparison, limit: value }, message: `must be ${comparison} ${String(value)}` };
}

/**
 * A JSON Pointer's keys without "#" nor escaping, split against the instance: keys holding "/" are found
 * where they are.
 */
function segmentsOf(pointer: string, instance: unknown): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  const parts = body.slice(1).split('/');
  // Each key with "/" doubles the splits to try; past this many steps the plain split stands.
  let budget = 1000;
  const walk = (node: unknown, from: number): string[] | undefined => {
    if (from === parts.length) return [];
    if (typeof node !== 'object' || node === null || --budget < 0) return undefined;
    if (Array.isArray(node)) {
      const index = parts[from] ?? '';
      const rest =
        /^(0|[1-9]\d*)$/.test(index) && Number(index) < node.length ? walk(node[Number(index)], from + 1) : undefined;
      return rest && [index, ...rest];
    }
    for (let to = from + 1; to <= parts.length; to++) {
      const key = parts.slice(from, to).join('/');
      if (!Object.hasOwn(node, key)) continue;
      const rest = walk((node as Record<string, unknown>)[key], to);
      if (rest) return [key, ...rest];
    }
    return undefined;
  };
  return walk(instance, 0) ?? parts;
}
