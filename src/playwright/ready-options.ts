/**
 * The fixture's options made ready for the capture pipeline: the plan file read and compiled (its
 * problems, one per line, as the CLI prints them), the hosts parsed with the options page's syntax.
 * Kept apart from options.ts so the published type declarations name no core internals.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHostPattern, type HostPattern } from '../core/endpoints';
import type { PlanChecker } from '../core/inspect';
import { planChecker } from '../core/plan/check/check-plan';
import { openPlan } from '../core/plan/load/load-plan';
import type { TrackingPlan } from '../core/plan/tracking-plan';
import { parseAllowRule } from '../core/privacy/allow-rules';
import { isPiiMode, type PrivacyGuard } from '../core/privacy/privacy-guard';
import { TrackInspectorOptionsError, type TrackInspectorOptions } from './options';

export interface ReadyOptions {
  readonly hosts: readonly HostPattern[];
  readonly strict: boolean;
  readonly checker: PlanChecker | null;
  readonly privacy: PrivacyGuard;
  /** The plan and its file (absolute), for the coverage a test attaches; null without a plan. */
  readonly plan: { readonly file: string; readonly plan: TrackingPlan } | null;
}

export async function readyOptions(options: TrackInspectorOptions, baseDir: string): Promise<ReadyOptions> {
  const hosts = (options.hosts ?? []).map((text) => {
    const pattern = parseHostPattern(text);
    if ('error' in pattern) throw new TrackInspectorOptionsError(`trackInspector.hosts: ${pattern.error}`);
    return pattern;
  });
  const plan = options.plan === undefined ? null : await loadPlanFile(options.plan, baseDir);
  const checker = plan === null ? null : planChecker(plan.plan, { unplanned: options.unplanned ?? 'warn' });
  return { hosts, strict: options.strict ?? false, checker, privacy: privacyGuard(options), plan };
}

function privacyGuard({ pii = 'warn', piiAllow = [] }: TrackInspectorOptions): PrivacyGuard {
  if (!isPiiMode(pii))
    throw new TrackInspectorOptionsError(
      `trackInspector.pii must be 'warn', 'error' or 'off', got ${JSON.stringify(pii)}`,
    );
  const errors: string[] = [];
  const allow = piiAllow.flatMap((text) => {
    const parsed = parseAllowRule(text);
    if (parsed.ok) return [parsed.rule];
    errors.push(`trackInspector.piiAllow: ${parsed.error}`);
    return [];
  });
  if (errors.length) throw new TrackInspectorOptionsError(errors.join('\n'));
  return { mode: pii, allow };
}

async function loadPlanFile(file: string, baseDir: string): Promise<{ file: string; plan: TrackingPlan }> {
  const where = path.resolve(baseDir, file);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new TrackInspectorOptionsError(`${where}: cannot read the tracking plan: ${reason}`);
  }
  const opened = openPlan(text, path.basename(where));
  if (!opened.ok) {
    const lines = opened.problems.map((problem) => `${where}: ${problem}`);
    throw new TrackInspectorOptionsError(`The tracking plan cannot be used:\n${lines.join('\n')}`);
  }
  return { file: where, plan: opened.plan };
}
