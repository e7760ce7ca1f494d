/**
 * json-schema-library's `pattern` and `patternProperties`, matching with the linear-time matcher
 * (pattern/linear-pattern.ts) instead of the backtracking RegExp they compile.
 *
 * Each keyword's own `parse` still runs (it reads the schema, compiles `patternProperties`' subschemas
 * and reports a non-string pattern); this one then swaps the RegExp it kept on the node for a
 * LinearRegExp. The library's validate, reduce and resolve functions, and `additionalProperties`,
 * call `.test()` on what the node holds, and nothing else (json-schema-library 11.6.2's
 * keywords/pattern.ts, patternProperties.ts, additionalProperties.ts): they stay as they are. A
 * pattern the matcher refuses becomes a schema error, which refuses the rule (compile-rule.ts).
 */
import type { Draft, JsonError, Keyword, SchemaNode, ValidationAnnotation } from 'json-schema-library';
import { compilePattern } from '../pattern/linear-pattern';
import { quote } from '../strings';

/**
 * A RegExp to the library (its node types say RegExp) whose test() is RE2's. Anything else would run
 * the backtracking engine on the page's string: it throws instead, so a library that started using
 * it fails a test rather than stalling a page.
 */
class LinearRegExp extends RegExp {
  constructor(
    source: string,
    private readonly linearTest: (text: string) => boolean,
  ) {
    super(source, 'u');
  }

  override test(text: string): boolean {
    return this.linearTest(text);
  }

  override exec(): never {
    throw new Error('only test() of a plan pattern is matched in linear time');
  }
}

/** The draft's `pattern` and `patternProperties` keywords, wrapped; for extendDraft's `keywords`. */
export function linearPatternKeywords(draft: Draft): Keyword[] {
  const keywords: Keyword[] = [];
  const pattern = draft.keywords.find((keyword) => keyword.keyword === 'pattern');
  if (pattern) keywords.push(afterParse(pattern, swapPattern));
  const patternProperties = draft.keywords.find((keyword) => keyword.keyword === 'patternProperties');
  if (patternProperties) keywords.push(afterParse(patternProperties, swapPatternProperties));
  return keywords;
}

function afterParse(keyword: Keyword, swap: (node: SchemaNode) => JsonError[]): Keyword {
  return {
    ...keyword,
    parse(node) {
      const found = keyword.parse?.(node);
      const errors: ValidationAnnotation[] = found === undefined ? [] : Array.isArray(found) ? found : [found];
      return [...errors, ...swap(node)];
    },
  };
}

/** A refused pattern leaves the node without one, so that not even a rule compiled anyway can run it. */
function swapPattern(node: SchemaNode): JsonError[] {
  const source: unknown = node.schema.pattern;
  // Not a string, or not JavaScript: the keyword's own parse said so and kept no RegExp.
  if (node.pattern === undefined || typeof source !== 'string') return [];
  const linear = linearRegExp(node, source, 'pattern');
  if (linear instanceof LinearRegExp) {
    node.pattern = linear;
    return [];
  }
  delete node.pattern;
  return [linear];
}

function swapPatternProperties(node: SchemaNode): JsonError[] {
  if (!node.patternProperties) return [];
  const errors: JsonError[] = [];
  const kept: NonNullable<SchemaNode['patternProperties']> = [];
  for (const property of node.patternProperties) {
    const linear = linearRegExp(node, property.name, 'patternProperties');
    if (linear instanceof LinearRegExp) kept.push({ ...property, pattern: linear });
    else errors.push(linear);
  }
  node.patternProperties = kept;
  return errors;
}

function linearRegExp(node: SchemaNode, source: string, keyword: string): LinearRegExp | JsonError {
  const compiled = compilePattern(source);
  if (compiled.ok) return new LinearRegExp(source, compiled.test);
  return node.createError('schema-error', {
    pointer: `${node.schemaLocation}/${keyword}`,
    schema: node.schema,
    value: source,
    message: `pattern ${quote(source)} ${compiled.problem}`,
  });
}
