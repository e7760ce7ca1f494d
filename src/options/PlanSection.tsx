/**
 * The tracking plan: load one from a file (checked before it is accepted: every problem listed),
 * see which is active, remove it. It applies at once to every tab; the panels re-validate.
 */
import { useEffect, useState } from 'preact/hooks';
import { openPlan } from '../core/plan/load/load-plan';
import { countRules, type PlanCounts } from '../core/plan/tracking-plan';
import type { PlanFile } from '../shared/settings/plan-file';
import { readStoredSettings, removePlanFile, savePlanFile } from '../shared/settings/settings-storage';

interface Active {
  readonly stored: PlanFile;
  readonly name: string;
  readonly counts: PlanCounts | null;
}

/** What storage holds, described; a stored plan that no longer opens says so (it is not applied). */
function describeStored(stored: PlanFile): Active {
  const opened = openPlan(stored.text, stored.fileName);
  return {
    stored,
    name: opened.ok ? opened.plan.name : stored.fileName,
    counts: opened.ok ? countRules(opened.plan) : null,
  };
}

export function countsText(counts: PlanCounts): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(counts.track, 'track event', 'track events'),
    n(counts.identify, 'identify rule', 'identify rules'),
    n(counts.group, 'group rule', 'group rules'),
    n(counts.page, 'page rule', 'page rules'),
    n(counts.common, 'common rule', 'common rules'),
  ].join(', ');
}

export function PlanSection() {
  const [active, setActive] = useState<Active | null | undefined>(undefined);
  const [problems, setProblems] = useState<{ file: string; lines: readonly string[] } | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void readStoredSettings().then(({ planFile }) => setActive(planFile ? describeStored(planFile) : null));
  }, []);

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) loads it again
    if (!file) return;
    setStatus('');
    setProblems(null);
    const text = await file.text();
    const opened = openPlan(text, file.name);
    if (!opened.ok) {
      setProblems({ file: file.name, lines: opened.problems });
      return;
    }
    const stored: PlanFile = { fileName: file.name, text, loadedAt: Date.now() };
    try {
      await savePlanFile(stored);
    } catch (error) {
      // storage.local's quota (Chrome: 10 MB for everything the extension keeps there).
      setProblems({
        file: file.name,
        lines: [`it could not be saved: ${error instanceof Error ? error.message : String(error)}`],
      });
      return;
    }
    setProblems(null);
    setActive({ stored, name: opened.plan.name, counts: countRules(opened.plan) });
    setStatus(`Loaded. Every tab is checked against "${opened.plan.name}" from now on.`);
  }

  async function remove() {
    await removePlanFile();
    setActive(null);
    setProblems(null);
    setStatus('Removed. Messages are checked against the June schema only.');
  }

  if (active === undefined) return null;
  return (
    <section class="plan">
      <h2>Tracking plan</h2>
      <p class="hint">
        Your team's own rules (Segment Public API, Typewriter 7 or 8 plan file), checked beside the June schema in every
        tab. A track event the plan does not have is reported as unplanned.
      </p>
      {active ? (
        <p class="plan-active">
          <strong>{active.name}</strong> <span class="hint">({active.stored.fileName})</span>
          <br />
          {active.counts ? (
            countsText(active.counts)
          ) : (
            <span class="error">This stored plan can no longer be read; it is not applied. Load it again.</span>
          )}
        </p>
      ) : (
        <p class="plan-active">No plan loaded.</p>
      )}
      <label for="plan-file">{active ? 'Replace with another plan file' : 'Load a plan file'}</label>
      <input id="plan-file" type="file" accept=".json,application/json" onChange={(event) => void choose(event)} />
      {active && (
        <button type="button" class="remove-plan" onClick={() => void remove()}>
          Remove plan
        </button>
      )}
      {problems && (
        <div class="plan-problems" role="alert">
          <p class="error">
            {problems.file} was not loaded (
            {problems.lines.length === 1 ? 'one problem' : `${problems.lines.length} problems`}):
          </p>
          <ul>
            {problems.lines.map((line, i) => (
              <li key={i} class="error">
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" class="plan-status">
        {status}
      </p>
    </section>
  );
}
