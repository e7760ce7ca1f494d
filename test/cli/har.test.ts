/**
 * The built CLI on HAR files: a HAR recorded for real by Playwright in Chromium (test/fixtures/har), and large ones
 * made to measure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli';

const RECORDED = 'test/fixtures/har/playwright-chromium.har';
const dir = mkdtempSync(join(tmpdir(), 'ti-cli-har-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `--json` prints for one message. */
interface JsonResult {
  readonly entry?: number;
  readonly line?: number;
  readonly type: string;
  readonly event: string | null;
  readonly valid: boolean;
  readonly errors: readonly { readonly message: string }[];
}
const jsonResults = (stdout: string) => jsonLines<JsonResult>(stdout);

describe('track-inspector validate on a HAR', () => {
  it('reports each tracking message by its HAR entry, skips everything else, and says which calls the HAR has no body for', () => {
    const result = runCli(['validate', RECORDED]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'entry 5 "Bad Timestamp"\n  /timestamp: timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"\n',
    );
    expect(result.stdout).toContain(
      'entry 13 (track)\n  /: the HAR has no body for this request (Chromium records none for a sendBeacon with a Blob or an ArrayBuffer)\n',
    );
    // The June SDK's anonymous calls (null userId) get a note, not a warning: only the three clock skews count.
    expect(result.stdout.trim().split('\n').at(-1)).toBe('22 messages: 15 valid, 7 invalid, 3 with warnings');

    const results = jsonResults(runCli(['validate', '--json', RECORDED]).stdout);
    expect(results.every((r) => r.entry !== undefined && r.line === undefined)).toBe(true);
    // The page, its script, blob: and metrics (/v1/m) entries are not tracking calls; a batch is a result per entry.
    expect(new Set(results.map((r) => r.entry)).size).toBe(19);
    // The multipart body, parsed.
    expect(results.find((r) => r.event === 'beacon formdata')).toMatchObject({ valid: true });
  });

  it('knows a HAR by its content, whatever its name', () => {
    const renamed = join(dir, 'capture.json');
    writeFileSync(renamed, readFileSync(RECORDED));
    expect(runCli(['validate', '--json', renamed]).stdout).toBe(runCli(['validate', '--json', RECORDED]).stdout);
  });

  it("counts a user's first-party proxy as a tracking host only with --host", () => {
    const proxied = join(dir, 'proxied.har');
    writeFileSync(
      proxied,
      readFileSync(RECORDED, 'utf8').replaceAll('https://api.june.so/sdk/', 'https://t.example.com/collect/sdk/'),
    );
    const without = jsonResults(runCli(['validate', '--json', proxied]).stdout);
    const withHost = jsonResults(runCli(['validate', '--json', '--host', 't.example.com/collect', proxied]).stdout);
    expect(withHost.length - without.length).toBeGreaterThan(5);
    expect(withHost.some((r) => r.event === 'Bad Timestamp')).toBe(true);
    const refused = runCli(['validate', '--host', 'not a host!', proxied]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--host: "not a host!" is not a host name');
  });

  it('exits 2 on a HAR that breaks off, after reporting the entries before the break', () => {
    const text = readFileSync(RECORDED, 'utf8');
    const broken = join(dir, 'broken.har');
    writeFileSync(broken, text.slice(0, text.indexOf('"invalid timestamp') - 200));
    const result = runCli(['validate', '--json', broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^track-inspector: cannot read .*broken\.har: not a complete HAR file: it ends after entry \d+ \(was it saved completely\?\)\n$/,
    );
    expect(jsonResults(result.stdout).some((r) => r.event === 'Order Completed')).toBe(true);
    const notHar = join(dir, 'not.har');
    writeFileSync(notHar, '{"something": "else"}');
    const other = runCli(['validate', notHar]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('not a HAR file: it has no log.entries');
  });

  it('plan infer drafts from a HAR as from NDJSON', () => {
    const result = runCli(['plan', 'infer', RECORDED]);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { rules: { type: string; key?: string }[] };
    expect(plan.rules.filter((r) => r.type === 'TRACK').map((r) => r.key)).toContain('Order Completed');
  });
});

describe('a large HAR', () => {
  it('streams: 120 MB of HAR validates under a 24 MB heap that could not hold it', { timeout: 120_000 }, async () => {
    const file = join(dir, 'large.har');
    const out = createWriteStream(file);
    const write = (text: string) =>
      out.write(text) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve()));
    await write(
      '{"log":{"version":"1.2","creator":{"name":"test","version":"1"},"pages":[{"id":"p1","title":"https://app.example.com/"}],"entries":[',
    );
    const asset = 'x'.repeat(30_000); // response bodies: what makes real HARs large
    let tracking = 0;
    for (let i = 0, bytes = 0; bytes < 120 * 1024 * 1024; i++) {
      const isCall = i % 4 === 0;
      if (isCall) tracking++;
      const request = isCall
        ? {
            method: 'POST',
            url: 'https://api.segment.io/v1/t',
            postData: {
              mimeType: 'text/plain',
              text: JSON.stringify({ type: 'track', event: `E${i % 40}`, userId: 'u', messageId: `m${i}` }),
            },
          }
        : { method: 'GET', url: `https://app.example.com/a${i}.js` };
      const entry = JSON.stringify({
        pageref: 'p1',
        startedDateTime: '2024-05-01T10:00:00.000Z',
        request,
        response: { status: 200, content: { text: isCall ? '{}' : asset } },
      });
      bytes += entry.length + 1;
      await write((i ? ',' : '') + entry);
    }
    await write(']}}');
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const result = runCli(['validate', file], { nodeOptions: ['--max-old-space-size=24'] });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${tracking} messages: ${tracking} valid, 0 invalid, 0 with warnings\n`);
  });
});
