/**
 * The Coverage view without a plan to cover: it says why, and where to load one. The switch stays in the toolbar so
 * that a user without a plan learns the view exists.
 */
import { usePanel } from '../store/context';

export function CoverageUnavailable() {
  const { plan, planProblem } = usePanel().validation.value;
  // The session was checked against a plan the panel has not opened yet (the options just changed): a moment.
  if (plan) return <p class="empty">Checking this session against {plan.name}…</p>;
  return (
    <p class="empty">
      {planProblem && `The tracking plan cannot be used (${planProblem}). `}
      Load a tracking plan to see coverage:{' '}
      <a href="../options/options.html" target="_blank" rel="noreferrer">
        Options
      </a>
    </p>
  );
}
