/** Messages made into records as the CLI makes them: validated against the schema and, given one, a plan. */
import { ndjsonLineReader } from '../../../src/core/import';
import type { MessageRecord } from '../../../src/core/record';
import { planChecker } from '../../../src/core/plan/check/check-plan';
import { loadPlan } from '../../../src/core/plan/load/load-plan';
import type { TrackingPlan } from '../../../src/core/plan/tracking-plan';

export function planOf(doc: unknown): TrackingPlan {
  const load = loadPlan(JSON.stringify(doc));
  if (!load.ok) throw new Error(load.problems.join('\n'));
  return load.plan;
}

export function recordsOf(
  messages: readonly object[],
  { plan, strict = false }: { readonly plan?: TrackingPlan; readonly strict?: boolean } = {},
): MessageRecord[] {
  const checker = plan ? planChecker(plan, { unplanned: 'warn' }) : null;
  const read = ndjsonLineReader({ strict, checker, importedAt: 0 });
  return messages.flatMap((message, i) => {
    const item = read(JSON.stringify(message), i + 1);
    return item?.kind === 'records' ? item.records : [];
  });
}

/** A Segment Public API rule over the whole message, its fields under `properties.properties` (or traits). */
export function rule(type: string, key: string | undefined, fields: object, required: readonly string[] = []) {
  const field = type === 'IDENTIFY' || type === 'GROUP' ? 'traits' : 'properties';
  return {
    type,
    ...(key === undefined ? {} : { key }),
    version: 1,
    jsonSchema: {
      type: 'object',
      properties: { [field]: { type: 'object', properties: fields, required } },
    },
  };
}
