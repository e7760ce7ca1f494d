/**
 * Errors grouped by what is wrong, not by the value that was wrong: `timestamp must be an ISO 8601 date-time with a
 * time zone` is one group whether a message sent "yesterday" or "2024-05-01", and the values sent are kept beside it
 * with their own counts, so neither the group's count nor a value's reads as more than it was.
 */
import { describeValue, valueAt } from '../../core/explain';
import type { Problem } from '../../core/types';

/** A value sent, as the error words it (`"yesterday"`, `3`, `an object`), and how many errors named it. */
export interface SentValue {
  readonly text: string;
  readonly count: number;
}

export interface ErrorGroup {
  /** What is wrong, without the value: the error's wording up to its ", got …". */
  readonly rule: string;
  readonly count: number;
  /** The values sent, most frequent first; empty when the error names none (a missing field). */
  readonly values: readonly SentValue[];
}

/** An error's wording split into what is wrong and the value it names ("got" part), or null when it names none. */
export function splitValue(problem: Problem, payload: unknown): { rule: string; got: string | null } {
  const { message } = problem;
  // The explainers (core/explain.ts, the plan's explain-rule-errors.ts) end a message with ", got <value>". Cut at
  // the value they would have written: a value that itself holds ", got " stays whole.
  const suffix = `, got ${describeValue(valueAt(payload, problem.path))}`;
  if (message.endsWith(suffix)) return { rule: message.slice(0, -suffix.length), got: suffix.slice(6) };
  // A size ("got 3 characters"), a batch entry's inherited field (not in its payload), a "; got" sentence.
  const at = Math.max(message.lastIndexOf(', got '), message.lastIndexOf('; got '));
  return at < 0 ? { rule: message, got: null } : { rule: message.slice(0, at), got: message.slice(at + 6) };
}

/** Collects errors into groups by field, keyword and wording without the value. */
export function createErrorGroups() {
  const groups = new Map<string, { rule: string; count: number; values: Map<string, number> }>();
  return {
    add(problem: Problem, payload: unknown): void {
      const { rule, got } = splitValue(problem, payload);
      const key = `${problem.path}\u0000${problem.keyword}\u0000${rule}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { rule, count: 0, values: new Map() }));
      group.count++;
      if (got !== null) group.values.set(got, (group.values.get(got) ?? 0) + 1);
    },
    /** The group with the most errors (the first seen of equals), or null when there were none. */
    top(): ErrorGroup | null {
      let top: { rule: string; count: number; values: Map<string, number> } | null = null;
      for (const group of groups.values()) if (!top || group.count > top.count) top = group;
      if (!top) return null;
      const values = [...top.values].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
      return { rule: top.rule, count: top.count, values };
    },
  };
}
