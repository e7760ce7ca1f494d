// The built `track-inspector` command, run as users run it: a child process on Node.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'track-inspector-cli-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
/** What `--json` prints for one line. */
interface JsonResult {
  readonly line: number;
  readonly valid: boolean;
  readonly type: string | null;
  readonly event: string | null;
  readonly errors: readonly { readonly path: string; readonly message: string; readonly keyword: string }[];
  readonly warnings: readonly { readonly path: string; readonly message: string; readonly keyword: string }[];
  readonly notes?: readonly { readonly path: string; readonly message: string; readonly keyword: string }[];
}
const jsonResults = (stdout: string) => jsonLines<JsonResult>(stdout);

const valid = file('valid.ndjson', [
  '{"event":"Signed Up","userId":"u1","timestamp":"2024-05-01T10:00:00Z"}',
  '',
  '{"type":"identify","userId":"u1","traits":{"plan":"pro"}}',
]);
const mixed = file('mixed.ndjson', [
  '{"event":"Order Completed","userId":"u1","properties":{"total":10}}',
  '{"event":"Order Completed","userId":"u1","timestamp":"2024-05-01"}',
  'this is not json',
  '{"type":"group","userId":"u1"}',
  '{"event":"Anonymous","userId":null,"anonymousId":"a1"}',
]);

