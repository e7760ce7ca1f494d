/** Which row is selected and whether its details are open; the keyboard moves over the rows shown. */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { MessageRow, Row } from './rows';

export function createSelectionStore(
  allRows: ReadonlySignal<readonly Row[]>,
  shownMessages: ReadonlySignal<readonly MessageRow[]>,
) {
  const selectedKey = signal<string | null>(null);
  const detailOpen = signal(false);
  let lastIndex = -1;

  function select(key: string | null, open = detailOpen.value): void {
    batch(() => {
      selectedKey.value = key;
      detailOpen.value = key !== null && open;
    });
  }

  return {
    selectedKey,
    detailOpen,
    selectedRow: computed(() => {
      const [key, rows] = [selectedKey.value, allRows.value];
      if (key === null) return null;
      // Rows stream in after the selected one: it is usually where it was, and a search of 100,000 rows per publish is
      // not needed.
      if (rows[lastIndex]?.key !== key) lastIndex = rows.findIndex((row) => row.key === key);
      return rows[lastIndex] ?? null;
    }),
    select,
    /** Moves the selection by `delta` visible message rows (keyboard up/down). */
    moveSelection(delta: number): void {
      const messages = shownMessages.value;
      if (!messages.length) return;
      const at = messages.findIndex((row) => row.key === selectedKey.value);
      const next =
        at < 0 ? (delta > 0 ? 0 : messages.length - 1) : Math.min(messages.length - 1, Math.max(0, at + delta));
      select(messages[next]?.key ?? null);
    },
  };
}
