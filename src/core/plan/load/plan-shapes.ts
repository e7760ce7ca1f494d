/**
 * Finds the rules in a plan file, whichever shape users already have it in:
 * - Segment's Public API (Typewriter 8): `{name, rules: [{type, key, jsonSchema, version}]}`, a bare
 *   array of those rules, or an API response `{data: {trackingPlan}}` / `{data: {rules}}`;
 * - Segment's Config API (Typewriter 7): `{display_name, rules: {events, identify_traits, group_traits}}`;
 * - Typewriter's local plans: `{name, events}`.
 * Only where the rules are and what they describe is decided here; read-rule.ts checks each schema.
 */
import type { RuleTarget } from '../tracking-plan';
import { isObject, type JsonObject } from './plan-json';

/** One rule as found in the file, before its schema is checked. */
export interface RawRule {
  /** As written (`TRACK`, `IDENTIFY`…); the Config API's events are TRACK. */
  readonly type: unknown;
  /** The event name, for a TRACK rule. */
  readonly key: unknown;
  /** Another name the rule is matched by: a Typewriter 8 cache's `key`, where its clients send another name. */
  readonly alias?: string;
  readonly schema: unknown;
  readonly version: unknown;
  readonly target: RuleTarget;
  /** Where in the file the rule is (`rules[3]`), and the names of its key and schema fields: for messages. */
  readonly where: string;
  readonly keyField: string;
  readonly schemaField: string;
}

export interface PlanShape {
  readonly name: string | undefined;
  /** In file order; an entry that is not a rule at all is a problem (`rules[2] is not a rule…`). */
  readonly rules: readonly (RawRule | string)[];
}

export const ACCEPTED_SHAPES =
  'Segment Public API {"rules": [...]}, a bare array of rules, ' +
  '{"data": {"trackingPlan": {"rules": [...]}}} or {"data": {"rules": [...]}}; ' +
  'Segment Config API {"rules": {"events": [...]}}; Typewriter local plan {"events": [...]}';

/** The shape's rules, or undefined when the document is none of the accepted shapes. */
export function readPlanShape(doc: unknown): PlanShape | undefined {
  if (Array.isArray(doc)) return publicApi(undefined, doc, 'rules');
  if (!isObject(doc)) return undefined;
  const name = nameOf(doc);
  if (Array.isArray(doc.rules)) return publicApi(name, doc.rules, 'rules');
  if (isObject(doc.rules) && Array.isArray(doc.rules.events)) return configApi(name, doc.rules, 'rules.');
  if (Array.isArray(doc.events)) return configApi(name, doc, '');
  if (!isObject(doc.data)) return undefined;
  const plan = isObject(doc.data.trackingPlan) ? doc.data.trackingPlan : {};
  const planName = name ?? nameOf(plan);
  if (Array.isArray(plan.rules)) return publicApi(planName, plan.rules, 'data.trackingPlan.rules');
  if (Array.isArray(doc.data.rules)) return publicApi(planName, doc.data.rules, 'data.rules');
  return undefined;
}

/**
 * The Config API's `name` is a resource path (`workspaces/x/tracking-plans/rs_…`): its `display_name`
 * is the name.
 */
function nameOf(holder: JsonObject): string | undefined {
  for (const field of ['display_name', 'name']) {
    const value = holder[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function publicApi(name: string | undefined, entries: readonly unknown[], at: string): PlanShape {
  const rules: (RawRule | string)[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `${at}[${index}]`;
    if (!isObject(entry)) {
      rules.push(`${where} is not a rule (an object with type and jsonSchema)`);
      continue;
    }
    const type = typeof entry.type === 'string' ? entry.type.toUpperCase() : entry.type;
    const schema = entry.jsonSchema;
    // Typewriter 8 caches a rule unwrapped (the schema of `properties` or `traits`) and marks it so.
    const metadata = isObject(schema) && isObject(schema.eventMetadata) ? schema.eventMetadata : undefined;
    const target: RuleTarget = !metadata
      ? 'message'
      : type === 'IDENTIFY' || type === 'GROUP'
        ? 'traits'
        : 'properties';
    const served = metadata?.name;
    // Typewriter 8's clients send `eventMetadata.name` (the name as the API served it); its cache's `key` is that name
    // sanitised (the first "#" stripped), or spelt otherwise (its own e2e plan: key "NoID Type", name "NoID type").
    // The rule is named as sent, and matched by its key too.
    const sent = typeof served === 'string' && served !== '' ? served : undefined;
    const alias = sent !== undefined && typeof entry.key === 'string' && entry.key !== sent ? entry.key : undefined;
    rules.push({
      type,
      key: sent ?? entry.key,
      ...(alias !== undefined ? { alias } : {}),
      schema,
      version: entry.version,
      target,
      where,
      keyField: 'key',
      schemaField: 'jsonSchema',
    });
  }
  return { name, rules };
}

function configApi(name: string | undefined, holder: JsonObject, prefix: string): PlanShape {
  const rules: (RawRule | string)[] = [];
  for (const [index, entry] of (holder.events as readonly unknown[]).entries()) {
    const where = `${prefix}events[${index}]`;
    if (!isObject(entry)) {
      rules.push(`${where} is not an event (an object with name and rules)`);
      continue;
    }
    rules.push({
      type: 'TRACK',
      key: entry.name,
      schema: entry.rules,
      version: entry.version,
      target: 'message',
      where,
      keyField: 'name',
      schemaField: 'rules',
    });
  }
  for (const [field, type] of [
    ['identify_traits', 'IDENTIFY'],
    ['group_traits', 'GROUP'],
  ] as const) {
    const schema = holder[field];
    // The Config API serves `[]` when a plan has no traits rules (Typewriter's own plans hold `"identify_traits": []`).
    if (schema === undefined || schema === null || (Array.isArray(schema) && schema.length === 0)) continue;
    const where = `${prefix}${field}`;
    rules.push({
      type,
      key: undefined,
      schema,
      version: undefined,
      target: 'traits',
      where,
      keyField: 'key',
      schemaField: field,
    });
  }
  return { name, rules };
}
