/** The selected message: what is wrong and where, the payload as sent, and the request it came in. */
import { useState } from 'preact/hooks';
import { recordName } from '../../core/label';
import type { Problem } from '../../core/types';
import { asCurl, asJson, copyText } from '../copy';
import { usePanel } from '../store/context';
import type { MessageRow } from '../store/rows';
import { outcomeOf, verdictOf } from './format';
import { JsonTree } from './JsonTree';
import { privacyKindsByPath } from './privacy-marks';

export function DetailPane() {
  const store = usePanel();
  const row = store.selectedRow.value;
  if (!row || row.kind !== 'message' || !store.detailOpen.value) return null;
  // Keyed by the row: "Copied" and the outline of a clicked field belong to the message they were for.
  return <MessageDetail key={row.key} row={row} />;
}

function MessageDetail({ row }: { row: MessageRow }) {
  const store = usePanel();
  const [reveal, setReveal] = useState<{ path: string; nonce: number } | null>(null);
  const [copied, setCopied] = useState('');
  const { record } = row;
  const verdict = verdictOf(record);
  const outcome = outcomeOf(record);
  const errorPaths = new Set(record.validation.errors.map((e) => e.path));
  const warningPaths = new Set(record.validation.warnings.map((w) => w.path));
  const privacyKinds = privacyKindsByPath(record.validation);
  const notes = record.validation.notes ?? [];
  const copy = (what: string, text: string) => void copyText(text).then(() => setCopied(what));
  const problem = (p: Problem, kind: 'error' | 'warning' | 'note') => (
    <li key={`${kind}${p.path}${p.message}`} class={kind}>
      <button
        class="link"
        onClick={() => setReveal({ path: p.path, nonce: Date.now() })}
        title="Show this field in the payload"
      >
        <code>{p.path || '/'}</code>
      </button>{' '}
      {p.message}
      {p.source === 'plan' && (
        <span class="source" title="Found by the tracking plan's rules, not the June schema">
          plan
        </span>
      )}
      {p.source === 'privacy' && (
        <span class="source" title="Found by the privacy guard: personal data or a secret, its value masked">
          privacy
        </span>
      )}
    </li>
  );

  return (
    <aside class="detail" aria-label="Message details">
      <header>
        <h2>
          {record.type} <span class="name">{recordName(record)}</span>{' '}
          <span class={`badge ${verdict.kind}`}>{verdict.text}</span>
        </h2>
        <button
          class="icon"
          title="Close details"
          aria-label="Close details"
          onClick={() => store.select(row.key, false)}
        >
          ×
        </button>
      </header>
      {(record.validation.errors.length > 0 || record.validation.warnings.length > 0) && (
        <section>
          <h3>Problems</h3>
          <ul class="problems">
            {record.validation.errors.map((p) => problem(p, 'error'))}
            {record.validation.warnings.map((p) => problem(p, 'warning'))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        // How default mode read the message (a null userId taken as absent): not a problem, so not among them.
        <section>
          <h3>Notes</h3>
          <ul class="problems notes">{notes.map((p) => problem(p, 'note'))}</ul>
        </section>
      )}
      <section>
        <h3>
          Payload as sent
          <span class="actions">
            <button onClick={() => copy('json', asJson(record))}>
              {copied === 'json' ? 'Copied' : 'Copy as JSON'}
            </button>
            <button onClick={() => copy('curl', asCurl(record))}>
              {copied === 'curl' ? 'Copied' : 'Copy as cURL'}
            </button>
          </span>
        </h3>
        {record.undecodable ? (
          <>
            <p class="error">{record.undecodable.reason}</p>
            {record.undecodable.preview && <pre class="preview">{record.undecodable.preview}</pre>}
          </>
        ) : (
          <JsonTree
            value={record.payload}
            errorPaths={errorPaths}
            warningPaths={warningPaths}
            privacyKinds={privacyKinds}
            reveal={reveal}
            onFilter={(path, term) => store.filters.showField(path, term)}
          />
        )}
      </section>
      <section>
        <h3>Request</h3>
        <dl class="request">
          <dt>URL</dt>
          <dd>{record.request.url}</dd>
          <dt>Method</dt>
          <dd>{record.request.method}</dd>
          <dt>Status</dt>
          <dd class={`outcome ${outcome.kind}`}>{outcome.title}</dd>
          <dt>Sent</dt>
          <dd>{new Date(record.capturedAt).toISOString()}</dd>
          {record.batch && (
            <>
              <dt>Batch</dt>
              <dd>
                {record.batch.index} of {record.batch.count}
                {Object.keys(record.batch.inherited).length > 0 &&
                  ` (inherits ${Object.keys(record.batch.inherited).join(', ')} from the batch)`}
              </dd>
            </>
          )}
          <dt>{record.topUrl === undefined ? 'Page' : 'Frame'}</dt>
          <dd>{record.pageUrl}</dd>
          {record.topUrl !== undefined && (
            <>
              <dt>Top page</dt>
              <dd>{record.topUrl}</dd>
            </>
          )}
          <dt>Sender</dt>
          <dd>{record.sender}</dd>
        </dl>
      </section>
    </aside>
  );
}
