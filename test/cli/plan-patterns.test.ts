// `validate --plan` with the patterns a backtracking engine stalls on (issue 20, item 6). Nothing is
// timed: `^(a+)+$` on 50,000 `a`s and a `b` would take a backtracking engine longer than the age of the
// universe, so the CLI finishing inside the test's timeout is the proof that matching is linear.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'track-inspector-cli-patterns-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const planWith = (properties: object) =>
  JSON.stringify({
    name: 'Acme',
    rules: [
      {
        type: 'TRACK',
        key: 'Code Entered',
        version: 1,
        jsonSchema: { type: 'object', properties: { properties: { type: 'object', properties } } },
      },
    ],
  });

const entered = (code: string) => JSON.stringify({ event: 'Code Entered', userId: 'u', properties: { code } });

interface JsonResult {
  readonly line: number;
  readonly valid: boolean;
  readonly errors: readonly { readonly path: string; readonly keyword: string; readonly source?: string }[];
}

describe('track-inspector validate --plan, with a pattern that backtracks catastrophically', () => {
  it('reports the hostile string as a pattern violation and checks the lines around it', () => {
    const plan = file('redos-plan.json', planWith({ code: { type: 'string', pattern: '^(a+)+$' } }));
    const capture = file('redos.ndjson', [entered('aaa'), entered(`${'a'.repeat(50_000)}b`), entered('a')].join('\n'));
    const { code, stdout } = runCli(['validate', '--plan', plan, '--json', capture]);
    expect(code).toBe(1);
    const results = jsonLines<JsonResult>(stdout);
    expect(results.map(({ line, valid }) => ({ line, valid }))).toEqual([
      { line: 1, valid: true },
      { line: 2, valid: false },
      { line: 3, valid: true },
    ]);
    expect(results[1]?.errors).toEqual([
      expect.objectContaining({ path: '/properties/code', keyword: 'pattern', source: 'plan' }),
    ]);
  });

  it('refuses a plan whose pattern cannot be matched in linear time, naming it, with exit 2', () => {
    const plan = file('lookahead-plan.json', planWith({ password: { type: 'string', pattern: '^(?=.*\\d).{8,}$' } }));
    const result = runCli(['validate', '--plan', plan, file('any.ndjson', entered('a'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /lookahead-plan\.json: rule TRACK "Code Entered": pattern "\^\(\?=\.\*\\\\d\)\.\{8,\}\$" at \/properties\/properties\/properties\/password\/pattern uses a lookahead, "\(\?=\.\*\\\\d\)" at character 2, which cannot be matched in linear time/,
    );
    expect(result.stdout).toBe('');
  });
});
