/** Per event name: count, invalid, plan violations (with a plan), most common error. */
import { usePanel } from '../store/context';

export function SummaryView() {
  const store = usePanel();
  const lines = store.summary.value;
  const withPlan = store.validation.value.plan !== null || lines.some((line) => line.planViolations > 0);
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
            {withPlan && <th class="num">Plan violations</th>}
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
              {withPlan && <td class="num">{line.planViolations}</td>}
              <td>{line.topError ? `${line.topError} (${line.topErrorCount}×)` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
