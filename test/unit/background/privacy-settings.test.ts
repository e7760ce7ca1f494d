// The options page's privacy settings on their way to validation: stored settings read back (old ones and garbage
// too), the mode the background validates with, a live call captured with them, and a stored timeline validated
// again when they change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryValidatedWith } from '../../../src/background/store/entry-validated-with';
import { MemoryTimeline } from '../../../src/core/capture/memory-timeline';
import { CapturePipeline } from '../../../src/core/capture/pipeline';
import { SenderPages } from '../../../src/core/capture/sender-pages';
import type { TimelineEntry } from '../../../src/core/capture/timeline-entry';
import { DEFAULT_SETTINGS, normaliseUserSettings, type UserSettings } from '../../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../../src/shared/settings/validation-mode';

const INVITE = 'track "Invite Sent" properties.invitee_email';
/** Finds as errors, the invitee's address allowed; the second line is a typo and is not applied. */
const STRICT_GUARD: UserSettings = { ...DEFAULT_SETTINGS, pii: 'error', piiAllow: [INVITE, 'trak properties.email'] };

const invite = {
  type: 'track',
  event: 'Invite Sent',
  userId: 'u1',
  properties: { invitee_email: 'bob@example.com', card_number: '4111111111111111' },
};

describe('the privacy settings as stored', () => {
  it('settings saved before the guard had options run it as warnings, with no allow rule', () => {
    expect(normaliseUserSettings({ customHosts: [], bufferSize: 500, strict: true, unplanned: 'warn' })).toMatchObject({
      strict: true,
      pii: 'warn',
      piiAllow: [],
    });
  });

  it('whatever else storage holds is read as the default, and an allow list keeps only its lines of text', () => {
    expect(normaliseUserSettings({ pii: 'loud', piiAllow: [INVITE, 3, null] })).toMatchObject({
      pii: 'warn',
      piiAllow: [INVITE],
    });
    expect(normaliseUserSettings({ pii: 'off', piiAllow: 'not a list' })).toMatchObject({ pii: 'off', piiAllow: [] });
  });
});

describe('the mode the background validates with', () => {
  it('tells the panel the guard and the rules applied, leaving out a line that is not a rule', () => {
    expect(validationModeOf(STRICT_GUARD, null).summary.privacy).toEqual({ mode: 'error', allow: [INVITE] });
    expect(validationModeOf(DEFAULT_SETTINGS, null).summary.privacy).toEqual({ mode: 'warn', allow: [] });
  });

  it('changes its key when the mode or the rules change, so stored timelines are validated again', () => {
    const keys = [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, pii: 'error' as const },
      { ...DEFAULT_SETTINGS, piiAllow: [INVITE] },
      STRICT_GUARD,
    ].map((user) => validationModeOf(user, null).key);
    expect(new Set(keys).size).toBe(4);
    // A comment or a typo added changes nothing that is applied: no revalidation for it.
    expect(validationModeOf({ ...DEFAULT_SETTINGS, piiAllow: ['# ok', INVITE] }, null).key).toBe(keys[2]);
  });
});

/** What a validated message says, in short: valid or not, and each finding by kind, error or warning. */
function verdict(entry: TimelineEntry | undefined) {
  if (entry?.kind !== 'message') throw new Error('expected a message');
  const { valid, errors, warnings } = entry.record.validation;
  return {
    valid,
    errors: errors.map((p) => `${p.keyword} ${p.path}`),
    warnings: warnings.map((p) => `${p.keyword} ${p.path}`),
  };
}

describe('a call captured with the privacy settings', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function capture(mode: ValidationMode): readonly TimelineEntry[] {
    const timeline = new MemoryTimeline();
    const pipeline = new CapturePipeline({
      timeline,
      senders: new SenderPages(null),
      hosts: () => [],
      mode: () => mode,
      missingBodyReason: 'no body was seen',
    });
    const request = {
      requestId: 'r1',
      tabId: 1,
      frameId: 0,
      url: 'https://api.june.so/sdk/track',
      method: 'POST',
      timeStamp: 1000,
      documentUrl: 'https://app.example.com/team',
      body: { kind: 'text' as const, text: JSON.stringify(invite) },
    };
    void pipeline.requestStarted(request);
    pipeline.requestCompleted({ ...request, statusCode: 200 });
    return timeline.entries(1);
  }

  it('errors: the message is invalid for the card number; the allowed address is not flagged', () => {
    expect(verdict(capture(validationModeOf(STRICT_GUARD, null))[0])).toEqual({
      valid: false,
      errors: ['pii:card /properties/card_number'],
      warnings: [],
    });
  });

  it('off: nothing is looked for', () => {
    expect(verdict(capture(validationModeOf({ ...DEFAULT_SETTINGS, pii: 'off' }, null))[0])).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('a stored timeline is validated again with new settings, and back with the defaults', () => {
    const [stored] = capture(validationModeOf(DEFAULT_SETTINGS, null));
    expect(verdict(stored).warnings).toEqual([
      'pii:email /properties/invitee_email',
      'pii:card /properties/card_number',
    ]);
    const again = entryValidatedWith(stored as TimelineEntry, validationModeOf(STRICT_GUARD, null));
    expect(verdict(again)).toEqual({ valid: false, errors: ['pii:card /properties/card_number'], warnings: [] });
    expect(verdict(entryValidatedWith(again, validationModeOf(DEFAULT_SETTINGS, null)))).toEqual(verdict(stored));
  });
});
