/**
 * The session's rows are derived from what changed since the last publish (session-rows.ts): after
 * any sequence of what the background sends and the user does, they must be the rows, message rows
 * and counts a derivation from scratch gives.
 */
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMessages, NO_MESSAGES } from '../../src/panel/store/counts';
import type { ImportedSession } from '../../src/panel/store/import-session';
import { createPanelTimeline } from '../../src/panel/store/panel-timeline';
import { messageRowsOf, toRow } from '../../src/panel/store/rows';
import { createSessionRows } from '../../src/panel/store/session-rows';
import { compareEntries, type TimelineEntry } from '../../src/core/capture/timeline-entry';
import { capturedOne, LIVE_VALIDATION, navigation, passPublishInterval, T0 } from './fixtures';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A small deterministic generator: the same sequence on every run, so a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('the session rows, derived from what changed', () => {
  it('match a derivation from scratch after every step of a long random session', () => {
    const live = createPanelTimeline();
    const strict = signal(false);
    const viewStart = signal<TimelineEntry | null>(null);
    const session = createSessionRows({ live, imported: signal<ImportedSession | null>(null), viewStart, strict });
    live.replace([], 0, LIVE_VALIDATION);
    const next = random(7);
    let clock = T0;
    const call = (at = (clock += 10)) =>
      capturedOne(
        {
          event: `E${Math.floor(next() * 5)}`,
          userId: next() < 0.1 ? '' : 'u',
          timestamp: next() < 0.2 ? '2024-05-01' : undefined,
        },
        { at, status: next() < 0.3 ? null : 200 },
      );
    const steps: Record<string, () => void> = {
      'calls at the end': () => live.insert(Array.from({ length: 1 + Math.floor(next() * 20) }, () => call())),
      'a call that belongs earlier': () => live.insert([call(T0 + Math.floor(next() * (clock - T0)))]),
      'an outcome': () => {
        const pending = live.entries().filter((e) => e.kind === 'message' && e.record.request.status === null);
        const entry = pending[Math.floor(next() * pending.length)];
        if (entry?.kind === 'message')
          live.updateRequest(entry.seq, { ...entry.record.request, outcome: 'status', status: 500 });
      },
      'a removal': () =>
        live.remove(
          live
            .entries()
            .filter(() => next() < 0.05)
            .map((e) => e.seq),
        ),
      'a navigation': () => {
        const marker = navigation('https://app.example.com/next', (clock += 10));
        live.insert([marker]);
        viewStart.value = next() < 0.5 ? marker : null;
      },
      'Strict toggled': () => void (strict.value = !strict.value),
      'a snapshot': () => live.replace(live.entries().slice(Math.floor(live.entries().length / 2)), 0, LIVE_VALIDATION),
    };
    const names = Object.keys(steps);
    for (let step = 0; step < 400; step++) {
      const name = names[Math.floor(next() * next() * names.length)] as string; // calls at the end most often
      (steps[name] as () => void)();
      // Read after most publishes; now and then let 40 go by unread (more than the timeline remembers).
      const publishes = next() < 0.05 ? 40 : next() < 0.3 ? 2 : 1;
      for (let i = 0; i < publishes; i++) {
        if (i > 0) live.insert([call()]);
        passPublishInterval();
      }
      const start = viewStart.value;
      const expected = live
        .entries()
        .filter((e) => !start || compareEntries(e, start) >= 0)
        .map((e) => toRow(e, strict.value, false));
      const { rows, messages, totals } = session.value;
      expect(
        rows.map((r) => [r.key, r.kind === 'message' ? r.record : r.url]),
        `after ${name} (step ${step})`,
      ).toEqual(expected.map((r) => [r.key, r.kind === 'message' ? r.record : r.url]));
      expect(messages).toEqual(messageRowsOf(rows));
      const counted = addMessages(NO_MESSAGES, messageRowsOf(expected)); // counted in one go over the expected rows
      expect(totals, `counts after ${name} (step ${step})`).toEqual(counted);
    }
  });
});
