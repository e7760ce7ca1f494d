/**
 * Drafts a tracking plan from captured messages, in the shape Segment's Public API serves a plan,
 * so a Segment / Typewriter user can take the draft straight back: one TRACK rule per event name
 * (its schema over `properties`), one IDENTIFY and one GROUP rule (over `traits`) when such
 * messages were seen. Each rule's schema is over the whole message, as Segment serves it.
 *
 * Pure and streaming: the messages are merged one at a time (see value-shape.ts for what a drafted
 * schema decides), so 100,000 messages cost what their distinct paths cost. The output is the same
 * bytes whatever the order of the input: schema keys and `required` sorted (code-unit order; in
 * the JSON text, integer-like property names such as "2" and "10" come first in numeric order, as
 * JavaScript orders an object's keys), TRACK rules sorted by event name, then IDENTIFY, then GROUP.
 * A rule's own fields keep the order Segment serves them in: key, type, version, jsonSchema.
 */
import { isPlainObject } from '../../types';
import type { AllowRule } from '../../privacy/allow-rules';
import { findPersonalData, type Finding } from '../../privacy/find-personal-data';
import { formatPath } from '../../privacy/field-path';
import { compareStrings } from '../strings';
import { createShape, isJsonValue, observe, toSchema, type Shape } from './value-shape';

/**
 * One message: its type (track, identify, group…; others are skipped) and its payload as sent.
 * A MessageRecord is one.
 */
export interface DraftInput {
  readonly type: string;
  readonly payload: unknown;
}

export type DraftedRuleType = 'TRACK' | 'IDENTIFY' | 'GROUP';

export interface DraftedRule {
  /** The event name, for a TRACK rule only. */
  readonly key?: string;
  readonly type: DraftedRuleType;
  readonly version: 1;
  readonly jsonSchema: { readonly [keyword: string]: unknown };
}

export interface DraftedPlan {
  readonly name: string;
  readonly rules: readonly DraftedRule[];
}

export const DEFAULT_DRAFT_NAME = 'Draft tracking plan';

/** Segment serves rules in draft-07; a plan loader reads a rule naming it as such. */
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** The messages one rule is drafted from, and the merged shape of the field it describes. */
interface RuleDraft {
  messages: number;
  readonly field: Shape;
  /** Paths where the privacy guard flagged a value (`properties.card_number`, array indices as `*`). */
  readonly flagged: Set<string>;
}

/** A draft being built one message at a time (the CLI streams files of any size through it). */
export interface PlanDraft {
  add(message: DraftInput): void;
  plan(): DraftedPlan;
  /** The draft as a file: two-space indented JSON with a trailing newline. */
  json(): string;
}

/**
 * `privacy`: the privacy guard's allow rules (core/privacy/allow-rules.ts), or 'off'. A field it flags (a card number in
 * `properties`) is drafted, but left out of `required` and named in its rule's description: the plan must not
 * demand what should never be sent.
 */
export interface DraftOptions {
  readonly privacy?: readonly AllowRule[] | 'off';
}

export function createPlanDraft(name: string = DEFAULT_DRAFT_NAME, options: DraftOptions = {}): PlanDraft {
  const track = new Map<string, RuleDraft>();
  const identify = createRuleDraft();
  const group = createRuleDraft();
  const allow = options.privacy ?? [];
  const draft: PlanDraft = {
    add(input) {
      const { type, payload } = input;
      if (!isPlainObject(payload)) return;
      const message = payload;
      let rule: RuleDraft;
      if (type === 'track') {
        const event = message['event'];
        if (typeof event !== 'string' || event === '') return;
        let named = track.get(event);
        if (!named) track.set(event, (named = createRuleDraft()));
        rule = named;
      } else if (type === 'identify') rule = identify;
      else if (type === 'group') rule = group;
      else return;
      const fieldName = type === 'track' ? 'properties' : 'traits';
      mergeField(rule, message[fieldName]);
      if (allow !== 'off') for (const finding of findPersonalData(input, allow)) markFlagged(rule, fieldName, finding);
    },
    plan() {
      const rules: DraftedRule[] = [...track.keys()].sort(compareStrings).map((event) => ({
        key: event,
        type: 'TRACK',
        version: 1,
        jsonSchema: messageSchema('properties', track.get(event) ?? createRuleDraft()),
      }));
      if (identify.messages > 0)
        rules.push({ type: 'IDENTIFY', version: 1, jsonSchema: messageSchema('traits', identify) });
      if (group.messages > 0) rules.push({ type: 'GROUP', version: 1, jsonSchema: messageSchema('traits', group) });
      return { name, rules };
    },
    json: () => `${JSON.stringify(draft.plan(), null, 2)}\n`,
  };
  return draft;
}

export function draftPlan(messages: Iterable<DraftInput>, name?: string): DraftedPlan {
  const draft = createPlanDraft(name);
  for (const message of messages) draft.add(message);
  return draft.plan();
}

/** The draft as a file: two-space indented JSON with a trailing newline. */
export function draftPlanJson(messages: Iterable<DraftInput>, name?: string): string {
  const draft = createPlanDraft(name);
  for (const message of messages) draft.add(message);
  return draft.json();
}

function createRuleDraft(): RuleDraft {
  return { messages: 0, field: createShape(), flagged: new Set() };
}

/** Marks the shape a finding's path leads to, within the rule's field; findings elsewhere (context) are not the plan's. */
function markFlagged(rule: RuleDraft, fieldName: string, finding: Finding): void {
  const [first, ...rest] = finding.path;
  if (first !== fieldName) return;
  let shape: Shape | undefined = rule.field;
  for (const segment of rest) shape = typeof segment === 'number' ? shape?.items : shape?.keys.get(segment);
  if (!shape) return;
  (shape.flagged ??= new Set()).add(finding.detection.kind);
  // Every element of an array is one shape: its findings are named once, `items[*].email`.
  rule.flagged.add(formatPath(finding.path).replace(/\[\d+\]/g, '[*]'));
}

function mergeField(draft: RuleDraft, value: unknown): void {
  draft.messages += 1;
  if (value === undefined || !isJsonValue(value)) return;
  draft.field.present += 1;
  // The field is a key of the message: its value sits one level down.
  observe(draft.field, value, 1);
}

/** The schema of a whole message that constrains one field, required where every message had it. */
function messageSchema(fieldName: 'properties' | 'traits', draft: RuleDraft): Record<string, unknown> {
  // Never seen: the field is still an object in every message shape Segment documents.
  const field = draft.field.present === 0 ? { type: 'object' } : toSchema(draft.field);
  const flagged = [...draft.flagged].sort(compareStrings);
  return {
    $schema: DRAFT_07,
    ...(flagged.length
      ? {
          description:
            `Personal data or secrets were sent in ${flagged.join(', ')}: left out of required. ` +
            'Stop sending them, or allow them in the privacy settings if they belong here.',
        }
      : {}),
    properties: { [fieldName]: field },
    ...(draft.field.present === draft.messages ? { required: [fieldName] } : {}),
    type: 'object',
  };
}