describe('track-inspector validate', () => {
  it('exits 0 and summarises when everything is valid', () => {
    const { code, stdout } = runCli(['validate', valid]);
    expect(stdout).toBe('2 messages: 2 valid, 0 invalid, 0 with warnings\n');
    expect(code).toBe(0);
  });

  it('reports each invalid message by line with its errors, then the totals, and exits 1', () => {
    const { code, stdout } = runCli(['validate', mixed]);
    expect(stdout).toBe(
      [
        'line 2 "Order Completed"',
        '  /timestamp: timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        'line 3',
        `  /: line 3 is not valid JSON: Unexpected token 'h', "this is not json" is not valid JSON`,
        'line 4 (group)',
        '  /groupId: groupId is required',
        // The anonymous message's null userId is a note (see --json), not a warning.
        '5 messages: 2 valid, 3 invalid, 0 with warnings',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('--json prints exactly one result per non-blank line, in order', () => {
    const { code, stdout } = runCli(['validate', '--json', mixed]);
    const results = jsonResults(stdout);
    expect(results.map((r) => [r.line, r.valid, r.type, r.event])).toEqual([
      [1, true, 'track', 'Order Completed'],
      [2, false, 'track', 'Order Completed'],
      [3, false, null, null],
      [4, false, 'group', null],
      [5, true, 'track', 'Anonymous'],
    ]);
    expect(Object.keys(results[0] ?? {})).toEqual(['line', 'valid', 'type', 'event', 'errors', 'warnings']);
    // How default mode read the anonymous message is a note, beside the warnings and only where there is one.
    expect(Object.keys(results[4] ?? {})).toEqual(['line', 'valid', 'type', 'event', 'errors', 'warnings', 'notes']);
    expect(results[4]?.warnings).toEqual([]);
    expect(results[4]?.notes).toEqual([
      {
        path: '/userId',
        message:
          'userId is null; treated as absent (the June SDK sends null for anonymous visitors). ' +
          'Strict mode reports it as an error.',
        keyword: 'identity:null',
        source: 'schema',
      },
    ]);
    expect(code).toBe(1);
  });

  it('--strict rejects the null userId the June SDK sends', () => {
    const { stdout } = runCli(['validate', '--strict', '--json', mixed]);
    expect(jsonResults(stdout)[4]?.errors[0]?.message).toBe('userId must be a string, got null');
  });

  it('reads standard input with no file or with -', () => {
    const input = '{"event":"E","anonymousId":"a"}\n';
    expect(runCli(['validate'], { input }).stdout).toBe('1 message: 1 valid, 0 invalid, 0 with warnings\n');
    expect(runCli(['validate', '-'], { input }).code).toBe(0);
  });

  it('reads records exported by the panel, re-validating them', () => {
    const exported = JSON.stringify({
      capturedAt: '2024-05-01T12:00:00.000Z',
      tabId: 3,
      pageUrl: 'http://127.0.0.1/',
      sender: 'june',
      request: { url: 'https://api.june.so/sdk/b', method: 'POST', outcome: 'status', status: 200, error: null },
      type: 'track',
      payload: { event: 'E', userId: 'u', timestamp: '2024-05-09T12:00:00Z' },
      batch: { index: 1, count: 1, inherited: { context: 'bad' } },
      validation: { valid: true, errors: [], warnings: [] },
    });
    const { stdout } = runCli(['validate', '--json', '-'], { input: exported + '\n' });
    const [result] = jsonResults(stdout);
    expect(result?.errors[0]?.message).toBe('context must be an object, got "bad" (inherited from the batch)');
    expect(result?.warnings[0]?.message).toBe('timestamp is 8 days in the future relative to capture time');
  });

  it('ignores a UTF-8 byte order mark at the start of a file, and only there', () => {
    const path = join(dir, 'bom.ndjson');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('{"event":"First","userId":"u1"}\r\n\uFEFF{"event":"Second","userId":"u1"}\r\n'),
      ]),
    );
    const { code, stdout } = runCli(['validate', '--json', path]);
    const results = jsonResults(stdout);
    expect(results[0]).toMatchObject({ line: 1, valid: true, event: 'First' });
    // A BOM that does not open the file is data: line 2 is not JSON.
    expect(results[1]).toMatchObject({ line: 2, valid: false });
    expect(results[1]?.errors[0]?.message).toMatch(/^line 2 is not valid JSON/);
    expect(code).toBe(1);
  });

  it('names the file when given several', () => {
    expect(runCli(['validate', valid, mixed]).stdout).toMatch(
      new RegExp(`^${mixed.replace(/[.]/g, '\\.')}:2 "Order Completed"`, 'm'),
    );
  });

  it('exits 2 with a message on stderr for usage errors and unreadable files', () => {
    const outcomes = [
      runCli(['validate', join(dir, 'missing.ndjson')]),
      runCli(['validate', '--nope']),
      runCli(['lint']),
      runCli(['--help']),
    ];
    expect(outcomes.map(({ code }) => code)).toEqual([2, 2, 2, 0]);
    expect(outcomes[0]?.stderr).toMatch(/cannot read .*missing\.ndjson: ENOENT/);
    expect(outcomes[1]?.stderr).toMatch(/unknown option "--nope"/);
    expect(outcomes[2]?.stderr).toMatch(/unknown command "lint"/);
    expect(outcomes[3]?.stdout).toMatch(/^Usage: track-inspector validate/);
    // The error stays in sight: a pointer to the help, not the whole help after it.
    expect(outcomes[1]?.stderr).toBe(
      'track-inspector: unknown option "--nope"\nRun "track-inspector --help" for usage.\n',
    );
  });

  it('refuses input that is not text, and shows the control characters of the input it reports', () => {
    const binary = join(dir, 'capture.ndjson.gz');
    writeFileSync(binary, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a]));
    const refused = runCli(['validate', binary]);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toBe(`track-inspector: cannot read ${binary}: not NDJSON or HAR: it is not text\n`);
    const escaping = join(dir, 'escaping.ndjson');
    writeFileSync(escaping, '{"event":"Evil\\u001b[31mRed","userId":"u","timestamp":"x\\u0007"}\n');
    expect(runCli(['validate', escaping]).stdout).toBe(
      [
        'line 1 "Evil\\u001b[31mRed"',
        '  /timestamp: timestamp must be an ISO 8601 date-time with a time zone, got "x\\u0007"',
        '1 message: 0 valid, 1 invalid, 0 with warnings',
        '',
      ].join('\n'),
    );
  });

  it('reads a file that is one JSON document (an array of messages, or one pretty-printed) message by message', () => {
    const array = join(dir, 'messages.json');
    const messages = [
      { type: 'track', event: 'Signed Up', userId: 'u1' },
      { type: 'track', event: 'Order Completed', userId: 'u1', timestamp: 'yesterday' },
      5,
    ];
    writeFileSync(array, JSON.stringify(messages, null, 2));
    const result = runCli(['validate', array]);
    expect([result.code, result.stdout]).toEqual([
      1,
      [
        'message 2 "Order Completed"',
        '  /timestamp: timestamp must be an ISO 8601 date-time with a time zone, got "yesterday"',
        'message 3',
        '  /: message 3 is not a JSON object (got 5)',
        '3 messages: 1 valid, 2 invalid, 0 with warnings',
        '',
      ].join('\n'),
    ]);
    const one = join(dir, 'one.json');
    writeFileSync(one, JSON.stringify({ type: 'identify', userId: 'u1', traits: { plan: 'pro' } }, null, 2));
    expect(jsonLines(runCli(['validate', '--json', one]).stdout)).toEqual([
      { item: 1, valid: true, type: 'identify', event: null, errors: [], warnings: [] },
    ]);
    const inferred = runCli(['plan', 'infer', array]);
    expect(inferred.stderr).toBe('track-inspector: message 3 is not a JSON object (got 5); skipped\n');
    expect(JSON.parse(inferred.stdout)).toMatchObject({ rules: [{ key: 'Order Completed' }, { key: 'Signed Up' }] });
  });

  it("says a lint warning's source is lint, in --json", () => {
    const drifting = join(dir, 'drift.ndjson');
    const signedUp = (plan: unknown) => JSON.stringify({ event: 'Signed Up', userId: 'u1', properties: { plan } });
    writeFileSync(drifting, [signedUp('pro'), signedUp(3)].join('\n') + '\n');
    const [, second] = jsonLines<{ warnings: { keyword: string; source: string }[] }>(
      runCli(['validate', '--json', drifting]).stdout,
    );
    expect(second?.warnings.map(({ keyword, source }) => `${keyword} ${source}`)).toEqual(['lint:type-drift lint']);
  });

  it('fails a capture with no tracking message in it, unless --allow-empty accepts it', () => {
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '\n');
    const validate = runCli(['validate', empty]);
    expect([validate.code, validate.stdout, validate.stderr]).toEqual([
      1,
      '0 messages: 0 valid, 0 invalid, 0 with warnings\n',
      'track-inspector: no tracking messages found (--allow-empty accepts that)\n',
    ]);
    expect(runCli(['validate', '--allow-empty', empty]).code).toBe(0);
    const infer = runCli(['plan', 'infer', empty]);
    expect([infer.code, infer.stdout]).toEqual([1, '']);
    expect(infer.stderr).toMatch(/no tracking messages found/);
    const allowed = runCli(['plan', 'infer', '--allow-empty', empty]);
    expect(allowed.code).toBe(0);
    expect((JSON.parse(allowed.stdout) as { rules: unknown[] }).rules).toEqual([]);
  });
});

