/**
 * A rule's schema -> a function that says only whether a message passes, built from closures (never
 * code: MV3 forbids eval). json-schema-library collects errors even for a message that passes, which
 * most do, and nobody reads them; this answers many times faster. A message that does not pass goes to
 * the library, whose errors are shown: the fast check decides nothing alone but "no errors".
 *
 * It knows the keywords tracking plans are written with, with the same meaning in each dialect as the
 * library gives them (types, properties, required, enum, bounds, lengths, pattern, format, items,
 * combinators…). A schema with any other keyword, or one where the library has its own ways ($ref,
 * multipleOf, contains, tuples, unevaluated*, a keyword from another dialect), gets no fast check: the
 * library checks every message against it. bench/json-schema-suite.ts --fast-only measures the fast
 * check alone against the official test suite.
 */
import type { FormatCheck } from './format-checks';
import { OBJECT_KEYWORDS_SINCE_DRAFT_04, objectCheck } from './fast-check-objects';
import type { Dialect, JsonSchema } from '../tracking-plan';
import { compilePattern } from '../pattern/linear-pattern';
import {
  ALWAYS,
  NEVER,
  allOf,
  allUnique,
  hasMaxLength,
  hasMinLength,
  jsonEqual,
  typeTest,
  type FastCheck,
} from './fast-check-values';
import { isPlainObject } from '../../types';
import { ANNOTATIONS } from '../schema-keywords';

export type { FastCheck } from './fast-check-values';

/**
 * A format's check; null when the format is not asserted (unknown to the library); undefined when only
 * the library can say.
 */
export type FormatLookup = (name: string) => FormatCheck | null | undefined;

export interface FastCheckContext {
  readonly dialect: Dialect;
  readonly formats: FormatLookup;
  readonly keywords: ReadonlySet<string>;
}

/** What a schema may hold and still get a fast check here: annotations, and the keywords below. */
const CORE = [
  'type',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
];
const ARRAYS = ['items', 'minItems', 'maxItems', 'uniqueItems'];
const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not'];
// Each dialect is the one before it and what it added; 2019-09 split `dependencies` in two.
const DRAFT_04 = [
  ...ANNOTATIONS,
  ...CORE,
  ...ARRAYS,
  ...OBJECT_KEYWORDS_SINCE_DRAFT_04,
  ...COMBINATORS,
  'dependencies',
];
const DRAFT_06 = [...DRAFT_04, 'const', 'propertyNames'];
const DRAFT_07 = [...DRAFT_06, 'if', 'then', 'else'];
const DRAFT_2019 = [...DRAFT_07.filter((k) => k !== 'dependencies'), 'dependentRequired', 'dependentSchemas'];
const KEYWORDS: Readonly<Record<Dialect, ReadonlySet<string>>> = {
  'draft-04': new Set(DRAFT_04),
  'draft-06': new Set(DRAFT_06),
  'draft-07': new Set(DRAFT_07),
  '2019-09': new Set(DRAFT_2019),
  '2020-12': new Set(DRAFT_2019),
};

/** The fast check for a rule's schema, or undefined when the library must check every message against it. */
export function compileFastCheck(schema: JsonSchema, dialect: Dialect, formats: FormatLookup): FastCheck | undefined {
  try {
    return compileSchema(schema, { dialect, formats, keywords: KEYWORDS[dialect] });
  } catch {
    return undefined; // a schema deeper than the stack: the library decides
  }
}

function compileSchema(schema: unknown, context: FastCheckContext): FastCheck | undefined {
  if (schema === true) return ALWAYS;
  if (schema === false) return NEVER;
  if (!isPlainObject(schema) || !Object.keys(schema).every((keyword) => context.keywords.has(keyword)))
    return undefined;
  const parts = [
    typeCheck(schema['type']),
    enumCheck(schema),
    numberCheck(schema, context.dialect),
    stringCheck(schema, context),
    arrayCheck(schema, context),
  ];
  parts.push(
    objectCheck(schema, (subschema) => compileSchema(subschema, context)),
    combinedCheck(schema, context),
  );
  if (parts.some((part) => part === undefined)) return undefined;
  return allOf(parts.filter((part): part is FastCheck => part !== null));
}

/** null: the keyword is absent (nothing to check); undefined: it is there and only the library can check it. */
type Part = FastCheck | null | undefined;

function typeCheck(type: unknown): Part {
  if (type === undefined) return null;
  const names = Array.isArray(type) ? type : [type];
  const tests = names.map(typeTest);
  if (tests.length === 0 || tests.some((test) => test === undefined)) return undefined;
  if (tests.length === 1) return tests[0];
  return (value) => tests.some((test) => test?.(value));
}

function enumCheck(schema: Record<string, unknown>): Part {
  const { enum: allowed } = schema;
  const parts: FastCheck[] = [];
  if (allowed !== undefined) {
    if (!Array.isArray(allowed)) return undefined;
    // An object or array the library compares as JSON text (key order counts): left to it.
    parts.push((value) => (typeof value !== 'object' || value === null ? allowed.includes(value) : false));
  }
  if ('const' in schema) parts.push((value) => jsonEqual(value, schema['const']));
  return parts.length === 0 ? null : allOf(parts);
}

