/** Which tracking plan the session on show was checked against, or that none is loaded (and where to load one). */
import { usePanel } from '../store/context';

export function PlanStatus() {
  const { plan, unplanned, planProblem } = usePanel().validation.value;
  if (!plan) {
    return (
      <span
        class={`plan-status${planProblem ? ' error' : ''}`}
        title={planProblem ?? 'Load a tracking plan in the options to check events against it'}
      >
        {planProblem ? 'Plan not usable' : 'No plan'} ·{' '}
        <a href="../options/options.html" target="_blank" rel="noreferrer">
          Options
        </a>
      </span>
    );
  }
  const { counts } = plan;
  const rules = [
    `${counts.track} track ${counts.track === 1 ? 'event' : 'events'}`,
    counts.identify && 'identify',
    counts.group && 'group',
    counts.page && 'page',
    counts.common && 'common',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span
      class="plan-status"
      title={`${plan.fileName}: ${rules}. Unplanned events are ${unplanned === 'error' ? 'errors' : 'warnings'}.`}
    >
      Plan: <strong>{plan.name}</strong>
    </span>
  );
}
