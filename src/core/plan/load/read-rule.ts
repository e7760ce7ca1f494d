/**
 * One rule as found in the file to a PlanRule: its schema must be an object or a boolean, its
 * `$schema` must name a dialect we know, and ready-schema.ts readies the rest.
 */
import type { Dialect, PlanRule, RuleTarget } from '../tracking-plan';
import { readySchema } from './ready-schema';
import { quote } from '../strings';
import { isObject, kindOf } from './plan-json';

export type RuleRead =
  { readonly ok: true; readonly rule: PlanRule } | { readonly ok: false; readonly problems: readonly string[] };

/** Segment serves draft-07; a rule that names no dialect is read as draft-07. */
const DEFAULT_DIALECT: Dialect = 'draft-07';

/** Meta-schema URIs without scheme and trailing "#": http and https, with or without "#", all name the same dialect. */
const DIALECT_BY_URI: ReadonlyMap<string, Dialect> = new Map([
  ['json-schema.org/draft-04/schema', 'draft-04'],
  ['json-schema.org/draft-06/schema', 'draft-06'],
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

/** Segment's annotations on a rule's schema, not JSON Schema: nothing checks them. */
const SEGMENT_ANNOTATIONS = ['eventMetadata', 'labels'];

export function dialectOf(uri: unknown): Dialect | undefined {
  if (uri === undefined) return DEFAULT_DIALECT;
  const match = typeof uri === 'string' ? /^https?:\/\/(.*?)#?$/i.exec(uri.trim()) : null;
  return match?.[1] === undefined ? undefined : DIALECT_BY_URI.get(match[1].toLowerCase());
}

/** `label` names the rule in messages (`rule TRACK "Order Completed"`), `field` its schema's field (`jsonSchema`). */
export function readRule(
  schema: unknown,
  target: RuleTarget,
  version: unknown,
  label: string,
  field: string,
): RuleRead {
  const versionNumber = typeof version === 'number' && Number.isFinite(version) ? { version } : {};
  if (typeof schema === 'boolean')
    return { ok: true, rule: { schema, dialect: DEFAULT_DIALECT, target, ...versionNumber } };
  if (!isObject(schema))
    return refuse(`${label}: ${field} must be a JSON Schema (an object, true or false), not ${kindOf(schema)}`);
  const dialect = dialectOf(schema.$schema);
  if (!dialect) {
    const named = typeof schema.$schema === 'string' ? quote(schema.$schema) : kindOf(schema.$schema);
    return refuse(`${label}: unknown $schema ${named} (known: draft-04, draft-06, draft-07, 2019-09, 2020-12)`);
  }
  for (const annotation of SEGMENT_ANNOTATIONS) delete schema[annotation];
  const problems = readySchema(schema, dialect);
  if (problems.length > 0) return { ok: false, problems: problems.map((problem) => `${label}: ${problem}`) };
  return { ok: true, rule: { schema, dialect, target, ...versionNumber } };
}

function refuse(problem: string): RuleRead {
  return { ok: false, problems: [problem] };
}
