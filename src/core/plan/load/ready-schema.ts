/**
 * Readies one rule's schema for the offline validator, in place (the loader owns the parsed JSON):
 * drops Segment's stray `id` members, and finds what would make the validator fetch, fail or
 * throw later: remote and dangling `$ref`s, patterns JavaScript cannot compile or that cannot be
 * matched in linear time.
 *
 * The walk follows schema keywords only, so a property *named* `id`, `$ref` or `pattern` (a key of
 * `properties`) is never taken for the keyword, and data (`enum`, `const`, `default`…) is left alone.
 * Recursion is safe: plan-json.ts refused the file if it nests deeper than PLAN_DEPTH_LIMIT levels.
 */
import type { Dialect } from '../tracking-plan';
import { escapePointer } from '../../explain';
import { quote } from '../strings';
import { REF_KEYWORDS, SUBSCHEMA_MAP_KEYWORDS } from '../schema-keywords';
import { isObject, type JsonObject } from './plan-json';
import { compilePattern } from '../pattern/linear-pattern';

/** Keywords whose value is a subschema or an array of subschemas, in any dialect. */
const SUBSCHEMA_KEYWORDS = [
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
const ANCHOR_KEYWORDS = ['$anchor', '$dynamicAnchor'];

const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;
const PLAIN_NAME_FRAGMENT = /^#[a-z][\w.:-]*$/i;

interface FoundRef {
  readonly ref: string;
  readonly at: string;
  /**
   * The schema resource a `#/…` pointer in this ref is read from: the nearest enclosing `$id`, or the
   * rule's schema.
   */
  readonly base: JsonObject;
}

/** Problems in the schema, each one line without the rule's name. */
export function readySchema(root: JsonObject, dialect: Dialect): string[] {
  const problems: string[] = [];
  const refs: FoundRef[] = [];
  const anchors = new Set<string>();
  const idKeyword = dialect === 'draft-04' ? 'id' : '$id';

  const visit = (node: unknown, at: string, base: JsonObject): void => {
    if (!isObject(node)) return;
    dropStrayId(node, dialect);
    const id = node[idKeyword];
    if (typeof id === 'string') {
      if (!id.startsWith('#')) base = node;
      else if (id.length > 1) anchors.add(id.slice(1)); // draft-04 to 07 name anchors this way
    }
    for (const anchor of stringsAt(node, ANCHOR_KEYWORDS)) anchors.add(anchor);
    for (const ref of stringsAt(node, REF_KEYWORDS)) refs.push({ ref, at, base });
    if (typeof node.pattern === 'string') problems.push(...patternProblem(node.pattern, `${at}/pattern`));
    if (isObject(node.patternProperties))
      for (const key of Object.keys(node.patternProperties))
        problems.push(...patternProblem(key, `${at}/patternProperties`));

    for (const keyword of SUBSCHEMA_KEYWORDS) {
      const value = node[keyword];
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${at}/${keyword}/${index}`, base));
      else visit(value, `${at}/${keyword}`, base);
    }
    for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
      const map = node[keyword];
      if (isObject(map))
        for (const [name, value] of Object.entries(map)) visit(value, `${at}/${keyword}/${escapePointer(name)}`, base);
    }
  };
  visit(root, '', root);

  for (const { ref, at, base } of refs) {
    // "" is the same document, as "#" is; anything else without "#" first names another document.
    if (ref !== '' && !ref.startsWith('#'))
      problems.push(`remote $ref ${quote(ref)} is not allowed (plans are checked offline)`);
    else if (!resolves(ref.slice(1), base, anchors))
      problems.push(`$ref ${quote(ref)} at ${at || 'the schema root'} points at nothing in the rule`);
  }
  return problems;
}

/**
 * Segment writes `"id": "/properties/x"` all through draft-07 schemas, where `id` means nothing
 * (draft-06 renamed it `$id`); a validator could still take it for a base URI and resolve refs
 * against it, so it goes. In draft-04 `id` is the keyword: kept when it is an absolute URI or a
 * `#name` anchor, dropped when it is a path like Segment's.
 */
function dropStrayId(node: JsonObject, dialect: Dialect): void {
  const id = node.id;
  if (typeof id !== 'string') return;
  if (dialect !== 'draft-04' || !(ABSOLUTE_URI.test(id) || PLAIN_NAME_FRAGMENT.test(id))) delete node.id;
}

/**
 * A pattern must compile as JavaScript compiles it (`u` flag, as ajv and the library do) and be one the
 * linear-time matcher can run (pattern/linear-pattern.ts): otherwise the rule could not be checked.
 */
function patternProblem(pattern: string, at: string): string[] {
  const compiled = compilePattern(pattern);
  return compiled.ok ? [] : [`pattern ${quote(pattern)} at ${at} ${compiled.problem}`];
}

/** A fragment `$ref` (without its "#"): empty (the resource itself), a JSON Pointer, or an anchor name. */
function resolves(fragment: string, base: JsonObject, anchors: ReadonlySet<string>): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return false;
  }
  if (!decoded.startsWith('/')) return decoded === '' || anchors.has(decoded);
  let node: unknown = base;
  for (const token of decoded.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) node = node[Number(key)];
    else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return false;
  }
  return typeof node === 'boolean' || isObject(node);
}

function stringsAt(node: JsonObject, keywords: readonly string[]): string[] {
  return keywords.map((keyword) => node[keyword]).filter((value): value is string => typeof value === 'string');
}
