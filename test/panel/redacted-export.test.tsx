/**
 * Export NDJSON (redacted), issue 19: the file holds every flagged value replaced by its token, exactly as
 * `track-inspector redact` writes it for the panel's own export of the same capture (the CLI's command run here, on
 * its standard input), with the user's allow rules; the capture in the panel stays as it was.
 */
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { runRedact } from '../../src/cli/redact-command';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../src/shared/settings/validation-mode';
import { click, textsIn } from './dom';
import { captured, USER_MODE } from './fixtures';
import { mountPanel, panelRoot } from './mount';

const INVITE = 'track "Invite Sent" properties.invitee_email';
const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

const root = panelRoot();
afterEach(() => vi.restoreAllMocks());
const texts = textsIn(root);
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

/** A session with personal data in properties, nested, in a URL, in a batch's context, and in the page's own URL. */
const sent = (mode: ValidationMode): TimelineEntry[] => [
  ...captured(
    {
      event: 'Order Completed',
      userId: 'u1',
      properties: { card_number: '4111111111111111', total: 42.5, buyer: { contact: 'jane@example.com' } },
      context: { page: { url: 'https://app.example.com/reset?token=abc123&lang=en' } },
    },
    { mode, pageUrl: 'https://app.example.com/reset?token=abc123&lang=en' },
  ),
  ...captured({ event: 'Invite Sent', userId: 'u1', properties: { invitee_email: 'bob@example.com' } }, { mode }),
  ...captured(
    {
      batch: [
        { type: 'track', event: 'Signed Up', userId: 'u2' },
        { type: 'page', name: 'Pricing', userId: 'u2', context: { page: { path: '/pricing' } } },
      ],
      context: { page: { url: 'https://app.example.com/welcome?email=jane%40example.com' } },
    },
    { mode, callType: 'batch' },
  ),
  ...captured({ event: 'Viewed', userId: 'u2', properties: { sku: 'A-1', order_id: '4111111111111112' } }, { mode }),
];

/** Clicks a toolbar button that downloads a file, and returns the file's name and text. */
async function download(label: string): Promise<{ name: string; text: string }> {
  let blob: Blob | undefined;
  let name = '';
  const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((made) => ((blob = made as Blob), 'blob:x'));
  const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  await click(button(label));
  created.mockRestore();
  clicked.mockRestore();
  return { name, text: blob ? await blob.text() : '' };
}

/** `track-inspector redact ARGS -` on `input`, as the CLI runs it: what it writes on stdout, and its exit code. */
async function cliRedact(args: readonly string[], input: string): Promise<{ stdout: string; code: number }> {
  const parsed = parseArgs(['redact', ...args, '-']);
  if (parsed.kind !== 'redact') throw new Error(`not a redact command line: ${parsed.kind}`);
  let stdout = '';
  const sink = (write: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        write(String(chunk));
        done();
      },
    });
  const io = { stdin: Readable.from([input]), stdout: sink((text) => (stdout += text)), stderr: sink(() => {}) };
  const code = await runRedact(parsed.args, io);
  return { stdout, code };
}

describe('Export NDJSON (redacted)', () => {
  it("writes what the CLI's redact writes for the same capture, and says what it replaced", async () => {
    await mountPanel(root, sent(USER_MODE), USER_MODE.summary);
    const raw = await download('Export NDJSON');
    const redacted = await download('Export NDJSON (redacted)');
    expect(redacted.name).toMatch(/^track-inspector-app\.example\.com-\d{8}-\d{6}-redacted\.ndjson$/);

    const cli = await cliRedact([], raw.text);
    expect(cli.code).toBe(0);
    expect(redacted.text).toBe(cli.stdout);

    expect(raw.text).toContain('4111111111111111');
    for (const secret of ['4111111111111111', 'jane@example.com', 'jane%40example.com', 'bob@example.com', 'abc123'])
      expect(redacted.text).not.toContain(secret);
    const [order] = redacted.text.split('\n').map((line) => JSON.parse(line || 'null') as Record<string, unknown>);
    expect(order).toMatchObject({
      pageUrl: `https://app.example.com/reset?token=[redacted:url-secret:${sha12('abc123')}]&lang=en`,
      payload: {
        properties: {
          card_number: `[redacted:card:${sha12('4111111111111111')}]`,
          total: 42.5,
          buyer: { contact: `[redacted:email:${sha12('jane@example.com')}]` },
        },
      },
    });
    expect(redacted.text).toContain('"order_id":"4111111111111112"'); // fails Luhn: an order number, as sent
    expect(texts('.toolbar-status')).toEqual([
      `Exported 5 messages to ${redacted.name}, 5 values redacted in 3 messages`,
    ]);
  });

  it("keeps what the user's allow rules allow, as redact --pii-allow does", async () => {
    const mode = validationModeOf({ ...DEFAULT_SETTINGS, piiAllow: [INVITE] }, null);
    await mountPanel(root, sent(mode), mode.summary);
    const raw = await download('Export NDJSON');
    const redacted = await download('Export NDJSON (redacted)');
    expect(redacted.text).toContain('"invitee_email":"bob@example.com"');
    expect(redacted.text).toBe((await cliRedact(['--pii-allow', INVITE], raw.text)).stdout);
  });

  it('never changes the capture: the raw export and the payload shown stay as sent', async () => {
    await mountPanel(root, sent(USER_MODE), USER_MODE.summary);
    const before = await download('Export NDJSON');
    await download('Export NDJSON (redacted)');
    expect((await download('Export NDJSON')).text).toBe(before.text);
    await click(root.querySelector('.row.message'));
    expect(texts('.json-tree .has-privacy .string')).toEqual([
      '"4111111111111111"',
      '"jane@example.com"',
      '"https://app.example.com/reset?token=abc123&lang=en"',
    ]);
  });

  it('exports only the rows the filter shows, and is off with none', async () => {
    const { store } = await mountPanel(root, sent(USER_MODE), USER_MODE.summary);
    await click(root.querySelector('.chip.privacy'));
    const redacted = await download('Export NDJSON (redacted)');
    expect(redacted.text.trimEnd().split('\n')).toHaveLength(3);
    expect(texts('.toolbar-status')[0]).toMatch(/^Exported 3 of 5 messages \(filtered\) to .*, 5 values redacted in 3/);
    await act(() => {
      store.filters.text.value = 'nothing sent matches this';
    });
    expect(button('Export NDJSON (redacted)')?.disabled).toBe(true);
  });
});
