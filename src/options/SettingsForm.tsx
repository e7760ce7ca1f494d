/**
 * The settings saved with one Save: extra hosts, buffer size, Strict mode, unplanned events, the privacy guard. Reads
 * and writes through `load` and `save` (settings-storage.ts in the page), so a test can render it without a browser.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseHostPattern } from '../core/endpoints';
import type { PiiMode } from '../core/privacy/privacy-guard';
import { BUFFER_SIZE_RANGE, DEFAULT_SETTINGS, type UserSettings } from '../shared/settings/user-settings';
import { allowListErrors, allowListLines, PrivacyFields } from './PrivacyFields';

function hostErrors(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: i + 1, result: line.trim() ? parseHostPattern(line) : null }))
    .flatMap(({ line, result }) => (result && 'error' in result ? [`line ${line}: ${result.error}`] : []));
}

export interface SettingsFormProps {
  readonly load: () => Promise<UserSettings>;
  readonly save: (settings: UserSettings) => Promise<void>;
}

export function SettingsForm({ load, save }: SettingsFormProps) {
  const [loaded, setLoaded] = useState<UserSettings | null>(null);
  const [hosts, setHosts] = useState('');
  const [bufferSize, setBufferSize] = useState(String(DEFAULT_SETTINGS.bufferSize));
  const [strict, setStrict] = useState(false);
  const [unplannedErrors, setUnplannedErrors] = useState(false);
  const [piiMode, setPiiMode] = useState<PiiMode>(DEFAULT_SETTINGS.pii);
  const [piiAllow, setPiiAllow] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void load().then((settings) => {
      setLoaded(settings);
      setHosts(settings.customHosts.join('\n'));
      setBufferSize(String(settings.bufferSize));
      setStrict(settings.strict);
      setUnplannedErrors(settings.unplanned === 'error');
      setPiiMode(settings.pii);
      setPiiAllow(settings.piiAllow.join('\n'));
    });
  }, [load]);

  /**
   * "Saved" speaks of what was saved: an edit since makes it untrue. Cleared in the edit's own
   * handler, not in an effect: Preact runs effects after a frame, and a hidden page gets none (its
   * effects wait for a 100 ms timer), so an effect could clear the status of a Save made meanwhile.
   */
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setStatus('');
      set(value);
    };

  const errors = hostErrors(hosts);
  const size = Number(bufferSize);
  const sizeError =
    Number.isInteger(size) && size >= BUFFER_SIZE_RANGE.min && size <= BUFFER_SIZE_RANGE.max
      ? null
      : `a whole number from ${BUFFER_SIZE_RANGE.min} to ${BUFFER_SIZE_RANGE.max}`;

  async function submit(event: Event) {
    event.preventDefault();
    if (errors.length || sizeError) return;
    const customHosts = hosts
      .split('\n')
      .map((h) => h.trim())
      .filter(Boolean);
    const settings: UserSettings = {
      customHosts,
      bufferSize: size,
      strict,
      unplanned: unplannedErrors ? 'error' : 'warn',
      pii: piiMode,
      piiAllow: allowListLines(piiAllow),
    };
    await save(settings);
    // An allow rule that cannot be read does not keep the rest from being saved: the user sees which is left out.
    const unread = allowListErrors(piiAllow).length;
    const without =
      unread === 0 ? '' : `, without the ${unread === 1 ? 'allow rule' : `${unread} allow rules`} marked above`;
    setStatus(`Saved. Capture uses these settings from now on${without}.`);
  }

  if (!loaded) return <p>Loading…</p>;
  return (
    <form onSubmit={(event) => void submit(event)}>
      <h1>Track Inspector settings</h1>
      <label for="hosts">Extra tracking hosts (first-party proxies), one per line</label>
      <p class="hint">
        A host, optionally with a path prefix: <code>proxy.example.com/collect</code>,{' '}
        <code>*.metrics.example.com</code>, <code>localhost:8080</code>. Calls to their June / Segment paths are
        captured like api.june.so's.
      </p>
      <textarea
        id="hosts"
        rows={5}
        value={hosts}
        onInput={(e) => edited(setHosts)(e.currentTarget.value)}
        aria-invalid={errors.length > 0}
      />
      {errors.map((error) => (
        <p class="error" key={error}>
          {error}
        </p>
      ))}
      <label for="buffer">Messages kept per tab</label>
      <p class="hint">When a tab holds more, the oldest are dropped and the panel says how many.</p>
      <input
        id="buffer"
        type="number"
        min={BUFFER_SIZE_RANGE.min}
        max={BUFFER_SIZE_RANGE.max}
        value={bufferSize}
        onInput={(e) => edited(setBufferSize)(e.currentTarget.value)}
      />
      {sizeError && <p class="error">Messages kept per tab must be {sizeError}.</p>}
      <label class="check">
        <input
          id="strict"
          type="checkbox"
          checked={strict}
          onChange={(e) => edited(setStrict)(e.currentTarget.checked)}
        />
        Strict mode: validate payloads exactly as sent (a <code>null</code> userId is an error, not read as absent)
      </label>
      <label class="check">
        <input
          id="unplanned"
          type="checkbox"
          checked={unplannedErrors}
          onChange={(e) => edited(setUnplannedErrors)(e.currentTarget.checked)}
        />
        Unplanned events are errors: a track event the tracking plan does not have makes its message invalid (otherwise
        a warning)
      </label>
      <PrivacyFields
        mode={piiMode}
        allowText={piiAllow}
        onMode={edited(setPiiMode)}
        onAllowText={edited(setPiiAllow)}
      />
      <button type="submit" disabled={errors.length > 0 || sizeError !== null}>
        Save
      </button>
      <p role="status">{status}</p>
    </form>
  );
}
