// `track-inspector coverage` and `track-inspector diff`, built, on recorded HAR and NDJSON fixtures.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const HAR = 'test/fixtures/har/playwright-chromium.har';
const PLAN = 'test/fixtures/coverage/shop.plan.json';
const BASE = 'test/fixtures/coverage/base.ndjson';
const CURRENT = 'test/fixtures/coverage/current.ndjson';
const ADDED = 'test/fixtures/coverage/added.ndjson';
const dir = mkdtempSync(join(tmpdir(), 'track-inspector-coverage-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('track-inspector coverage', () => {
  it('prints a table of every rule, never seen first, the properties, the unplanned events; exits 0', () => {
    const { code, stdout, stderr } = runCli(['coverage', '--plan', PLAN, HAR]);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'Coverage of "Shop": 4 of 5 rules seen (80%), 22 messages',
      '',
      'state            type      event            seen  invalid  most common problem',
      'never-seen       track     Trial Started       0        0',
      'never-valid      track     Bad Timestamp       1        1  ' +
        'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
      'sometimes-valid  identify                      2        1  traits.email is required',
      'always-valid     track     Order Completed     1        0',
      'always-valid     page                          2        0',
    ]);
    expect(stdout).toContain(
      [
        'Planned properties never sent:',
        '  "Order Completed": coupon',
        '  identify: name',
        'Required properties missing at least once:',
        '  identify: email',
      ].join('\n'),
    );
    expect(stdout).toContain('Unplanned events (not in the plan):\n  type   event              seen\n');
    expect(stdout).toContain('  track  fetch json            1\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('--json prints exactly the report object: plan, coverage, rules in plan order, unplanned', () => {
    const { code, stdout } = runCli(['coverage', '--plan', PLAN, '--json', HAR]);
    const report = JSON.parse(stdout) as Record<string, unknown> & { rules: unknown[]; unplanned: unknown[] };
    expect(Object.keys(report)).toEqual(['plan', 'coverage', 'rules', 'unplanned']);
    expect(report.plan).toBe('Shop');
    expect(report.coverage).toBe(0.8);
    expect(report.rules).toEqual([
      {
        type: 'track',
        name: 'Order Completed',
        state: 'always-valid',
        seen: 1,
        invalid: 0,
        topProblem: null,
        properties: { neverSeen: ['coupon'], requiredMissing: [] },
      },
      {
        type: 'track',
        name: 'Bad Timestamp',
        state: 'never-valid',
        seen: 1,
        invalid: 1,
        topProblem: 'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        properties: { neverSeen: [], requiredMissing: [] },
      },
      {
        type: 'track',
        name: 'Trial Started',
        state: 'never-seen',
        seen: 0,
        invalid: 0,
        topProblem: null,
        properties: { neverSeen: [], requiredMissing: [] },
      },
      {
        type: 'identify',
        name: null,
        state: 'sometimes-valid',
        seen: 2,
        invalid: 1,
        topProblem: 'traits.email is required',
        properties: { neverSeen: ['name'], requiredMissing: ['email'] },
      },
      {
        type: 'page',
        name: null,
        state: 'always-valid',
        seen: 2,
        invalid: 0,
        topProblem: null,
        properties: { neverSeen: [], requiredMissing: [] },
      },
    ]);
    expect(report.unplanned).toHaveLength(10);
    expect(report.unplanned[0]).toEqual({ type: 'track', name: 'beacon formdata', seen: 1 });
    expect(code).toBe(0);
  });

  it('--markdown prints GitHub tables with the properties as columns', () => {
    const { stdout } = runCli(['coverage', '--plan', PLAN, '--markdown', HAR]);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      '**Coverage of "Shop": 4 of 5 rules seen (80%), 22 messages**',
      '',
      '| state | type | event | seen | invalid | most common problem | planned, never sent | required, missing |',
      '| --- | --- | --- | ---: | ---: | --- | --- | --- |',
      '| never-seen | track | Trial Started | 0 | 0 |  |  |  |',
      '| never-valid | track | Bad Timestamp | 1 | 1 | ' +
        'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01" |  |  |',
    ]);
    expect(stdout).toContain('| sometimes-valid | identify |  | 2 | 1 | traits.email is required | name | email |');
  });

  it('--min: exits 1 below it (on stderr), 0 at it', () => {
    const below = runCli(['coverage', '--plan', PLAN, '--min', '81', '--json', HAR]);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe('track-inspector: coverage 80% is below --min 81%\n');
    expect(JSON.parse(below.stdout)).toMatchObject({ coverage: 0.8 });
    expect(runCli(['coverage', '--plan', PLAN, '--min', '80', HAR]).code).toBe(0);
  });

  it('reads several files as one capture, and standard input; --strict judges as validate does', () => {
    const plan = file(
      'invite.plan.json',
      JSON.stringify({ name: 'Invites', rules: [{ type: 'TRACK', key: 'Invite Sent', jsonSchema: {} }] }),
    );
    const anonymous = '{"event":"Invite Sent","userId":null,"anonymousId":"a1"}\n';
    const report = (args: string[], input?: string) =>
      JSON.parse(runCli(['coverage', '--plan', plan, '--json', ...args], { input }).stdout) as {
        coverage: number;
        rules: { state: string; seen: number }[];
      };
    expect(report([BASE, CURRENT]).rules[0]).toMatchObject({ state: 'always-valid', seen: 1 });
    expect(report([], anonymous).rules[0]).toMatchObject({ state: 'always-valid', seen: 1 });
    expect(report(['--strict', '-'], anonymous).rules[0]).toMatchObject({ state: 'never-valid', seen: 1 });
    expect(report([CURRENT]).coverage).toBe(0);
  });

  it('never lets a control character of the input reach the terminal', () => {
    const sent = file('escape.ndjson', '{"event":"Evil\\u001b[2J","userId":"u"}\n');
    const { stdout } = runCli(['coverage', '--plan', PLAN, sent]);
    expect(stdout).toContain('Evil\\u001b[2J');
    expect(stdout).not.toContain('\u001b');
  });

  it('exits 2 for a plan that cannot be used, an unreadable file, and usage errors', () => {
    const bad = runCli(['coverage', '--plan', file('bad.plan.json', '{"rules": 3}'), HAR]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^track-inspector: .*bad\.plan\.json: not a tracking plan: no rules found/);
    expect(bad.stdout).toBe('');
    const missing = runCli(['coverage', '--plan', PLAN, join(dir, 'missing.ndjson')]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `track-inspector: cannot read ${join(dir, 'missing.ndjson')}: ENOENT\n`,
    ]);
    const locked = file('locked.ndjson', '{}\n');
    chmodSync(locked, 0o000);
    if (process.getuid?.() !== 0) expect(runCli(['coverage', '--plan', PLAN, locked]).code).toBe(2);
    const usage = (args: string[]) => runCli(['coverage', ...args]).stderr.split('\n')[0];
    expect(usage([HAR])).toBe('track-inspector: coverage needs --plan PLAN');
    expect(usage(['--plan', PLAN, '--min', 'most'])).toBe(
      'track-inspector: --min must be a percentage from 0 to 100, got "most"',
    );
    expect(usage(['--plan', PLAN, '--min', '101'])).toBe(
      'track-inspector: --min must be a percentage from 0 to 100, got "101"',
    );
    expect(usage(['--plan', PLAN, '--json', '--markdown'])).toBe(
      'track-inspector: --json and --markdown cannot be combined',
    );
    expect(runCli(['coverage', '--plan', PLAN, '--quiet']).code).toBe(2);
  });
});

