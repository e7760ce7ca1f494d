/**
 * What in a drafted plan looks like a mistake in the capture it was drafted from, in words: event
 * names that differ only in case or spacing (two rules where the team meant one), and a field sent
 * with different types (drafted as a list of types). The draft keeps what was sent; these say where
 * to look before the plan is taken as the team's own (panel: beside the download; CLI: on stderr).
 */
import { withArticle } from '../../explain';
import { isPlainObject } from '../../types';
import type { DraftedPlan } from './draft-plan';

/** Case, spaces, `_`, `-` and `.` folded away, as the linter folds event names (lint.ts). */
const folded = (name: string) => name.toLowerCase().replace(/[\s_.-]+/g, '');

export function draftDoubts(plan: DraftedPlan): string[] {
  const doubts: string[] = [];
  const byFolded = new Map<string, string[]>();
  for (const rule of plan.rules) {
    if (rule.key === undefined) continue;
    const names = byFolded.get(folded(rule.key)) ?? [];
    byFolded.set(folded(rule.key), [...names, rule.key]);
  }
  for (const names of byFolded.values()) {
    if (names.length > 1) {
      const list = names.map((name) => `"${name}"`).join(' and ');
      doubts.push(`${list} differ only in case or spacing: one rule each was drafted; keep the one you mean`);
    }
  }
  for (const rule of plan.rules) {
    const where = rule.key !== undefined ? `"${rule.key}"` : rule.type.toLowerCase();
    mixedTypes(rule.jsonSchema, '', (path, types) =>
      doubts.push(
        `${path} of ${where} was sent as ${types.map(withArticle).join(' and as ')}: drafted as ${JSON.stringify(types)}`,
      ),
    );
  }
  return doubts;
}

/** Calls `found` for each field whose drafted `type` lists more than one type besides null. */
function mixedTypes(schema: unknown, path: string, found: (path: string, types: string[]) => void): void {
  if (!isPlainObject(schema)) return;
  const { type, properties, items } = schema;
  if (Array.isArray(type) && type.filter((t) => t !== 'null').length > 1) found(path, type as string[]);
  if (isPlainObject(properties)) {
    for (const [key, inner] of Object.entries(properties)) mixedTypes(inner, path ? `${path}.${key}` : key, found);
  }
  if (isPlainObject(items)) mixedTypes(items, `${path}[]`, found);
}
