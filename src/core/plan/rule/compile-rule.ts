/**
 * One plan rule -> one validator, interpreted by json-schema-library: a plan arrives at run time
 * and MV3 forbids compiling it to code, as ajv would. Errors come out in ajv's shape (rule-errors.ts)
 * so explain.ts's wording serves both validators. A message the rule's fast check (fast-check.ts)
 * passes skips the library: most messages pass, and the library costs as much for one that passes as
 * for one that does not.
 *
 * The library's defaults this wrapper corrects:
 * - formats: asserted in every dialect, with ajv-formats' answers (format-checks.ts);
 * - `pattern` and `patternProperties`: matched in linear time, not by its backtracking RegExp (the
 *   string is the page's); a pattern that cannot be is refused (linear-pattern-keywords.ts);
 * - a schema error (a regular expression that does not compile, a `type` that names no type) is
 *   kept in `schemaErrors` and the keyword then ignored: here it refuses the rule;
 * - a `$ref` it cannot resolve fails only when reached, and it resolves none remotely: refused up
 *   front (the loader refuses them too; this is the guard for plans that did not come through it);
 * - `additionalProperties: false` lets a property named `_id` through (its settings.propertyBlacklist);
 * - a deep enough instance overflows the stack: one error, not a crash.
 */
import {
  compileSchema,
  draft04,
  draft06,
  draft07,
  draft2019,
  draft2020,
  extendDraft,
  settings,
  type Draft,
  type JsonSchemaValidator,
} from 'json-schema-library';
import { FORMAT_CHECKS, type FormatCheck } from './format-checks';
import { toRuleErrors, type RuleError } from './rule-errors';
import { compileFastCheck, type FormatLookup, type FastCheck } from './fast-check';
import { linearPatternKeywords } from './linear-pattern-keywords';
import { isPlainObject } from '../../types';
import type { Dialect, JsonSchema, PlanRule } from '../tracking-plan';
import { REF_KEYWORDS, SUBSCHEMA_MAP_KEYWORDS } from '../schema-keywords';

export type { RuleError } from './rule-errors';

export type RuleCompile =
  | { readonly ok: true; check(instance: unknown): RuleError[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The library's own checks for these pass "" (they come from form validation, where "" is "not filled in"). */
const NON_EMPTY_BUILT_INS = ['url'];

const DRAFTS: Readonly<Record<Dialect, Draft>> = {
  'draft-04': withFormats(draft04),
  'draft-06': withFormats(draft06),
  'draft-07': withFormats(draft07),
  '2019-09': withFormats(draft2019),
  '2020-12': withFormats(draft2020),
};

/** `fastCheck: false` leaves every message to the library (bench/json-schema-suite.ts compares the two). */
export function compileRule(rule: PlanRule, options: { readonly fastCheck?: boolean } = {}): RuleCompile {
  const refused = unresolvableRefs(rule.schema);
  if (refused.length > 0) return { ok: false, problems: refused };
  // The library's blacklist is module state: emptying it is idempotent and touches nothing else that runs here.
  settings.propertyBlacklist.length = 0;
  let root: ReturnType<typeof compileSchema>;
  try {
    // One draft offered: the library uses it whatever `$schema` says (the loader read the dialect from it).
    root = compileSchema(rule.schema, { drafts: [DRAFTS[rule.dialect]], formatAssertion: true });
  } catch (error) {
    return { ok: false, problems: [`the schema cannot be used: ${reasonOf(error)}`] };
  }
  const schemaErrors = root.schemaErrors ?? [];
  if (schemaErrors.length > 0)
    return { ok: false, problems: schemaErrors.map((error) => describeSchemaError(error.message)) };
  const fastCheck = options.fastCheck === false ? undefined : fastCheckFor(rule);
  return {
    ok: true,
    check(instance) {
      // Most messages are valid: the fast check says so at a fraction of the library's cost; the library
      // explains the rest.
      if (fastCheck && passesFastCheck(fastCheck, instance)) return [];
      try {
        const result = root.validate(instance);
        return result.valid ? [] : toRuleErrors(result.errors, instance, rule.dialect);
      } catch (error) {
        // A RangeError from an instance nested deeper than the stack: one error for the whole instance.
        const message = `could not be checked against the plan (${reasonOf(error)})`;
        return [{ instancePath: '', keyword: 'plan:unchecked', params: {}, message }];
      }
    },
  };
}

/** The rule's fast check (fast-check.ts), or undefined when its schema needs the library for every message. */
export function fastCheckFor(rule: PlanRule): FastCheck | undefined {
  return compileFastCheck(rule.schema, rule.dialect, formatLookup(rule.dialect));
}

function passesFastCheck(fastCheck: FastCheck, instance: unknown): boolean {
  try {
    return fastCheck(instance);
  } catch {
    return false; // a RangeError from an instance nested deeper than the stack: the library says what it can
  }
}

/**
 * The formats the fast check asserts as the rule's draft does: ours (format-checks.ts); a library
 * built-in is left to the library; any other is not asserted.
 */
function formatLookup(dialect: Dialect): FormatLookup {
  const formats = DRAFTS[dialect].formats;
  return (name) =>
    Object.hasOwn(FORMAT_CHECKS, name) ? (FORMAT_CHECKS[name] ?? null) : name in formats ? undefined : null;
}

function withFormats(draft: Draft): Draft {
  const formats: Record<string, JsonSchemaValidator> = {};
  for (const [name, test] of Object.entries(FORMAT_CHECKS)) formats[name] = assertFormat(name, test);
  for (const name of NON_EMPTY_BUILT_INS) {
    const builtIn = draft.formats[name];
    if (builtIn)
      formats[name] = (params) => (params.data === '' ? assertFormat(name, () => false)(params) : builtIn(params));
  }
  // extendDraft copies: the library's shared drafts stay as they are.
  return extendDraft(draft, { formats, keywords: linearPatternKeywords(draft) });
}

function assertFormat(format: string, test: FormatCheck): JsonSchemaValidator {
  return ({ node, pointer, data }) =>
    typeof data !== 'string' || test(data)
      ? undefined
      : node.createError(
          `format-${format}-error`,
          { value: data, pointer, schema: node.schema, format },
          `must match format "${format}"`,
        );
}

/** Keywords whose value maps names to subschemas: their keys are names, not keywords. */
const MAP_KEYWORDS = new Set(SUBSCHEMA_MAP_KEYWORDS);
/** Data, not schemas: a `$ref` inside an `enum` value is a value. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/**
 * References to anything but this rule's own schema ("#…"): the library would fail them silently, or
 * fetch them elsewhere.
 */
function unresolvableRefs(schema: JsonSchema): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 200) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (REF_KEYWORDS.includes(key) && typeof value === 'string') {
        if (value !== '' && !value.startsWith('#'))
          problems.push(`${key} ${JSON.stringify(value)} points outside the rule (plans are checked offline)`);
      } else if (MAP_KEYWORDS.has(key) && isPlainObject(value)) {
        for (const subschema of Object.values(value)) visit(subschema, depth + 1);
      } else if (!DATA_KEYWORDS.has(key)) visit(value, depth + 1);
    }
  };
  visit(schema, 0);
  return problems;
}

/** "Invalid schema found at #/properties/a: Invalid regular expression: /([a-z/u: …" reads as one line. */
function describeSchemaError(message: string): string {
  return message.replace(/^Invalid schema found at #?/, 'invalid schema at ').replace(/\s+/g, ' ');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
