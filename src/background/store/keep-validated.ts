/**
 * Keeps every stored timeline validated with the current settings (Strict mode, the tracking plan,
 * what an unplanned event is). What the timelines were validated with is kept in storage.local:
 * settings changed while no worker listened, or by an older version, are caught up at the next start.
 */
import browser from 'webextension-polyfill';
import { revalidateRecord } from '../../core/inspect';
import type { ValidationMode } from '../../shared/settings/validation-mode';
import type { BackgroundStore } from './background-store';

const VALIDATED_WITH_KEY = 'validatedWith';

export interface KeepValidated {
  /** Re-validates every timeline if `mode` differs from what they were validated with. */
  sync(mode: ValidationMode): void;
}

export async function keepValidated(store: BackgroundStore): Promise<KeepValidated> {
  const stored = await browser.storage.local.get(VALIDATED_WITH_KEY).then(
    (items) => items[VALIDATED_WITH_KEY],
    () => null, // unknown: the first change re-validates
  );
  let validatedWith = typeof stored === 'string' ? stored : null;
  return {
    sync(mode) {
      if (mode.key === validatedWith) return;
      const { summary, checker } = mode;
      store.remapAll((entry) =>
        entry.kind === 'message'
          ? { ...entry, record: revalidateRecord(entry.record, summary.strict, checker) }
          : entry,
      );
      validatedWith = mode.key;
      browser.storage.local
        .set({ [VALIDATED_WITH_KEY]: mode.key })
        .catch((error: unknown) => console.error('track-inspector: could not note the validation settings', error));
    },
  };
}
