/**
 * Keeps every stored timeline validated with the current settings (Strict mode, the tracking plan,
 * what an unplanned event is, the privacy guard's mode and allow rules). What the timelines were validated
 * with is kept in storage.local: settings changed while no worker listened, or by an older version, are
 * caught up at the next start.
 */
import browser from 'webextension-polyfill';
import type { ValidationMode } from '../../shared/settings/validation-mode';
import type { BackgroundStore } from './background-store';
import { entryValidatedWith } from './entry-validated-with';

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
      store.remapAll((entry) => entryValidatedWith(entry, mode));
      validatedWith = mode.key;
      browser.storage.local
        .set({ [VALIDATED_WITH_KEY]: mode.key })
        .catch((error: unknown) => console.error('track-inspector: could not note the validation settings', error));
    },
  };
}
