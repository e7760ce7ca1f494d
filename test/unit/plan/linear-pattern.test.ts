// A plan's patterns are matched in linear time (core/plan/pattern/): a page cannot stall the check with a
// string its pattern backtracks on, and what cannot be matched that way is refused when the plan loads.
// No test here times anything: the hostile strings below would keep a backtracking engine busy for far
// longer than vitest's timeout, so finishing at all is the proof.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/core/plan/check/check-plan';
import { loadPlan } from '../../../src/core/plan/load/load-plan';
import { compileRule } from '../../../src/core/plan/rule/compile-rule';
import { compilePattern } from '../../../src/core/plan/pattern/linear-pattern';
import { ecmaToRe2 } from '../../../src/core/plan/pattern/ecma-to-re2';
import type { TrackingPlan } from '../../../src/core/plan/tracking-plan';

/** 50,000 `a`s and a `b`: `^(a+)+$` backtracks through 2^50000 ways to split the `a`s before it gives up. */
const HOSTILE = `${'a'.repeat(50_000)}b`;

const trackRule = (properties: object, extra: object = {}) => ({
  type: 'TRACK',
  key: 'Signed Up',
  version: 1,
  jsonSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { properties: { type: 'object', properties, ...extra } },
  },
});

function planOf(doc: unknown): TrackingPlan {
  const load = loadPlan(JSON.stringify(doc));
  if (!load.ok) throw new Error(`expected the plan to load, got:\n${load.problems.join('\n')}`);
  return load.plan;
}

function problemsOf(doc: unknown): readonly string[] {
  const load = loadPlan(JSON.stringify(doc));
  if (load.ok) throw new Error('expected the plan to be refused');
  return load.problems;
}

const errorLines = (plan: TrackingPlan, properties: object) =>
  checkPlan({ type: 'track', payload: { event: 'Signed Up', properties } }, plan, { unplanned: 'warn' }).errors.map(
    ({ path, message }) => `${path}: ${message}`,
  );

describe('a pattern that backtracks catastrophically', () => {
  const plan = planOf({
    rules: [
      trackRule(
        {
          code: { type: 'string', pattern: '^(a+)+$' },
          email: { type: 'string', pattern: '^([a-z0-9]+\\.?)+@x\\.io$' },
        },
        { patternProperties: { '^(x+)+y$': { type: 'integer' } } },
      ),
    ],
  });

  it('reports the violation of a hostile string, and passes a good one', () => {
    expect(errorLines(plan, { code: HOSTILE })).toEqual([
      expect.stringMatching(/^\/properties\/code: properties\.code must match the pattern "\^\(a\+\)\+\$", got "aaa/),
    ]);
    expect(errorLines(plan, { email: `${'a'.repeat(30_000)}!@x.io` })).toEqual([
      expect.stringMatching(/^\/properties\/email: properties\.email must match the pattern/),
    ]);
    expect(errorLines(plan, { code: 'aaaa', email: 'ann.lee@x.io' })).toEqual([]);
  });

  it('matches a hostile property name against patternProperties', () => {
    const name = `${'x'.repeat(50_000)}z`;
    expect(errorLines(plan, { [name]: 'not checked: the name does not match' })).toEqual([]);
    expect(errorLines(plan, { xxy: 'a string' })).toEqual([
      '/properties/xxy: properties.xxy must be an integer, got "a string"',
    ]);
  });

  it('is linear in the library too, when the fast check is left out', () => {
    const rule = plan.track.get('Signed Up');
    if (!rule) throw new Error('no rule');
    const library = compileRule(rule, { fastCheck: false });
    if (!library.ok) throw new Error(library.problems.join('\n'));
    expect(library.check({ properties: { code: HOSTILE } }).map((error) => error.keyword)).toEqual(['pattern']);
    expect(library.check({ properties: { [`${'x'.repeat(50_000)}z`]: 'x' } })).toEqual([]);
  });
});

describe('patterns that cannot be matched in linear time', () => {
  it('refuses them when the plan loads, naming the pattern, where it is, and the construct', () => {
    const rule = trackRule(
      {
        password: { pattern: '^(?=.*[A-Z])(?=.*\\d).{8,}$' },
        suffix: { pattern: '(?<!test_)name$' },
        twice: { pattern: '^(\\w+)-\\1$' },
        named: { pattern: '^(?<w>[a-z]+)=\\k<w>$' },
        long: { pattern: '^.{0,5000}$' },
        nested: { pattern: '^(?:a{100}){100}$' },
        fine: { pattern: '^[a-z]{1,1000}$' },
      },
      { patternProperties: { '^(?!_)': {} } },
    );
    const because = (what: string, instead: string) =>
      `which cannot be matched in linear time (plans are matched with RE2; ${what}${instead})`;
    const split = because('write each condition as its own pattern under allOf, ', 'or a forbidden one under not');
    expect(problemsOf([rule])).toEqual([
      `rule TRACK "Signed Up": pattern "^(?!_)" at /properties/properties/patternProperties uses a lookahead, "(?!_)" at character 2, ${split}`,
      `rule TRACK "Signed Up": pattern "^(?=.*[A-Z])(?=.*\\\\d).{8,}$" at /properties/properties/properties/password/pattern uses a lookahead, "(?=.*[A-Z])" at character 2, ${split}`,
      `rule TRACK "Signed Up": pattern "(?<!test_)name$" at /properties/properties/properties/suffix/pattern uses a lookbehind, "(?<!test_)" at character 1, ${split}`,
      `rule TRACK "Signed Up": pattern "^(\\\\w+)-\\\\1$" at /properties/properties/properties/twice/pattern uses a backreference, "\\\\1" at character 8, ${because('list the allowed values with enum, ', 'or match the repeated part with a class')}`,
      `rule TRACK "Signed Up": pattern "^(?<w>[a-z]+)=\\\\k<w>$" at /properties/properties/properties/named/pattern uses a backreference, "\\\\k<w>" at character 15, ${because('list the allowed values with enum, ', 'or match the repeated part with a class')}`,
      `rule TRACK "Signed Up": pattern "^.{0,5000}$" at /properties/properties/properties/long/pattern uses a repetition count above 1000, "{0,5000}" at character 3, ${because('bound the length ', 'with minLength and maxLength')}`,
      `rule TRACK "Signed Up": pattern "^(?:a{100}){100}$" at /properties/properties/properties/nested/pattern uses a pattern too large for the linear-time matcher, "^(?:a{100}){100}$" at character 1, ${because('split it into smaller ', 'patterns under allOf')}`,
    ]);
  });

  it('refuses a rule with one when it comes from elsewhere than the loader', () => {
    const compiled = compileRule({ schema: { pattern: '^(?=a)' }, dialect: 'draft-07', target: 'message' });
    expect(compiled).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^invalid schema at \/pattern: pattern "\^\(\?=a\)" uses a lookahead/)],
    });
  });

  it('refuses inline modifiers, which the newest engines accept and RE2 reads with its own case folding', () => {
    expect(ecmaToRe2('^(?i:pro)$')).toEqual({
      ok: false,
      refusal: { kind: 'modifiers', construct: '(?i:', character: 2 },
    });
  });
});

