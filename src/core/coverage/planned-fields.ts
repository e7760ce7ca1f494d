/**
 * What a rule plans of a message's `properties` (track, page) or `traits` (identify, group): the names it describes
 * and those it requires, read from the rule's schema. Top level only: a coverage report lists the fields a QA pass
 * never sent, and nested requirements are the checker's to report, message by message.
 *
 * Read from the schema's own `properties` and `required`. A schema that builds them from `$ref`, `allOf` and the like
 * plans nothing here; its messages are still checked in full by the plan checker.
 */
import { isPlainObject } from '../types';
import type { PlanRule } from '../plan/tracking-plan';

export type RuleType = 'track' | 'identify' | 'group' | 'page';

export interface PlannedFields {
  /** `properties` or `traits`: the message field the names are in. */
  readonly field: 'properties' | 'traits';
  readonly planned: readonly string[];
  readonly required: readonly string[];
}

export function fieldOf(type: RuleType): 'properties' | 'traits' {
  return type === 'identify' || type === 'group' ? 'traits' : 'properties';
}

export function plannedFields(type: RuleType, rule: PlanRule): PlannedFields {
  const field = fieldOf(type);
  const schema = rule.target === 'message' ? subschema(rule.schema, field) : rule.schema;
  if (!isPlainObject(schema)) return { field, planned: [], required: [] };
  const properties = isPlainObject(schema['properties']) ? Object.keys(schema['properties']) : [];
  const required = Array.isArray(schema['required'])
    ? schema['required'].filter((name): name is string => typeof name === 'string')
    : [];
  // A required name the schema does not describe is planned all the same: the rule asks for it.
  const planned = [...new Set([...properties, ...required])];
  return { field, planned, required: [...new Set(required)] };
}

/** A whole-message schema's schema of one field (`properties.properties`), or undefined. */
function subschema(schema: unknown, field: string): unknown {
  if (!isPlainObject(schema) || !isPlainObject(schema['properties'])) return undefined;
  return schema['properties'][field];
}
