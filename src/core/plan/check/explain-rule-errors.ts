/**
 * A rule's errors -> problems in the words the June schema errors use (explain.ts): the field by
 * its last pointer segment, then what it must be, then what it is:
 * `plan must be a string, got 3`, `currency must be one of "USD" or "EUR", got "usd"`.
 * required, format and a single type go through explain.ts itself; the keywords it leaves to
 * ajv's terse message (enum, const, bounds…) name the allowed values and the value sent here.
 */
import { describeValue, escapePointer, explainErrors, fieldName, valueAt, withArticle } from '../../explain';
import type { Problem } from '../../types';
import type { RuleError } from '../rule/rule-errors';

/** A problem the tracking plan found. */
export type PlanProblem = Problem & { readonly source: 'plan' };

/** Past this many allowed values a message counts them instead of listing them. */
const MAX_LISTED_VALUES = 6;

const COMPARISON_WORDS: Readonly<Record<string, string>> = {
  '>=': 'at least',
  '>': 'greater than',
  '<=': 'at most',
  '<': 'less than',
};

/**
 * `errors` point into `payload`, the message as sent (paths already prefixed with /properties or /traits).
 *
 * Here and below, objects are written out key by key, never as a spread followed by a new key (`{ ...problem, source }`):
 * on Node 20's V8 each such object gets a hidden class of its own, allocated in the old generation and kept until the
 * next full collection, for every invalid message (docs/benchmarks.md, "Coverage's memory").
 */
export function explainRuleErrors(errors: readonly RuleError[], payload: unknown): PlanProblem[] {
  return errors.map((error) => {
    const { path, message, keyword } = explainRuleError(error, payload);
    return { path, message, keyword, source: 'plan' };
  });
}

function explainRuleError(error: RuleError, payload: unknown): Problem {
  const { instancePath: path, keyword, params } = error;
  const field = fieldName(path);
  const got = () => describeValue(valueAt(payload, path));
  switch (keyword) {
    case 'required':
    case 'format':
      return explainedBySchemaWords(error, payload);
    case 'type':
      if (!Array.isArray(params['type'])) return explainedBySchemaWords(error, payload);
      return {
        path,
        message: `${field} must be ${orList(params['type'].map((type) => withArticle(String(type))))}, got ${got()}`,
        keyword,
      };
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      const words =
        allowed.length <= MAX_LISTED_VALUES
          ? `one of ${orList(allowed.map(describeValue))}`
          : `one of the ${allowed.length} values the plan allows`;
      return { path, message: `${field} must be ${words}, got ${got()}`, keyword };
    }
    case 'const':
      return { path, message: `${field} must be ${describeValue(params['allowedValue'])}, got ${got()}`, keyword };
    case 'pattern':
      return {
        path,
        message: `${field} must match the pattern ${JSON.stringify(params['pattern'])}, got ${got()}`,
        keyword,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words = COMPARISON_WORDS[String(params['comparison'])] ?? String(params['comparison']);
      return { path, message: `${field} must be ${words} ${String(params['limit'])}, got ${got()}`, keyword };
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'items':
    case 'additionalItems':
      return {
        path,
        message: `${field} must have ${sizeWords(keyword, params['limit'])}, got ${sizeOf(valueAt(payload, path))}`,
        keyword,
      };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params[keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty']);
      const at = `${path}/${escapePointer(name)}`;
      return { path: at, message: `${fieldName(at)} is not allowed: the plan lists no such field here`, keyword };
    }
    case 'false schema':
      return { path, message: `${field} is not allowed by the plan`, keyword };
  }
  return { path, message: `${field} ${error.message}`, keyword };
}

function explainedBySchemaWords(error: RuleError, payload: unknown): Problem {
  // explain.ts reads ajv errors; schemaPath only tells it which anyOf to fold, and a plan has none of the
  // June schema's.
  const { instancePath, keyword, params, message } = error;
  const [problem] = explainErrors([{ instancePath, keyword, params, message, schemaPath: '#/plan' }], payload);
  return problem ?? { path: error.instancePath, message: error.message, keyword: error.keyword };
}

function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function sizeWords(keyword: string, limit: unknown): string {
  const unit = keyword.endsWith('Length') ? 'character' : 'item';
  const count = Number(limit);
  return `${keyword.startsWith('min') ? 'at least' : 'at most'} ${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Length in characters as JSON Schema counts them (code points, not UTF-16 units), or items. */
function sizeOf(value: unknown): string {
  if (typeof value === 'string') {
    const count = [...value].length;
    return `${count} character${count === 1 ? '' : 's'}`;
  }
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return describeValue(value);
}
