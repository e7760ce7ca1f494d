/** What the last export or draft saved, announced to screen readers, fading out (status-store.ts). */
import { usePanel } from '../store/context';

export function ToolbarStatus() {
  const note = usePanel().status.note.value;
  // The live region stays in the document, so its new words are announced; the note inside is new for each note,
  // so its fade starts afresh.
  return (
    <span class="toolbar-status" role="status">
      {note && (
        <span key={note.id} title={note.text}>
          {note.text}
        </span>
      )}
    </span>
  );
}
