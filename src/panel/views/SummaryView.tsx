/**
 * Per event name: count, invalid, warnings, privacy (while the guard runs), unplanned and plan violations (with a
 * plan), the most common error. A click on a line shows its messages in the timeline; Copy as Markdown copies the
 * table.
 */
import { useState } from 'preact/hooks';
import { copyText } from '../copy';
import { usePanel } from '../store/context';
import type { SummaryLine } from '../store/summary';
import { summaryAsMarkdown } from '../summary-markdown';
import { errorWords, summaryColumns, type SummaryColumn } from './summary-columns';

export function SummaryView() {
  const store = usePanel();
  // The lines copied: "Copied" stays only while the table shows what was copied.
  const [copied, setCopied] = useState<readonly SummaryLine[] | null>(null);
  const lines = store.summary.value;
  if (!lines.length) return <p class="empty">Nothing to summarise yet.</p>;
  const { plan, privacy } = store.validation.value;
  const withPlan = plan !== null || lines.some((line) => line.planViolations > 0 || line.unplanned > 0);
  const withPrivacy = privacy.mode !== 'off' || lines.some((line) => line.privacy > 0);
  const columns = summaryColumns({ withPrivacy, withPlan });
  const copy = () => void copyText(summaryAsMarkdown(lines, columns)).then(() => setCopied(lines));
  return (
    <div class="summary-view">
      <div class="summary-actions">
        <button onClick={copy} title="Copy this table as Markdown, for a pull request or an issue">
          {copied === lines ? 'Copied' : 'Copy as Markdown'}
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} class={column.class}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr
              key={`${line.type}:${line.name}`}
              class={`${line.invalid ? 'invalid' : ''}${line.warnings ? ' warned' : ''}`}
              title={`Show ${line.count === 1 ? 'this message' : `these ${line.count} messages`} in the timeline`}
              onClick={() => store.showEventInTimeline(line.type, line.name)}
            >
              {columns.map((column) => (
                <td key={column.header} class={column.class}>
                  <Cell column={column} line={line} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ column, line }: { column: SummaryColumn; line: SummaryLine }) {
  // A button, so the keyboard reaches the line too; its click is the row's.
  if (column.class === 'name') return <button class="link">{line.name}</button>;
  if (column.class !== 'top-error' || !line.topError) return <>{column.text(line)}</>;
  const { what, got } = errorWords(line.topError);
  return (
    <>
      {what}
      {got && (
        <>
          {'; '}
          <span class="got">{got}</span>
        </>
      )}
    </>
  );
}
