// The built command's privacy guard: validate --pii and --pii-allow, redact on NDJSON and on a recorded HAR, exit codes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'track-inspector-privacy-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

const card = '{"event":"Order Completed","userId":"u1","properties":{"card_number":"4111111111111111","total":10}}';
const invite = '{"event":"Invite Sent","userId":"u1","properties":{"invitee_email":"bob@example.com"}}';
const identify = '{"type":"identify","userId":"u1","traits":{"email":"ada@example.com"}}';
const personal = file('personal.ndjson', [card, invite, identify]);

interface Result {
  readonly valid: boolean;
  readonly errors: readonly { readonly keyword: string; readonly source: string }[];
  readonly warnings: readonly {
    readonly path: string;
    readonly message: string;
    readonly keyword: string;
    readonly source: string;
  }[];
}

describe('validate --pii', () => {
  it('warns by default, masked, marked (privacy), and exits 0', () => {
    const { code, stdout } = runCli(['validate', personal]);
    expect(stdout).toBe(
      [
        'line 1 "Order Completed"',
        '  warning /properties/card_number: properties.card_number holds a payment card number: •••• 1111 (privacy)',
        'line 2 "Invite Sent"',
        '  warning /properties/invitee_email: properties.invitee_email holds an email address: b***@e***.com (privacy)',
        '3 messages: 3 valid, 0 invalid, 2 with warnings',
        '',
      ].join('\n'),
    );
    expect(stdout).not.toContain('4111111111111111');
    expect(code).toBe(0);
  });

  it('--json carries source "privacy" and keyword pii:<kind>', () => {
    const [first] = jsonLines<Result>(runCli(['validate', '--json', personal]).stdout);
    expect(first?.warnings).toEqual([
      {
        path: '/properties/card_number',
        message: 'properties.card_number holds a payment card number: •••• 1111',
        keyword: 'pii:card',
        source: 'privacy',
      },
    ]);
  });

  it('error makes them errors and exits 1; off finds nothing', () => {
    const error = runCli(['validate', '--pii', 'error', '--json', personal]);
    expect(jsonLines<Result>(error.stdout).map((r) => r.valid)).toEqual([false, false, true]);
    expect(error.code).toBe(1);
    const off = runCli(['validate', '--pii', 'off', personal]);
    expect(off.stdout).toBe('3 messages: 3 valid, 0 invalid, 0 with warnings\n');
    expect(off.code).toBe(0);
  });

  it('--pii-allow allows a field, repeatable', () => {
    const { code, stdout } = runCli([
      'validate',
      '--pii',
      'error',
      '--pii-allow',
      'track "Invite Sent" properties.invitee_email',
      '--pii-allow',
      '* properties.card_number',
      personal,
    ]);
    expect(stdout).toBe('3 messages: 3 valid, 0 invalid, 0 with warnings\n');
    expect(code).toBe(0);
  });

  it('a bad mode or rule is a usage error, exit 2, saying what is wrong', () => {
    const mode = runCli(['validate', '--pii', 'loud', personal]);
    expect(mode.stderr).toBe(
      'track-inspector: --pii must be warn, error or off, got "loud"\nRun "track-inspector --help" for usage.\n',
    );
    expect(mode.code).toBe(2);
    const rule = runCli(['validate', '--pii-allow', 'track "Invite Sent', personal]);
    expect(rule.stderr).toContain(
      `--pii-allow: allow rule "track \\"Invite Sent": the event name's quote is never closed`,
    );
    expect(rule.code).toBe(2);
  });
});

