/**
 * Loads a tracking-plan file: its text to a TrackingPlan, or the problems that make it unusable,
 * one line each (the options page and the CLI show them as they are). Never throws: the file is
 * the user's and may be anything.
 *
 * plan-json.ts reads the text (size, nesting, JSON), plan-shapes.ts finds the rules in whichever
 * Segment / Typewriter shape the file is, read-rule.ts checks each rule's schema. openPlan then
 * compiles every rule (rule/compile-plan.ts), so a plan the checker cannot use is refused here.
 */
import { compilePlan } from '../rule/compile-plan';
import { quote } from '../strings';
import type { PlanRule, TrackingPlan } from '../tracking-plan';
import { kindOf, readPlanJson } from './plan-json';
import { ACCEPTED_SHAPES, readPlanShape, type RawRule } from './plan-shapes';
import { readRule } from './read-rule';

/** What the user is told about a plan file that cannot be used: one line per problem. */
export type PlanLoad =
  { readonly ok: true; readonly plan: TrackingPlan } | { readonly ok: false; readonly problems: readonly string[] };

export const DEFAULT_PLAN_NAME = 'Tracking plan';

/** A broken plan can have a problem per rule; past this many the rest are counted, not listed. */
const MAX_PROBLEMS = 20;

type Slot = 'common' | 'identify' | 'group' | 'page';

/** Where each rule type goes. SCREEN rules are skipped: a TrackingPlan has no place for them yet. */
const SLOT_BY_TYPE: ReadonlyMap<unknown, Slot | 'track' | 'skip'> = new Map([
  ['TRACK', 'track'],
  ['IDENTIFY', 'identify'],
  ['GROUP', 'group'],
  ['PAGE', 'page'],
  ['COMMON', 'common'],
  ['SCREEN', 'skip'],
]);

/** A rule and where it was in the file, to name both places of a duplicate. */
interface Placed {
  readonly rule: PlanRule;
  readonly where: string;
}

/**
 * A plan file made ready to check messages: loaded, and every rule compiled. What the options page
 * accepts and the CLI's `--plan` takes, so a plan refused by one is refused by the other with the same lines.
 */
export function openPlan(text: string, fileName?: string): PlanLoad {
  const loaded = loadPlan(text, fileName);
  if (!loaded.ok) return loaded;
  const problems = compilePlan(loaded.plan).problems;
  return problems.length ? { ok: false, problems } : loaded;
}

export function loadPlan(text: string, fileName?: string): PlanLoad {
  const json = readPlanJson(text);
  if (!json.ok) return refuse([json.problem]);
  const shape = readPlanShape(json.value);
  if (!shape) return refuse([`not a tracking plan: no rules found (accepted: ${ACCEPTED_SHAPES})`]);

  const name = shape.name ?? nameFromFile(fileName) ?? DEFAULT_PLAN_NAME;
  const problems: string[] = [];
  const track = new Map<string, Placed>();
  const aliases = new Map<string, string>();
  const slots = new Map<Slot, Placed>();
  for (const raw of shape.rules) {
    if (typeof raw === 'string') {
      problems.push(raw);
      continue;
    }
    const slot = SLOT_BY_TYPE.get(raw.type);
    if (slot === 'skip') continue;
    if (slot === undefined) {
      problems.push(
        `${raw.where}: ${typeDescription(raw.type)} (expected TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON)`,
      );
      continue;
    }
    const event = slot === 'track' ? eventNameOf(raw) : undefined;
    if (slot === 'track' && event === undefined) {
      problems.push(`${raw.where}: a TRACK rule needs the event name in "${raw.keyField}"`);
      continue;
    }
    const label = event !== undefined ? `rule TRACK ${quote(event)}` : `rule ${String(raw.type)} (${raw.where})`;
    const read = readRule(raw.schema, raw.target, raw.version, label, raw.schemaField);
    if (!read.ok) problems.push(...read.problems);
    else if (slot === 'track' && event !== undefined) {
      place(track, event, { rule: read.rule, where: raw.where }, `TRACK key ${quote(event)}`, problems);
      if (raw.alias !== undefined && !aliases.has(raw.alias)) aliases.set(raw.alias, event);
    } else if (slot !== 'track')
      place(slots, slot, { rule: read.rule, where: raw.where }, `${String(raw.type)} rule`, problems);
  }

  if (problems.length > 0) return refuse(problems);
  if (track.size === 0 && slots.size === 0)
    return refuse([`plan ${quote(name)} has no rules to check (no TRACK, IDENTIFY, GROUP, PAGE or COMMON rule)`]);
  const plan: TrackingPlan = {
    name,
    common: slots.get('common')?.rule ?? null,
    track: new Map([...track].map(([event, { rule }]) => [event, rule])),
    // A rule's own name wins over another rule's alias.
    trackAliases: new Map([...aliases].filter(([alias]) => !track.has(alias))),
    identify: slots.get('identify')?.rule ?? null,
    group: slots.get('group')?.rule ?? null,
    page: slots.get('page')?.rule ?? null,
  };
  return { ok: true, plan };
}

/**
 * Segment keeps every version of a rule, and a plan file can hold several: like Typewriter, the
 * newest applies. Two rules for the same thing with no versions to tell them apart is a mistake.
 */
function place<K>(rules: Map<K, Placed>, key: K, incoming: Placed, what: string, problems: string[]): void {
  const existing = rules.get(key);
  const [a, b] = [existing?.rule.version, incoming.rule.version];
  if (!existing || (a !== undefined && b !== undefined && b > a)) rules.set(key, incoming);
  else if (a === undefined || b === undefined || a === b)
    problems.push(`duplicate ${what} (${existing.where} and ${incoming.where})`);
}

function eventNameOf(raw: RawRule): string | undefined {
  return typeof raw.key === 'string' && raw.key !== '' ? raw.key : undefined;
}

function typeDescription(type: unknown): string {
  if (type === undefined) return 'the rule has no type';
  return typeof type === 'string'
    ? `unknown rule type ${quote(type)}`
    : `the rule's type is ${kindOf(type)}, not a name`;
}

/** "plans/checkout.plan.json" reads "checkout.plan": the last extension goes. */
function nameFromFile(fileName: string | undefined): string | undefined {
  const base = fileName
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]*$/, '')
    .trim();
  return base || undefined;
}

function refuse(problems: readonly string[]): PlanLoad {
  const unique = [...new Set(problems)];
  if (unique.length <= MAX_PROBLEMS) return { ok: false, problems: unique };
  const more = unique.length - (MAX_PROBLEMS - 1);
  return { ok: false, problems: [...unique.slice(0, MAX_PROBLEMS - 1), `…and ${more} more problems`] };
}
