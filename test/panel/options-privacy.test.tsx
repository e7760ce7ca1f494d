// The options page's Privacy section, as a user fills it in: the guard's mode, allow rules one a line (a bad line
// shown with its number and why, the others saved and applied), saved with the other settings.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../src/options/SettingsForm';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/shared/settings/user-settings';
import { validationModeOf } from '../../src/shared/settings/validation-mode';
import { textsIn } from './dom';

const root = document.createElement('div');
const texts = textsIn(root);
beforeEach(() => document.body.append(root));
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The form on settings as `stored`; what its Save writes lands in `saved`. */
async function open(stored: UserSettings = DEFAULT_SETTINGS) {
  const saved: UserSettings[] = [];
  const load = () => Promise.resolve(stored);
  const save = (settings: UserSettings) => (saved.push(settings), Promise.resolve());
  await act(() => render(<SettingsForm load={load} save={save} />, root));
  await act(() => Promise.resolve()); // the settings are read
  return saved;
}

const field = <T extends Element>(selector: string) => root.querySelector(selector) as T;

async function type(selector: string, text: string) {
  const box = field<HTMLTextAreaElement>(selector);
  box.value = text;
  await act(() => void box.dispatchEvent(new Event('input', { bubbles: true })));
}

async function choose(mode: string) {
  const select = field<HTMLSelectElement>('#pii-mode');
  select.value = mode;
  await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
}

async function clickSave() {
  await act(async () => {
    field<HTMLButtonElement>('button[type="submit"]').click();
    await Promise.resolve();
  });
}

describe('the Privacy section of the options page', () => {
  it('starts as stored: warnings by default, the three modes offered', async () => {
    await open();
    expect(texts('section.privacy h2')).toEqual(['Privacy']);
    expect(field<HTMLSelectElement>('#pii-mode').value).toBe('warn');
    expect(texts('#pii-mode option')).toEqual([
      'Warnings (default): the message stays valid',
      'Errors: the message is invalid',
      'Off: personal data is not looked for',
    ]);
    expect(field<HTMLTextAreaElement>('#pii-allow').value).toBe('');
  });

  it('shows what was saved before: the mode and the rules, one a line', async () => {
    await open({ ...DEFAULT_SETTINGS, pii: 'off', piiAllow: ['# invitations', 'track "Invite Sent" properties.to'] });
    expect(field<HTMLSelectElement>('#pii-mode').value).toBe('off');
    expect(field<HTMLTextAreaElement>('#pii-allow').value).toBe('# invitations\ntrack "Invite Sent" properties.to');
  });

  it('names a bad line by its number and why, saves the rest, and validation applies the good rules', async () => {
    const saved = await open();
    await choose('error');
    await type('#pii-allow', 'track "Invite Sent" properties.invitee_email\n\ntrak properties.email\n* userId');
    expect(texts('.allow-error')).toEqual([
      'line 3: allow rule "trak properties.email": "trak" is not a message type: use track, identify, page, ' +
        'screen, group, alias or *',
    ]);
    expect(field('#pii-allow').getAttribute('aria-invalid')).toBe('true');
    expect(field<HTMLButtonElement>('button[type="submit"]').disabled).toBe(false);

    await clickSave();
    expect(saved).toEqual([
      {
        ...DEFAULT_SETTINGS,
        pii: 'error',
        piiAllow: ['track "Invite Sent" properties.invitee_email', 'trak properties.email', '* userId'],
      },
    ]);
    expect(texts('[role="status"]')).toEqual([
      'Saved. Capture uses these settings from now on, without the allow rule marked above.',
    ]);
    expect(validationModeOf(saved[0] as UserSettings, null).summary.privacy).toEqual({
      mode: 'error',
      allow: ['track "Invite Sent" properties.invitee_email', '* userId'],
    });
  });

  it('an edit after Save takes back "Saved"; a fixed list saves without a remark', async () => {
    const saved = await open();
    await type('#pii-allow', 'alias previousId');
    await clickSave();
    expect(texts('[role="status"]')).toEqual(['Saved. Capture uses these settings from now on.']);
    await choose('off');
    expect(texts('[role="status"]')).toEqual(['']);
    await clickSave();
    expect(saved.map(({ pii, piiAllow }) => ({ pii, piiAllow }))).toEqual([
      { pii: 'warn', piiAllow: ['alias previousId'] },
      { pii: 'off', piiAllow: ['alias previousId'] },
    ]);
  });
});
