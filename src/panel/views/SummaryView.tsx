/** Per event name: count, invalid, most common error. */
import { usePanel } from '../store/context';

export function SummaryView() {
  const lines = usePanel().summary.value;
  if (!lines.length) return <p class="empty">Nothing to summarise yet.</p>;
  return (
    <div class="summary-view">
      <table>
        <thead>
          <tr>
            <th>Type</th>
            <th>Name</th>
            <th class="num">Count</th>
            <th class="num">Invalid</th>
            <th>Most common error</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.type}:${line.name}`} class={line.invalid ? 'invalid' : ''}>
              <td>{line.type}</td>
              <td>{line.name}</td>
              <td class="num">{line.count}</td>
              <td class="num">{line.invalid}</td>
              <td>{line.topError ? `${line.topError} (${line.topErrorCount}×)` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