function numberCheck(schema: Record<string, unknown>, dialect: Dialect): Part {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  const bounds = [minimum, maximum].filter((bound) => bound !== undefined);
  if (bounds.some((bound) => typeof bound !== 'number')) return undefined;
  const exclusive = [exclusiveMinimum, exclusiveMaximum].filter((bound) => bound !== undefined);
  // draft-04 writes exclusive bounds as booleans beside minimum / maximum; later dialects as numbers.
  if (exclusive.some((bound) => typeof bound !== (dialect === 'draft-04' ? 'boolean' : 'number'))) return undefined;
  if (bounds.length === 0 && exclusive.length === 0) return null;
  const lowOpen = dialect === 'draft-04' && exclusiveMinimum === true;
  const highOpen = dialect === 'draft-04' && exclusiveMaximum === true;
  const low = typeof minimum === 'number' ? minimum : -Infinity;
  const high = typeof maximum === 'number' ? maximum : Infinity;
  const above = typeof exclusiveMinimum === 'number' ? exclusiveMinimum : -Infinity;
  const below = typeof exclusiveMaximum === 'number' ? exclusiveMaximum : Infinity;
  return (value) =>
    typeof value !== 'number' ||
    ((lowOpen ? value > low : value >= low) &&
      (highOpen ? value < high : value <= high) &&
      (above === -Infinity || value > above) &&
      (below === Infinity || value < below));
}

function stringCheck(schema: Record<string, unknown>, context: FastCheckContext): Part {
  const { minLength, maxLength, pattern, format } = schema;
  if (minLength === undefined && maxLength === undefined && pattern === undefined && format === undefined) return null;
  if (
    (minLength !== undefined && typeof minLength !== 'number') ||
    (maxLength !== undefined && typeof maxLength !== 'number')
  )
    return undefined;
  if ((pattern !== undefined && typeof pattern !== 'string') || (format !== undefined && typeof format !== 'string'))
    return undefined;
  // Linear in the string, as the library's (linear-pattern-keywords.ts); a refused pattern refuses the rule.
  const regex = pattern === undefined ? undefined : compilePattern(pattern);
  if (regex?.ok === false) return undefined;
  const formatCheck = format === undefined ? null : context.formats(format);
  if (formatCheck === undefined) return undefined;
  return (value) =>
    typeof value !== 'string' ||
    ((minLength === undefined || hasMinLength(value, minLength)) &&
      (maxLength === undefined || hasMaxLength(value, maxLength)) &&
      (regex === undefined || regex.test(value)) &&
      (formatCheck === null || formatCheck(value)));
}

function arrayCheck(schema: Record<string, unknown>, context: FastCheckContext): Part {
  const { items, minItems, maxItems, uniqueItems } = schema;
  if (items === undefined && minItems === undefined && maxItems === undefined && uniqueItems === undefined) return null;
  if ([minItems, maxItems].some((bound) => bound !== undefined && typeof bound !== 'number')) return undefined;
  if (uniqueItems !== undefined && typeof uniqueItems !== 'boolean') return undefined;
  // A tuple (`items` as an array) is left to the library.
  const each = items === undefined ? ALWAYS : Array.isArray(items) ? undefined : compileSchema(items, context);
  if (!each) return undefined;
  const min = typeof minItems === 'number' ? minItems : 0;
  const max = typeof maxItems === 'number' ? maxItems : Infinity;
  return (value) =>
    !Array.isArray(value) ||
    (value.length >= min &&
      value.length <= max &&
      (each === ALWAYS || value.every(each)) &&
      (uniqueItems !== true || allUnique(value)));
}

function combinedCheck(schema: Record<string, unknown>, context: FastCheckContext): Part {
  const parts: FastCheck[] = [];
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const checks = list.map((item) => compileSchema(item, context));
    if (checks.some((check) => check === undefined)) return undefined;
    const all = checks as FastCheck[];
    if (keyword === 'allOf') parts.push(allOf(all));
    else if (keyword === 'anyOf') parts.push((value) => all.some((check) => check(value)));
    else parts.push((value) => all.filter((check) => check(value)).length === 1);
  }
  if (schema['not'] !== undefined) {
    const not = compileSchema(schema['not'], context);
    if (!not) return undefined;
    parts.push((value) => !not(value));
  }
  if (schema['if'] !== undefined) {
    // then / else without if mean nothing; with it, a missing branch passes.
    const [test, then, otherwise] = [schema['if'], schema['then'] ?? true, schema['else'] ?? true].map((branch) =>
      compileSchema(branch, context),
    );
    if (!test || !then || !otherwise) return undefined;
    parts.push((value) => (test(value) ? then(value) : otherwise(value)));
  }
  return parts.length === 0 ? null : allOf(parts);
}
