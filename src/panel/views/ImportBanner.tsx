/**
 * Shown while an imported file is the session: what it held and what could not be read; while a large file is read, how
 * far.
 */
import { usePanel } from '../store/context';

const SHOWN_PROBLEMS = 20;

export function ImportBanner() {
  const store = usePanel();
  const reading = store.importing.value;
  if (reading) {
    return (
      <div class="import-banner" role="status">
        Reading <strong>{reading.name}</strong>… {Math.floor(reading.fraction * 100)}%{' '}
        <progress value={reading.fraction} max={1} />
      </div>
    );
  }
  const session = store.imported.value;
  if (!session) return null;
  const { problems } = session;
  return (
    <div class="import-banner" role="status">
      <strong>Imported {session.name}</strong>: {store.counts.value.total} messages, re-validated
      {store.strict.value ? ' in strict mode' : ''}.
      {problems.length > 0 && (
        <details open={problems.length <= 3}>
          <summary>
            {problems.every((p) => p.line !== undefined || p.item !== undefined)
              ? `${problems.length} ${pieceOf(problems, problems.length)} could not be read (the rest were imported)`
              : 'The file could not be read to its end (what came before was imported)'}
          </summary>
          <ul>
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
            {problems.length > SHOWN_PROBLEMS && <li>… and {problems.length - SHOWN_PROBLEMS} more</li>}
          </ul>
        </details>
      )}
      <button onClick={() => store.backToLive()}>Back to live capture</button>
    </div>
  );
}

/** Problems name NDJSON lines, or the messages of a file that is one JSON document. */
function pieceOf(problems: readonly { readonly line?: number }[], count: number): string {
  const noun = problems.every((p) => p.line !== undefined) ? 'line' : 'message';
  return count === 1 ? noun : `${noun}s`;
}