describe('large inputs', () => {
  it('streams: a 45 MB file validates under a 24 MB heap that could not hold it', { timeout: 120_000 }, () => {
    const path = join(dir, 'large.ndjson');
    const line = (i: number) =>
      JSON.stringify({
        event: 'Order Completed',
        userId: `u${i % 500}`,
        messageId: `m-${i}`,
        properties: { total: i, note: 'x'.repeat(200) },
      });
    const chunk = Array.from({ length: 1000 }, (_, i) => line(i)).join('\n') + '\n';
    writeFileSync(path, '');
    for (let i = 0; i < 150; i++) writeFileSync(path, chunk, { flag: 'a' });
    // --quiet: the 149,000 retry warnings would be 149,000 entries of the report.
    const result = runCli(['validate', '--quiet', path], { nodeOptions: ['--max-old-space-size=24'] });
    expect(result.stderr).toBe('');
    // 150 copies of the same 1,000 messageIds: every copy after the first is a retry warning.
    expect(result.stdout).toBe('150000 messages: 150000 valid, 0 invalid, 149000 with warnings\n');
    expect(result.code).toBe(0);
  });
});

describe('track-inspector plan infer', () => {
  const lines = [
    '{"event":"Signed Up","userId":"u1","properties":{"plan":"pro","seats":3}}',
    '{"event":"Signed Up","userId":"u2","properties":{"plan":"team"}}',
    '{"type":"identify","userId":"u1","traits":{"email":"a@example.com"}}',
    '{"event":"Order Completed","userId":"u1","properties":{"total":9.5,"coupon":null}}',
  ];

  it('drafts a plan from NDJSON, the same bytes whatever the order, and names bad lines without stopping', () => {
    const forward = runCli(['plan', 'infer', '--name', 'Acme', file('infer-a.ndjson', lines)]);
    const backward = runCli([
      'plan',
      'infer',
      '--name',
      'Acme',
      file('infer-b.ndjson', ['not json', ...[...lines].reverse()]),
    ]);
    expect(forward.code).toBe(0);
    expect(backward.stdout).toBe(forward.stdout);
    expect(backward.stderr).toMatch(/^track-inspector: line 1 is not valid JSON: .*; skipped\n$/);
    const plan = JSON.parse(forward.stdout) as {
      name: string;
      rules: { type: string; key?: string; jsonSchema: { properties: Record<string, unknown> } }[];
    };
    expect(plan.name).toBe('Acme');
    expect(plan.rules.map((r) => `${r.type} ${r.key ?? ''}`.trim())).toEqual([
      'TRACK Order Completed',
      'TRACK Signed Up',
      'IDENTIFY',
    ]);
    expect(plan.rules[0]?.jsonSchema.properties['properties']).toEqual({
      properties: { coupon: { type: 'null' }, total: { type: 'number' } },
      required: ['coupon', 'total'],
      type: 'object',
    });
  });

  it('says on stderr what in the draft looks like a mistake, the plan on stdout untouched (issue 21, item 11)', () => {
    const variant = '{"event":"Signed up","userId":"u3","properties":{"plan":"pro","seats":"3"}}';
    const drafted = runCli(['plan', 'infer', file('infer-doubts.ndjson', [...lines, variant])]);
    expect(drafted.code).toBe(0);
    expect(() => JSON.parse(drafted.stdout) as unknown).not.toThrow();
    expect(drafted.stderr).toBe(
      'track-inspector: check the draft: "Signed Up" and "Signed up" differ only in case or spacing: one rule each was drafted; keep the one you mean\n',
    );
  });

  it('reads standard input, and refuses an unknown subcommand', () => {
    expect(JSON.parse(runCli(['plan', 'infer'], { input: lines.join('\n') }).stdout)).toMatchObject({
      name: 'Draft tracking plan',
    });
    const unknown = runCli(['plan', 'check']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown plan subcommand "check"/);
  });
});

