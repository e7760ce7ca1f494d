/**
 * A batch entry is checked against the plan with what it inherits from its batch (`sentAt`,
 * `writeKey`, `context`), as against the June schema. Copying every entry to add them cost more than
 * checking it; most rules never look at those fields, so an entry is copied only for a rule that can.
 */
import type { BatchInherited } from '../../types';
import { ANNOTATIONS } from '../schema-keywords';
import type { PlanRule } from '../tracking-plan';

/** The top-level fields a rule can look at: their names, or 'all' when any field may change whether it passes. */
export type FieldsRead = ReadonlySet<string> | 'all';

/** Keywords that never look at an object's fields: annotations, and those for other types. */
const BLIND = new Set([
  ...ANNOTATIONS,
  ...[
    '$anchor',
    '$dynamicAnchor',
    '$recursiveAnchor',
    'type',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'minLength',
    'maxLength',
  ],
  ...[
    'pattern',
    'format',
    'items',
    'prefixItems',
    'additionalItems',
    'contains',
    'minContains',
    'maxContains',
    'minItems',
    'maxItems',
    'uniqueItems',
    'unevaluatedItems',
  ],
]);
/** Keywords that apply subschemas to the same object: what those read, this reads. */
const SAME_OBJECT = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else']);

export function fieldsReadBy(rule: PlanRule): FieldsRead {
  return rule.target === 'message' ? fieldsRead(rule.schema) : new Set([rule.target]);
}

/**
 * Sound, not exact: a field outside the set cannot change whether the rule passes nor any error.
 * Anything it does not know (additionalProperties, enum, $ref, an unknown keyword…) reads 'all'.
 */
function fieldsRead(schema: unknown): FieldsRead {
  if (typeof schema === 'boolean') return new Set();
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'all';
  const names = new Set<string>();
  for (const [keyword, value] of Object.entries(schema)) {
    if (BLIND.has(keyword)) continue;
    let read: FieldsRead;
    if (keyword === 'properties') read = mapKeys(value, () => new Set());
    else if (keyword === 'required') read = Array.isArray(value) ? new Set(value.map(String)) : 'all';
    else if (keyword === 'dependencies' || keyword === 'dependentRequired' || keyword === 'dependentSchemas')
      read = mapKeys(value, dependencyReads);
    else if (SAME_OBJECT.has(keyword)) read = union(Array.isArray(value) ? value.map(fieldsRead) : [fieldsRead(value)]);
    else read = 'all';
    if (read === 'all') return 'all';
    for (const name of read) names.add(name);
  }
  return names;
}

/** A map's names, and what each value reads besides. */
function mapKeys(map: unknown, valueReads: (value: unknown) => FieldsRead): FieldsRead {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return 'all';
  return union([new Set(Object.keys(map)), ...Object.values(map).map(valueReads)]);
}

function dependencyReads(dependency: unknown): FieldsRead {
  return Array.isArray(dependency) ? new Set(dependency.map(String)) : fieldsRead(dependency);
}

function union(reads: readonly FieldsRead[]): FieldsRead {
  const names = new Set<string>();
  for (const read of reads) {
    if (read === 'all') return 'all';
    for (const name of read) names.add(name);
  }
  return names;
}

/** The payload with the inherited fields it lacks and the rule reads; the payload itself when there are none. */
export function withInheritedFor(
  payload: Readonly<Record<string, unknown>>,
  inherited: BatchInherited | undefined,
  reads: FieldsRead,
): Readonly<Record<string, unknown>> {
  if (!inherited) return payload;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(inherited)) {
    if (value === undefined || payload[key] !== undefined || (reads !== 'all' && !reads.has(key))) continue;
    (copy ??= { ...payload })[key] = value;
  }
  return copy ?? payload;
}
