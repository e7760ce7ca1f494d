/** JSON Schema keywords that more than one stage of the plan code sorts schemas by. */

/** Keywords that only annotate a schema: no message passes or fails because of them. */
export const ANNOTATIONS: readonly string[] = [
  '$schema',
  '$id',
  'id',
  'title',
  'description',
  '$comment',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'definitions',
  '$defs',
];

/** Keywords whose value is a reference to another schema. */
export const REF_KEYWORDS: readonly string[] = ['$ref', '$dynamicRef', '$recursiveRef'];

/**
 * Keywords whose value maps names to subschemas: their keys are names, not keywords (`dependencies`
 * also maps to lists of names).
 */
export const SUBSCHEMA_MAP_KEYWORDS: readonly string[] = [
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'dependencies',
];