describe('track-inspector validate --plan', () => {
  const plan = file('acme-plan.json', [
    JSON.stringify({
      name: 'Acme',
      rules: [
        {
          type: 'TRACK',
          key: 'Signed Up',
          version: 1,
          jsonSchema: {
            type: 'object',
            properties: {
              properties: { type: 'object', properties: { plan: { enum: ['free', 'pro'] } }, required: ['plan'] },
            },
          },
        },
      ],
    }),
  ]);
  const capture = file('acme.ndjson', [
    '{"event":"Signed Up","userId":"u","properties":{"plan":"pro"}}',
    '{"event":"Signed Up","userId":"u","properties":{}}',
    '{"event":"Signed up","userId":"u"}',
  ]);

  it('reports plan errors with their source, and an unplanned event as a warning naming the nearest planned one', () => {
    const { code, stdout } = runCli(['validate', '--plan', plan, '--json', capture]);
    const results = jsonResults(stdout);
    expect(results.map((r) => r.valid)).toEqual([true, false, true]);
    expect(results[1]?.errors).toEqual([
      { path: '/properties/plan', message: 'properties.plan is required', keyword: 'required', source: 'plan' },
    ]);
    expect(results[2]?.warnings).toEqual([
      {
        path: '/event',
        message: '"Signed up" is not in the tracking plan "Acme"; did you mean "Signed Up"?',
        keyword: 'plan:unplanned',
        source: 'plan',
      },
    ]);
    expect(code).toBe(1);
  });

  it('lists messages with warnings in the report too, a did-you-mean among them; --quiet lists invalid ones only', () => {
    const late = JSON.stringify({ event: 'Signed Up', userId: 'u', properties: {}, timestamp: '2024-05-20T12:00:00Z' });
    const exported = (payload: string) =>
      `{"capturedAt":"2024-05-01T12:00:00.000Z","tabId":1,"pageUrl":"","request":{},"type":"track","payload":${payload}}`;
    const withWarnings = file('acme-warnings.ndjson', [
      '{"event":"Signed Up","userId":"u","properties":{"plan":"pro"}}',
      '{"event":"Signed up","userId":"u"}',
      // Invalid for the plan, and sent 19 days after it was captured: an error and a warning.
      exported(late),
      '{"event":"Signed Up","userId":null,"anonymousId":"a","properties":{"plan":"free"}}',
    ]);
    const full = runCli(['validate', '--plan', plan, withWarnings]);
    expect([full.code, full.stdout]).toEqual([
      1,
      [
        'line 2 "Signed up"',
        '  warning /event: "Signed up" is not in the tracking plan "Acme"; did you mean "Signed Up"? (plan)',
        'line 3 "Signed Up"',
        '  /properties/plan: properties.plan is required (plan)',
        '  warning /timestamp: timestamp is 19 days in the future relative to capture time',
        // The anonymous message's note is not a warning: line 4 is not listed.
        '4 messages: 3 valid, 1 invalid, 2 with warnings',
        '',
      ].join('\n'),
    ]);
    const quiet = runCli(['validate', '--quiet', '--plan', plan, withWarnings]);
    expect([quiet.code, quiet.stdout]).toEqual([
      1,
      [
        'line 3 "Signed Up"',
        '  /properties/plan: properties.plan is required (plan)',
        '4 messages: 3 valid, 1 invalid, 2 with warnings',
        '',
      ].join('\n'),
    ]);
    // Warnings alone still pass; --quiet changes the report, not the verdict, and --json prints every message.
    const valid = file('acme-valid-with-warning.ndjson', ['{"event":"Signed up","userId":"u"}']);
    expect(runCli(['validate', '--plan', plan, valid]).code).toBe(0);
    expect(runCli(['validate', '--quiet', '--plan', plan, valid]).stdout).toBe(
      '1 message: 1 valid, 0 invalid, 1 with warnings\n',
    );
    expect(jsonResults(runCli(['validate', '--quiet', '--json', '--plan', plan, withWarnings]).stdout)).toHaveLength(4);
  });

  it('makes an unplanned event an error with --unplanned error, and says (plan) in the report', () => {
    const { stdout } = runCli(['validate', '--plan', plan, '--unplanned', 'error', capture]);
    expect(stdout).toContain(
      'line 3 "Signed up"\n  /event: "Signed up" is not in the tracking plan "Acme"; did you mean "Signed Up"? (plan)\n',
    );
  });

  it('refuses a bad plan file with one line per problem and exit 2', () => {
    const remote = file('remote-plan.json', [
      JSON.stringify({ rules: [{ type: 'TRACK', key: 'E', jsonSchema: { $ref: 'https://example.com/s.json' } }] }),
    ]);
    const result = runCli(['validate', '--plan', remote, capture]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^track-inspector: .*remote-plan\.json: .*remote \$ref "https:\/\/example\.com\/s\.json" is not allowed.*\n$/,
    );
    expect(runCli(['validate', '--plan', plan, '--unplanned', 'maybe', capture]).stderr).toMatch(
      /--unplanned must be warn or error, got "maybe"/,
    );
  });

  it('round trip: a plan drafted from a capture passes that capture, and a changed property type fails at its path', () => {
    const messages = [
      '{"event":"Paid","userId":"u","properties":{"amount":12,"currency":"EUR"}}',
      '{"type":"identify","userId":"u","traits":{"email":"a@example.com"}}',
    ];
    const drafted = join(dir, 'drafted-plan.json');
    writeFileSync(drafted, runCli(['plan', 'infer', file('paid.ndjson', messages)]).stdout);
    expect(runCli(['validate', '--plan', drafted, file('paid-again.ndjson', messages)]).code).toBe(0);
    const changed = jsonResults(
      runCli([
        'validate',
        '--plan',
        drafted,
        '--json',
        file('paid-changed.ndjson', ['{"event":"Paid","userId":"u","properties":{"amount":"12","currency":"EUR"}}']),
      ]).stdout,
    );
    expect(changed[0]?.errors.map((e) => [e.path, e.message])).toEqual([
      ['/properties/amount', 'properties.amount must be an integer, got "12"'],
    ]);
  });
});
