/**
 * A short note by the toolbar on what the last action did where the browser's download is all the user would see
 * otherwise ("Exported 42 messages to …"). It goes after a few seconds, or at the next action: it is about that one.
 */
import { signal } from '@preact/signals';

/** How long a note stays, in ms; the stylesheet fades it out over its last second. */
export const STATUS_MS = 5000;

export function createStatusStore() {
  /** The note, numbered: the view starts its fade afresh for each note, the same words again too. */
  const note = signal<{ readonly text: string; readonly id: number } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let id = 0;
  function dismiss(): void {
    clearTimeout(timer);
    if (note.value) note.value = null;
  }
  return {
    note,
    say(text: string): void {
      dismiss();
      note.value = { text, id: ++id };
      timer = setTimeout(dismiss, STATUS_MS);
    },
    dismiss,
  };
}

export type StatusStore = ReturnType<typeof createStatusStore>;