describe('track-inspector redact', () => {
  it('writes bare payloads back as bare payloads, each flagged value a token, and counts on stderr', () => {
    const { code, stdout, stderr } = runCli(['redact', personal]);
    expect(stdout.trimEnd().split('\n')).toEqual([
      card.replace('4111111111111111', `[redacted:card:${sha12('4111111111111111')}]`),
      invite.replace('bob@example.com', `[redacted:email:${sha12('bob@example.com')}]`),
      identify,
    ]);
    expect(stderr).toBe('track-inspector: 2 values redacted in 2 of 3 messages\n');
    expect(code).toBe(0);
  });

  it('reads standard input, keeps a URL but its secret values, and honours --pii-allow', () => {
    const page =
      '{"type":"page","name":"Reset","anonymousId":"a","context":{"page":{"url":"https://x.example/r?token=s3cr3t&lang=en"}}}';
    const { code, stdout } = runCli(['redact', '--pii-allow', 'track properties', '-'], {
      input: `${page}\n${invite}\n`,
    });
    expect(stdout).toBe(`${page.replace('s3cr3t', `[redacted:url-secret:${sha12('s3cr3t')}]`)}\n${invite}\n`);
    expect(code).toBe(0);
  });

  it('a panel export stays a record, with its URL redacted and validation saying what was found', () => {
    const record = {
      capturedAt: '2024-05-01T12:00:00.000Z',
      tabId: 7,
      pageUrl: 'https://app.example.com/?email=ada%40example.com',
      request: { url: 'https://api.june.so/sdk/track', method: 'POST', outcome: 'status', status: 200, error: null },
      sender: 'june',
      type: 'track',
      payload: JSON.parse(card) as unknown,
      validation: { valid: true, errors: [], warnings: [] },
    };
    const { code, stdout } = runCli(['redact', file('export.ndjson', [JSON.stringify(record)])]);
    const [line] = jsonLines<typeof record>(stdout);
    expect(line?.pageUrl).toBe(`https://app.example.com/?email=[redacted:url-secret:${sha12('ada@example.com')}]`);
    expect(line?.payload).toMatchObject({
      properties: { card_number: `[redacted:card:${sha12('4111111111111111')}]` },
    });
    expect(line?.validation.warnings).toEqual([
      expect.objectContaining({ keyword: 'pii:card', message: expect.stringContaining('•••• 1111') as unknown }),
    ]);
    expect(stdout).not.toMatch(/4111111111111111|ada%40example|ada@example/);
    expect(code).toBe(0);
  });

  it('redacts the recorded HAR: every message a record line, nothing flagged in what the SDK sent', () => {
    const har = 'test/fixtures/har/playwright-chromium.har';
    const validated = jsonLines<Result>(runCli(['validate', '--json', har]).stdout);
    const { code, stdout, stderr } = runCli(['redact', har]);
    const records = jsonLines<{ payload: unknown }>(stdout);
    expect(records).toHaveLength(validated.length);
    expect(stderr).toBe(`track-inspector: 0 values redacted in 0 of ${records.length} messages\n`);
    // The identify call's email trait is where the spec puts it: kept.
    expect(stdout).toContain('ada@example.com');
    expect(code).toBe(0);
  });

  it('a HAR with personal data in a call: redacted in the record', () => {
    const har = JSON.parse(readFileSync('test/fixtures/har/playwright-chromium.har', 'utf8')) as {
      log: { entries: { request: { url: string; postData?: { text?: string } } }[] };
    };
    const entry = har.log.entries.find((e) => e.request.postData?.text?.includes('Order Completed'));
    if (!entry?.request.postData?.text) throw new Error('the fixture has no Order Completed call');
    entry.request.postData.text = entry.request.postData.text.replace('ord_123', '4111 1111 1111 1111');
    const path = join(dir, 'planted.har');
    writeFileSync(path, JSON.stringify(har));
    const { stdout, code } = runCli(['redact', path]);
    expect(stdout).toContain(`"order_id":"[redacted:card:${sha12('4111 1111 1111 1111')}]"`);
    expect(stdout).not.toContain('4111 1111 1111 1111');
    expect(code).toBe(0);
  });

  it('leaves out a line that is not JSON, says so, exits 1; unreadable file or bad flag exits 2', () => {
    const bad = runCli(['redact', file('bad.ndjson', [invite, 'jane@example.com not json'])]);
    expect(bad.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stdout).not.toContain('jane@example.com');
    expect(bad.stderr).toBe(
      'track-inspector: line 2 is not a JSON object; left out\n' +
        'track-inspector: 1 value redacted in 1 of 1 message; 1 line left out\n',
    );
    expect(bad.code).toBe(1);
    expect(runCli(['redact', join(dir, 'missing.ndjson')]).code).toBe(2);
    expect(runCli(['redact', '--pii', 'off', personal]).code).toBe(2);
    const empty = runCli(['redact', file('empty.ndjson', [''])]);
    expect([empty.code, empty.stderr.includes('no tracking messages found')]).toEqual([1, true]);
    expect(runCli(['redact', '--allow-empty', file('empty2.ndjson', [''])]).code).toBe(0);
  });
});
