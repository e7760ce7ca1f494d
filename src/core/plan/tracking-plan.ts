/**
 * A tracking plan as the core holds it, whichever file shape it came in (Segment Public API,
 * Typewriter 7 / 8, RudderStack): the team's own rules, checked beside the June schema.
 *
 * The stages, a folder each: load/ reads a plan file into a TrackingPlan (openPlan); rule/ compiles
 * each rule into a validator with its fast check; check/ checks a message against the plan
 * (planChecker makes the PlanChecker that the core's validation takes); infer/ drafts a plan from a
 * capture.
 */

/** The JSON Schema dialects a plan rule may be written in; a rule naming none is draft-07. */
export const DIALECTS = ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'] as const;
export type Dialect = (typeof DIALECTS)[number];

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/**
 * What a rule's schema describes. As Segment's API serves a plan, a rule's schema is over the
 * whole message (`message`); Typewriter 8 caches it unwrapped, as the schema of the `properties`
 * object (a track rule) or of `traits` (identify / group rules).
 */
export type RuleTarget = 'message' | 'properties' | 'traits';

export interface PlanRule {
  readonly schema: JsonSchema;
  readonly dialect: Dialect;
  readonly target: RuleTarget;
  /** The rule's version in the plan, when it has one. */
  readonly version?: number;
}

export interface TrackingPlan {
  readonly name: string;
  /** Applies to every message. */
  readonly common: PlanRule | null;
  /** Track rules by event name (as written: names are matched exactly). */
  readonly track: ReadonlyMap<string, PlanRule>;
  /**
   * Other names a track rule is matched by, to its name in `track`: a Typewriter 8 cache's key where its clients send
   * `eventMetadata.name` (plan-shapes.ts). Absent or empty for most plans.
   */
  readonly trackAliases?: ReadonlyMap<string, string>;
  readonly identify: PlanRule | null;
  readonly group: PlanRule | null;
  readonly page: PlanRule | null;
}

/** The name of the track rule a message's event name meets, by its name or an alias; undefined when none. */
export function trackRuleName(plan: TrackingPlan, event: string): string | undefined {
  if (plan.track.has(event)) return event;
  return plan.trackAliases?.get(event);
}

/** How the counts of a plan read, for the options page and the CLI. */
export function describePlan(plan: TrackingPlan): string {
  const extra = [
    plan.identify && 'identify traits',
    plan.group && 'group traits',
    plan.page && 'pages',
    plan.common && 'common rules',
  ].filter(Boolean);
  const events = `${plan.track.size} track ${plan.track.size === 1 ? 'event' : 'events'}`;
  return `"${plan.name}": ${events}${extra.length ? `, ${extra.join(', ')}` : ''}`;
}

/** How many rules of each type a plan has: what the options page and the panel show of it. */
export interface PlanCounts {
  readonly track: number;
  readonly identify: number;
  readonly group: number;
  readonly page: number;
  readonly common: number;
}

export function countRules(plan: TrackingPlan): PlanCounts {
  const one = (rule: PlanRule | null) => (rule ? 1 : 0);
  return {
    track: plan.track.size,
    identify: one(plan.identify),
    group: one(plan.group),
    page: one(plan.page),
    common: one(plan.common),
  };
}
