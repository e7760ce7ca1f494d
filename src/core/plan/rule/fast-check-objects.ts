/**
 * The object keywords of fast-check.ts in one function per schema: properties, required,
 * additionalProperties, patternProperties, min/maxProperties, propertyNames and dependencies.
 * A field counts when the object has it as its own: `{"constructor": 1}` has one, `{}` none.
 */
import { isPlainObject } from '../../types';
import { ALWAYS, type FastCheck } from './fast-check-values';
import { compilePattern } from '../pattern/linear-pattern';

/** How fast-check.ts compiles a subschema: passed in, so the two files do not import each other. */
export type CompileSchema = (schema: unknown) => FastCheck | undefined;

type Part = FastCheck | null | undefined;

interface Field {
  readonly name: string;
  readonly check: FastCheck;
}

/** The object keywords every dialect has. */
export const OBJECT_KEYWORDS_SINCE_DRAFT_04: readonly string[] = [
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
];

const OBJECT_KEYWORDS = [
  ...OBJECT_KEYWORDS_SINCE_DRAFT_04,
  'propertyNames',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
];

export function objectCheck(schema: Record<string, unknown>, compile: CompileSchema): Part {
  if (!OBJECT_KEYWORDS.some((keyword) => schema[keyword] !== undefined)) return null;
  const properties = schemaMap(schema['properties'], compile);
  const patterns = schemaMap(schema['patternProperties'], compile);
  const required = schema['required'] ?? [];
  if (!properties || !patterns || !isNames(required)) return undefined;
  const additional = schema['additionalProperties'] === undefined ? null : compile(schema['additionalProperties']);
  const names = schema['propertyNames'] === undefined ? null : compile(schema['propertyNames']);
  const dependencies = dependencyChecks(schema, compile);
  const { minProperties = 0, maxProperties = Infinity } = schema;
  if (
    additional === undefined ||
    names === undefined ||
    !dependencies ||
    typeof minProperties !== 'number' ||
    typeof maxProperties !== 'number'
  )
    return undefined;
  // Linear in the key, as the library's (linear-pattern-keywords.ts); a refused pattern refuses the rule.
  const regexes: { readonly regex: { test(text: string): boolean }; readonly check: FastCheck }[] = [];
  for (const { name, check } of patterns) {
    const regex = compilePattern(name);
    if (!regex.ok) return undefined;
    regexes.push({ regex, check });
  }
  const declared = new Set(properties.map(({ name }) => name));
  // A field whose schema allows anything (`{"description": …}`) is never read. Object.prototype's names
  // (`constructor`…) are read only as own properties: `{}.constructor` is always there.
  const fields = properties
    .filter(({ check }) => check !== ALWAYS)
    .map(({ name, check }) => ({ name, check, onPrototype: name in Object.prototype }));
  // Every key needs a look only for these; the usual rule (properties, required) reads its own fields and no others.
  const everyKey =
    additional !== null || names !== null || regexes.length > 0 || minProperties > 0 || maxProperties < Infinity;

  return (value) => {
    if (!isPlainObject(value)) return true;
    for (const name of required) if (!Object.hasOwn(value, name)) return false;
    for (const { name, check, onPrototype } of fields) {
      const field = onPrototype && !Object.hasOwn(value, name) ? undefined : value[name];
      if (field !== undefined && !check(field)) return false;
    }
    for (const check of dependencies) if (!check(value)) return false;
    if (!everyKey) return true;
    const keys = Object.keys(value);
    if (keys.length < minProperties || keys.length > maxProperties) return false;
    for (const key of keys) {
      if (names !== null && !names(key)) return false;
      let matched = declared.has(key);
      for (const { regex, check } of regexes) {
        if (!regex.test(key)) continue;
        matched = true;
        if (!check(value[key])) return false;
      }
      if (!matched && additional !== null && !additional(value[key])) return false;
    }
    return true;
  };
}

/** `properties` / `patternProperties`: each name's schema compiled; undefined when one cannot be. */
function schemaMap(map: unknown, compile: CompileSchema): Field[] | undefined {
  if (map === undefined) return [];
  if (!isPlainObject(map)) return undefined;
  const fields: Field[] = [];
  for (const [name, schema] of Object.entries(map)) {
    const check = compile(schema);
    if (!check) return undefined;
    fields.push({ name, check });
  }
  return fields;
}

/**
 * dependencies (draft-04 to 07: names or a schema), dependentRequired and dependentSchemas (2019-09 on):
 * one check of the object each.
 */
function dependencyChecks(schema: Record<string, unknown>, compile: CompileSchema): FastCheck[] | undefined {
  const checks: FastCheck[] = [];
  for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas'] as const) {
    const map = schema[keyword];
    if (map === undefined) continue;
    if (!isPlainObject(map)) return undefined;
    for (const [name, dependency] of Object.entries(map)) {
      const names = keyword !== 'dependentSchemas' && Array.isArray(dependency) ? dependency : undefined;
      if (names && !isNames(names)) return undefined;
      const check = names
        ? (value: Record<string, unknown>) => names.every((other) => Object.hasOwn(value, other))
        : keyword === 'dependentRequired'
          ? undefined
          : compile(dependency);
      if (!check) return undefined;
      checks.push((value) => !Object.hasOwn(value as object, name) || check(value as Record<string, unknown>));
    }
  }
  return checks;
}

function isNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