describe('track-inspector diff', () => {
  it('prints a table of what was removed, changed, got worse and added, and exits 1', () => {
    const { code, stdout } = runCli(['diff', BASE, CURRENT]);
    expect(stdout).toBe(
      [
        'change            type      event            path                    before          after           most common new problem',
        'event removed     track     Invite Sent                              1 message',
        'property removed  track     Order Completed  properties.items[].qty  integer',
        'type changed      track     Signed Up        properties.seats        integer         string',
        'property added    identify                   traits.name                             string',
        'got worse         track     Order Completed                          0 of 1 invalid  2 of 2 invalid  ' +
          'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        'event added       track     Trial Started                                            1 message',
        '',
        '1 event removed, 1 added; 3 property changes (1 added); 1 event got worse',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('--json prints the diff in its documented shape', () => {
    const { code, stdout } = runCli(['diff', '--json', BASE, CURRENT]);
    expect(JSON.parse(stdout)).toEqual({
      events: {
        added: [{ type: 'track', name: 'Trial Started', seen: 1 }],
        removed: [{ type: 'track', name: 'Invite Sent', seen: 1 }],
      },
      properties: [
        { type: 'identify', name: null, path: 'traits.name', change: 'added', before: [], after: ['string'] },
        {
          type: 'track',
          name: 'Order Completed',
          path: 'properties.items[].qty',
          change: 'removed',
          before: ['integer'],
          after: [],
        },
        {
          type: 'track',
          name: 'Signed Up',
          path: 'properties.seats',
          change: 'type-changed',
          before: ['integer'],
          after: ['string'],
        },
      ],
      verdicts: [
        {
          type: 'track',
          name: 'Order Completed',
          before: { seen: 1, invalid: 0 },
          after: { seen: 2, invalid: 2 },
          topProblem: 'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        },
      ],
    });
    expect(code).toBe(1);
  });

  it('--markdown, and exit 0 when CURRENT only adds', () => {
    const { code, stdout } = runCli(['diff', '--markdown', BASE, ADDED]);
    expect(stdout).toBe(
      [
        '**0 events removed, 1 added; 1 property change (1 added); 0 events got worse**',
        '',
        '| change | type | event | path | before | after | most common new problem |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| property added | track | Signed Up | properties.coupon |  | string |  |',
        '| event added | track | Trial Started |  |  | 1 message |  |',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('exits 1 on a removed property alone, and on a type change alone', () => {
    const base = file('seats.ndjson', '{"event":"E","userId":"u","properties":{"seats":3,"plan":"pro"}}\n');
    const removed = file('no-plan.ndjson', '{"event":"E","userId":"u","properties":{"seats":3}}\n');
    const changed = file('text-seats.ndjson', '{"event":"E","userId":"u","properties":{"seats":"3","plan":"pro"}}\n');
    expect(runCli(['diff', base, removed]).code).toBe(1);
    expect(runCli(['diff', base, changed]).code).toBe(1);
    expect(runCli(['diff', base, base]).code).toBe(0);
  });

  it('compares a HAR with an NDJSON capture, and reads one of them from standard input', () => {
    const same = runCli(['diff', HAR, HAR]);
    expect([same.code, same.stdout]).toEqual([
      0,
      '0 events removed, 0 added; 0 property changes (0 added); 0 events got worse\n',
    ]);
    const { code, stdout } = runCli(['diff', '--json', HAR, '-'], { input: readFileSync(BASE, 'utf8') });
    const diff = JSON.parse(stdout) as { events: { removed: { name: string | null }[] } };
    expect(diff.events.removed.map((e) => e.name)).toContain('Bad Timestamp');
    expect(code).toBe(1);
  });

  it('exits 2 for an unreadable capture and for usage errors', () => {
    expect(runCli(['diff', BASE, join(dir, 'nope.ndjson')]).code).toBe(2);
    const binary = file('capture.gz', '\u0000\u0001\u0002binary');
    const unreadable = runCli(['diff', BASE, binary]);
    expect([unreadable.code, unreadable.stderr]).toEqual([
      2,
      `track-inspector: cannot read ${binary}: not NDJSON or HAR: it is not text\n`,
    ]);
    expect(runCli(['diff', BASE]).stderr).toMatch(/^track-inspector: diff needs two captures: BASE CURRENT\n/);
    expect(runCli(['diff', BASE, CURRENT, ADDED]).code).toBe(2);
    expect(runCli(['diff', '-', '-']).stderr).toMatch(
      /^track-inspector: diff reads standard input for one capture at most/,
    );
  });
});
