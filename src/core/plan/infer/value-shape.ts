/**
 * The shape of the values seen at one path, merged one value at a time, and the JSON Schema that
 * accepts every one of them. Memory grows with the number of distinct paths, never with the number
 * of values: a capture of 100,000 messages with the same ten properties keeps ten shapes.
 *
 * Decisions a drafted schema carries:
 * - numbers are "integer" while every number seen at the path was an integer, "number" as soon as
 *   one was not (an integer and a fraction at one path make "number", not a union);
 * - a key is required where it was present in every object seen at its path;
 * - no `additionalProperties`: a draft describes what was seen, it does not reject new fields;
 * - values JSON cannot carry (undefined, functions, symbols, bigints) count as absent, as
 *   `JSON.stringify` would drop them;
 * - below MAX_DEPTH levels nothing is looked at: such a value's schema is `{}` (anything). It bounds
 *   the work on hostile nesting, and the recursion with it. Each level of a message is two levels
 *   of schema (`properties` / `items`, then the field) under about four of the rule's own, so this
 *   keeps every draft within the depth a plan may have (PLAN_DEPTH_LIMIT): a draft always loads.
 */
import { PLAN_DEPTH_LIMIT } from '../load/plan-json';
import { compareStrings } from '../strings';

export const MAX_DEPTH = Math.floor((PLAN_DEPTH_LIMIT - 6) / 2);

type Kind = 'array' | 'boolean' | 'integer' | 'null' | 'number' | 'object' | 'string';

export interface Shape {
  /** How many objects at the parent path had this key (for a rule's root: how many messages had the field). */
  present: number;
  readonly kinds: Set<Kind>;
  /** How many of the values seen were objects: a key is required when its `present` equals this. */
  objects: number;
  readonly keys: Map<string, Shape>;
  /** The merged shape of every element of every array seen here; undefined until an element is. */
  items: Shape | undefined;
  /** Set at MAX_DEPTH: nothing below is recorded and the schema is `{}`. */
  opaque: boolean;
  /**
   * The kinds of personal data or secrets the privacy guard flagged here (core/privacy), if any: such a key is
   * left out of `required` and described, so that the plan does not demand what should never be sent.
   */
  flagged: Set<string> | undefined;
}

export function createShape(): Shape {
  return {
    present: 0,
    kinds: new Set(),
    objects: 0,
    keys: new Map(),
    items: undefined,
    opaque: false,
    flagged: undefined,
  };
}

/** False for what JSON cannot carry: such a key counts as absent. */
export function isJsonValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}

/** Merges one value (a JSON value, see isJsonValue) into the shape; `depth` is the value's depth in the message. */
export function observe(shape: Shape, value: unknown, depth: number): void {
  if (depth >= MAX_DEPTH) {
    shape.opaque = true;
    return;
  }
  if (Array.isArray(value)) {
    shape.kinds.add('array');
    for (const element of value as unknown[]) {
      if (!isJsonValue(element)) continue;
      shape.items ??= createShape();
      observe(shape.items, element, depth + 1);
    }
  } else if (typeof value === 'object' && value !== null) {
    shape.kinds.add('object');
    shape.objects += 1;
    for (const [key, child] of Object.entries(value)) {
      if (!isJsonValue(child)) continue;
      let childShape = shape.keys.get(key);
      if (!childShape) shape.keys.set(key, (childShape = createShape()));
      childShape.present += 1;
      observe(childShape, child, depth + 1);
    }
  } else if (value === null) {
    shape.kinds.add('null');
  } else if (typeof value === 'number') {
    shape.kinds.add(Number.isInteger(value) ? 'integer' : 'number');
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    shape.kinds.add(typeof value === 'string' ? 'string' : 'boolean');
  }
}

/** The schema of everything observed, its keys written in sorted order. */
export function toSchema(shape: Shape): Record<string, unknown> {
  if (shape.opaque) return {};
  const schema: Record<string, unknown> = {};
  if (shape.items) schema['items'] = toSchema(shape.items);
  if (shape.kinds.has('object')) {
    const keys = [...shape.keys.keys()].sort(compareStrings);
    // fromEntries defines own properties: a key named "__proto__" stays a key, not a prototype.
    if (keys.length > 0)
      schema['properties'] = Object.fromEntries(
        keys.map((key) => [key, toSchema(shape.keys.get(key) ?? createShape())]),
      );
    const required = keys.filter(
      (key) => shape.keys.get(key)?.present === shape.objects && !shape.keys.get(key)?.flagged,
    );
    if (required.length > 0) schema['required'] = required;
  }
  const types = typeNames(shape.kinds);
  if (types.length > 0) schema['type'] = types.length === 1 ? types[0] : types;
  if (shape.flagged) return { description: flaggedDescription(shape.flagged), ...schema };
  return schema;
}

/** What a flagged field's schema says of it. */
export function flaggedDescription(kinds: ReadonlySet<string>): string {
  return `Personal data or a secret was sent here (${[...kinds].sort(compareStrings).join(', ')}): not required`;
}

function typeNames(kinds: ReadonlySet<Kind>): Kind[] {
  const names = [...kinds].filter((kind) => !(kind === 'integer' && kinds.has('number')));
  return names.sort(compareStrings);
}