describe('what RE2 reads differently is matched as JavaScript means it', () => {
  const cases: readonly [pattern: string, text: string, matches: boolean][] = [
    ['^\\s$', '\u000b', true], // RE2's \s has no vertical tab
    ['^\\s$', '\u00a0', true], // nor no-break space
    ['^\\s$', '\ufeff', true],
    ['^\\S+$', 'a\u2003b', false],
    ['^\\d+$', '٤٢', false], // Arabic-Indic digits are not \d in either
    ['^\\w+$', 'é', false],
    ['^.$', '\r', false], // RE2's . matches \r; JavaScript's matches no line terminator
    ['^.$', '\u2028', false],
    ['^.$', '😀', true], // one code point with u
    ['^[^]$', '\n', true],
    ['[]', '', false],
    ['^[\\b]$', '\b', true],
    ['^[[:alpha:]+$', 'ha:[', true], // JavaScript: a class of "[", ":", "a"…; RE2 would read [:alpha:]
    ['^[[:alpha:]+$', 'b', false],
    ['^\\u{1F600}$', '😀', true],
    ['^[\\uD83D\\uDE00-\\uD83D\\uDE4F]$', '🙏', true],
    ['^\\uD800$', '\ud800', true], // a lone surrogate is a code point of its own
    ['^(?<year>\\d{4})\\/(?<month>\\d{2})$', '2024/05', true],
    ['^\\p{Letter}+$', 'Ærøskøbing', true],
    ['^\\p{Script=Greek}+$', 'αβγ', true],
    ['^\\P{L}+$', '123', true],
    ['^\\p{Emoji_Presentation}$', '😀', true], // a binary property, not RE2 syntax
    ['^\\cJ\\0\\x41\\t$', '\n\0A\t', true],
    ['^a{2,3}?b$', 'aaab', true],
  ];
  it.each(cases)('%j on %j is %j', (pattern, text, matches) => {
    const compiled = compilePattern(pattern);
    expect(compiled.ok && compiled.test(text)).toBe(matches);
    expect(new RegExp(pattern, 'u').test(text)).toBe(matches);
  });
});
