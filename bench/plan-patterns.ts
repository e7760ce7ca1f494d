/**
 * What matching a plan's patterns costs (part of `npm run bench`): the linear-time matcher the plan
 * check uses (core/plan/pattern/), beside JavaScript's backtracking RegExp on the same patterns and
 * strings in the same run, on patterns plans are written with and short strings pages send. The hostile
 * case has no baseline: the RegExp would not finish.
 */
import { performance } from 'node:perf_hooks';
import { compilePattern } from '../src/core/plan/pattern/linear-pattern';

const CASES: readonly [name: string, pattern: string, strings: readonly string[]][] = [
  ['currency code', '^[A-Z]{3}$', ['EUR', 'usd', 'GBPX']],
  ['email', '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', ['ann.lee@example.com', 'not an email', 'a@b']],
  [
    'ISO date-time',
    '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
    ['2024-05-01T10:00:00Z'],
  ],
];
const ROUNDS = 200_000;

function perSecond(test: (text: string) => boolean, strings: readonly string[]): number {
  let matched = 0;
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const text of strings) if (test(text)) matched++;
  const seconds = (performance.now() - start) / 1000;
  return matched >= 0 ? (ROUNDS * strings.length) / seconds : 0;
}

const millions = (rate: number) => `${(rate / 1e6).toFixed(2)} M tests/s`;

export function planPatternsBench(): string[] {
  const lines = CASES.map(([name, pattern, strings]) => {
    const linear = compilePattern(pattern);
    if (!linear.ok) throw new Error(linear.problem);
    const regexp = new RegExp(pattern, 'u');
    const linearRate = Math.max(perSecond(linear.test, strings), perSecond(linear.test, strings));
    const regexpRate = Math.max(
      perSecond((text) => regexp.test(text), strings),
      perSecond((text) => regexp.test(text), strings),
    );
    return `plan pattern, ${name}: ${millions(linearRate)} linear-time; JavaScript RegExp ${millions(regexpRate)} (ratio ${(linearRate / regexpRate).toFixed(2)})`;
  });
  const hostile = compilePattern('^(a+)+$');
  if (!hostile.ok) throw new Error(hostile.problem);
  const text = `${'a'.repeat(100_000)}b`;
  const start = performance.now();
  hostile.test(text);
  lines.push(
    `plan pattern ^(a+)+$ on 100,000 a's and a b: ${(performance.now() - start).toFixed(1)} ms linear-time (RegExp: never finishes)`,
  );
  return lines;
}
