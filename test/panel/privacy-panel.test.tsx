/**
 * The privacy guard's findings in the panel (issue 19), as a user sees them: the Privacy chip and its count, the
 * flagged field marked in the JSON tree with its kind, the Summary's Privacy column and its Markdown copy, and the
 * options page's mode and allow rules as the session was validated with them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../src/shared/settings/validation-mode';
import { click, copiedBy, copyButton, tabIn, textsIn, timelineRowsIn } from './dom';
import { captured, USER_MODE } from './fixtures';
import { mountPanel, panelRoot } from './mount';

const INVITE = 'track "Invite Sent" properties.invitee_email';
const modeOf = (user: Partial<UserSettings>) => validationModeOf({ ...DEFAULT_SETTINGS, ...user }, null);

const root = panelRoot();
afterEach(() => vi.restoreAllMocks());
const texts = textsIn(root);
const tab = tabIn(root);
const chip = () => root.querySelector<HTMLButtonElement>('.chip.privacy');
const names = () =>
  timelineRowsIn(root)('.row.message').map((row) => row.querySelector('.cell.name')?.firstChild?.textContent);

/** What a page sent: a card number, an invitee's address, and two messages with nothing personal. */
const sent = (mode: ValidationMode): TimelineEntry[] => [
  ...captured({ event: 'Order Completed', userId: 'u', properties: { card_number: '4111111111111111' } }, { mode }),
  ...captured({ event: 'Invite Sent', userId: 'u', properties: { invitee_email: 'bob@example.com' } }, { mode }),
  ...captured({ event: 'Signed Up', userId: 'u', properties: { plan: 'pro' } }, { mode }),
  ...captured({ event: 'Order Completed', userId: 'u', properties: { order_id: '4111111111111112' } }, { mode }),
];

const mount = (mode: ValidationMode = USER_MODE) => mountPanel(root, sent(mode), mode.summary);

describe('the Privacy chip', () => {
  it('counts the messages with personal data and keeps only them, and says how the guard ran', async () => {
    await mount();
    expect(chip()?.textContent).toBe('Privacy 2');
    expect(chip()?.title).toBe("Messages with personal data or a secret. The privacy guard's findings are warnings");
    await click(chip());
    expect(chip()?.getAttribute('aria-pressed')).toBe('true');
    expect(names()).toEqual(['Order Completed', 'Invite Sent']);
    expect(texts('.filter-bar .shown')).toEqual(['2 of 4 messages']);
    await click(chip());
    expect(names()).toHaveLength(4);
  });

  it("names the user's allow rules, leaves the allowed field unflagged, and keeps it so when Strict is toggled", async () => {
    const { store } = await mount(modeOf({ piiAllow: [INVITE] }));
    expect(chip()?.textContent).toBe('Privacy 1');
    expect(chip()?.title).toBe(
      `Messages with personal data or a secret. The privacy guard's findings are warnings; allowed: ${INVITE}`,
    );
    // The toggle validates the rows again in the panel: the guard's findings are kept, not found again without the rule.
    store.strict.value = true;
    await click(chip());
    expect(names()).toEqual(['Order Completed']);
  });

  it('is not there while the guard is off', async () => {
    await mount(modeOf({ pii: 'off' }));
    expect(chip()).toBeNull();
    expect(texts('.chip')).toContain('Warnings 0');
  });
});

describe('a flagged field in the JSON tree', () => {
  it('is marked with the kind found, its title in the words of the finding; other fields are not', async () => {
    await mount();
    await click(root.querySelector('.row.message'));
    const marked = [...root.querySelectorAll('.json-tree .has-privacy')];
    expect(marked.map((line) => line.querySelector('.key')?.textContent)).toEqual(['card_number']);
    expect(marked[0]?.querySelector('.privacy-mark')?.textContent).toBe('card');
    expect(marked[0]?.getAttribute('title')).toBe(
      'Privacy: a payment card number (shown as sent; Export NDJSON (redacted) replaces it)',
    );
    expect(marked[0]?.classList.contains('has-warning')).toBe(true);
  });

  it('is an error line too when findings are errors', async () => {
    await mount(modeOf({ pii: 'error' }));
    await click(root.querySelector('.row.message'));
    const line = root.querySelector('.json-tree .has-privacy');
    expect(line?.classList.contains('has-error')).toBe(true);
    expect(line?.querySelector('.privacy-mark')?.textContent).toBe('card');
    expect(texts('.row.message .cell.verdict')[0]).toBe('1 error');
  });
});

describe("the Summary's Privacy column", () => {
  const headers = () => texts('.summary-view th');
  const cellsOf = (name: string) => {
    const row = [...root.querySelectorAll('.summary-view tbody tr')].find((tr) => texts('td', tr)[1] === name);
    return Object.fromEntries(headers().map((header, i) => [header, row ? texts('td', row)[i] : undefined]));
  };

  it('counts the messages with findings per event, and goes into the Markdown copy', async () => {
    await mount();
    await click(tab('Summary'));
    expect(headers()).toEqual(['Type', 'Name', 'Count', 'Invalid', 'Warnings', 'Privacy', 'Most common error']);
    expect(cellsOf('Order Completed')).toMatchObject({ Count: '2', Privacy: '1' });
    expect(cellsOf('Invite Sent')).toMatchObject({ Count: '1', Privacy: '1' });
    expect(cellsOf('Signed Up')).toMatchObject({ Count: '1', Privacy: '0' });
    const [[markdown]] = (await copiedBy(copyButton(root.querySelectorAll('.summary-actions button')))) as [[string]];
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '| Type | Name | Count | Invalid | Warnings | Privacy | Most common error |',
      '| --- | --- | ---: | ---: | ---: | ---: | --- |',
      '| track | Order Completed | 2 | 0 | 1 | 1 |  |',
    ]);
  });

  it('is left out while the guard is off', async () => {
    await mount(modeOf({ pii: 'off' }));
    await click(tab('Summary'));
    expect(headers()).not.toContain('Privacy');
  });
});
