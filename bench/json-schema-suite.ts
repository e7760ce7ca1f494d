/**
 * `npx tsx bench/json-schema-suite.ts PATH_TO_JSON-Schema-Test-Suite`: how often the plan validator
 * (core/plan/rule/compile-rule.ts, as the CLI and the extension run it, rules read by
 * core/plan/load/read-rule.ts) gives the official suite's answer, per dialect. Prints a score; never passes or fails.
 *
 * - required: tests/<draft>/*.json; optional/format: tests/<draft>/optional/format/*.json (formats
 *   are asserted in every dialect, as plans have them); optional/regex: tests/<draft>/optional/
 *   ecmascript-regex.json and non-bmp-regex.json (what `pattern` means in ECMA-262, which plans are
 *   matched with RE2 by: core/plan/pattern/).
 * - Remote refs aside: refRemote.json, and any group whose schema the loader refuses only for a remote
 *   `$ref` or a remote metaschema, are skipped and counted apart (plans are checked offline).
 * - `--library-only`: the plan validator without its fast check (json-schema-library for every message).
 * - `--fast-only`: the fast check alone (core/plan/rule/fast-check.ts), on the groups whose schema it
 *   compiles, beside the library alone: where the fast check says valid the library must too (its
 *   valid is final); where it does not, the library decides, so "deferred" costs time, not correctness.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRule } from '../src/core/plan/load/read-rule';
import type { Dialect } from '../src/core/plan/tracking-plan';
import { compileRule, fastCheckFor } from '../src/core/plan/rule/compile-rule';

const DRAFTS: readonly [folder: string, dialect: Dialect, meta: string][] = [
  ['draft4', 'draft-04', 'http://json-schema.org/draft-04/schema#'],
  ['draft6', 'draft-06', 'http://json-schema.org/draft-06/schema#'],
  ['draft7', 'draft-07', 'http://json-schema.org/draft-07/schema#'],
  ['draft2019-09', '2019-09', 'https://json-schema.org/draft/2019-09/schema'],
  ['draft2020-12', '2020-12', 'https://json-schema.org/draft/2020-12/schema'],
];

const KIND_FOLDERS = { required: '', 'optional/format': 'optional/format', 'optional/regex': 'optional' } as const;
const KIND_FILES: Readonly<Record<keyof typeof KIND_FOLDERS, (name: string) => boolean>> = {
  required: (name) => name.endsWith('.json') && name !== 'refRemote.json',
  'optional/format': (name) => name.endsWith('.json'),
  'optional/regex': (name) => name === 'ecmascript-regex.json' || name === 'non-bmp-regex.json',
};

interface Group {
  readonly description: string;
  readonly schema: unknown;
  readonly tests: readonly { readonly description: string; readonly data: unknown; readonly valid: boolean }[];
}

interface Score {
  pass: number;
  fail: number;
  skipped: number;
  failures: string[];
}

const [suite = '', ...flags] = process.argv.slice(2);
/**
 * --fast-only: tests the verdict calls valid and the library does not (must be none), and how many it
 * leaves to the library.
 */
const unsafe: string[] = [];
let deferred = 0;
const fastOnly = flags.includes('--fast-only');
if (!existsSync(join(suite, 'tests'))) {
  console.error(
    'usage: npx tsx bench/json-schema-suite.ts PATH_TO_JSON-Schema-Test-Suite [--library-only | --fast-only] [--verbose]',
  );
  process.exit(2);
}

for (const [folder, dialect, meta] of DRAFTS) {
  for (const kind of ['required', 'optional/format', 'optional/regex'] as const) {
    const dir = join(suite, 'tests', folder, KIND_FOLDERS[kind]);
    const score: Score = { pass: 0, fail: 0, skipped: 0, failures: [] };
    for (const file of readdirSync(dir).filter((name) => KIND_FILES[kind](name))) {
      for (const group of JSON.parse(readFileSync(join(dir, file), 'utf8')) as Group[])
        runGroup(group, dialect, meta, `${file}: ${group.description}`, score);
    }
    const total = score.pass + score.fail;
    const what = fastOnly ? 'fast check alone, on the schemas it compiles' : 'plan validator';
    const against = fastOnly
      ? `; against the library: ${unsafe.length} valid where it is not, ${deferred} left to it`
      : '';
    console.log(
      `${folder.padEnd(13)} ${kind.padEnd(16)} ${what}: ${score.pass}/${total} = ${((100 * score.pass) / Math.max(total, 1)).toFixed(1)}% (remote refs aside: ${score.skipped})${against}`,
    );
    if (flags.includes('--verbose')) for (const failure of score.failures) console.log(`    ${failure}`);
    for (const failure of unsafe) console.log(`    VALID HERE, NOT IN THE LIBRARY: ${failure}`);
    unsafe.length = 0;
    deferred = 0;
  }
}

function runGroup(group: Group, dialect: Dialect, meta: string, name: string, score: Score): void {
  const schema: unknown = structuredClone(group.schema);
  if (typeof schema === 'object' && schema !== null && !('$schema' in schema)) Object.assign(schema, { $schema: meta });
  const read = readRule(schema, 'message', 1, 'rule', 'schema');
  // A remote $ref, or a metaschema of the suite's own (served from localhost by its harness), is remote.
  if (
    !read.ok &&
    read.problems.every(
      (problem) => problem.includes('remote $ref') || problem.includes('unknown $schema "http://localhost:1234/'),
    )
  ) {
    score.skipped += group.tests.length;
    return;
  }
  // Boolean schemas read as draft-07; they mean the same in every dialect.
  const rule = read.ok
    ? { ...read.rule, dialect: typeof schema === 'boolean' ? dialect : read.rule.dialect }
    : undefined;
  if (fastOnly) {
    const verdict = rule && fastCheckFor(rule);
    const library = rule && compileRule(rule, { fastCheck: false });
    if (!verdict || !library?.ok) return;
    for (const test of group.tests) {
      const fast = verdict(structuredClone(test.data));
      const slow = library.check(structuredClone(test.data)).length === 0;
      if (fast && !slow) unsafe.push(`${name} / ${test.description}`);
      else if (!fast && slow) deferred++;
      tally(fast === test.valid, `${name} / ${test.description}`, score);
    }
    return;
  }
  const compiled = rule ? compileRule(rule, { fastCheck: !flags.includes('--library-only') }) : undefined;
  for (const test of group.tests) {
    const verdict = compiled?.ok ? compiled.check(structuredClone(test.data)).length === 0 : undefined;
    const problems = compiled && !compiled.ok ? compiled.problems : read.ok ? [] : read.problems;
    tally(
      verdict === test.valid,
      `${name} / ${test.description}${verdict === undefined ? ` (refused: ${problems.join('; ')})` : ''}`,
      score,
    );
  }
}

function tally(passed: boolean, name: string, score: Score): void {
  if (passed) score.pass++;
  else {
    score.fail++;
    score.failures.push(name);
  }
}
