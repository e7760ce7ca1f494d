/**
 * Walks every value of one message (its payload; for a batch entry without a `context` of its own, the
 * batch's) and returns what the detectors flag, minus the fields the allow rules and the default
 * exemptions cover. A walk with no rule left in force costs a type check per value and a detector call
 * per string.
 */
import { isPlainObject } from '../types';
import { DEFAULT_EXEMPTIONS, rulesFor, type AllowRule } from './allow-rules';
import type { Detection } from './detection';
import { detectNumber, detectString } from './detect-value';
import type { PathSegment } from './field-path';

export interface Finding {
  readonly detection: Detection;
  /** Where the value is, from the payload (from the batch body for an inherited context). */
  readonly path: readonly PathSegment[];
  /** The whole value as text (a number's digits): what redaction hashes. */
  readonly value: string;
  /** The value is in the batch's context, which this entry inherits. */
  readonly inherited?: true;
}

/** What the walk needs of a message: a ValidationInput, a MessageRecord or an imported line are one. */
export interface PrivacyInput {
  readonly type: string;
  readonly payload: unknown;
  readonly batch?: { readonly inherited: { readonly context?: unknown } };
}

/** Nesting beyond this is not looked at: it bounds the recursion on hostile input; no SDK nests this deep. */
const MAX_DEPTH = 64;

/** A rule in force at a point of the walk: how much of its path the walk has matched. */
interface Cursor {
  readonly rule: AllowRule;
  readonly at: number;
}
const NO_CURSORS: readonly Cursor[] = [];

const NO_RULES: readonly AllowRule[] = [];

export function findPersonalData(message: PrivacyInput, allow: readonly AllowRule[] = NO_RULES): Finding[] {
  const { type, payload } = message;
  const findings: Finding[] = [];
  if (!isPlainObject(payload)) return findings;
  const event = type === 'track' ? payload['event'] : payload['name'];
  const cursors = startingCursors(allow, type, event);
  walk(payload, null, cursors, 0, { into: findings, inherited: false });
  const inherited = message.batch?.inherited.context;
  if (inherited !== undefined && payload['context'] === undefined) {
    const under = advance(cursors, 'context', false);
    const trail = { parent: null, segment: 'context' };
    if (!isAllowed(under)) walk(inherited, trail, under, 1, { into: findings, inherited: true });
  }
  return findings;
}

/** An allow list's rules that name no event, as starting cursors per message type; and those that name one. */
interface ListCursors {
  readonly byType: Map<string, readonly Cursor[]>;
  readonly named: readonly AllowRule[];
}
const cursorsByList = new WeakMap<readonly AllowRule[], ListCursors>();
/** Types beyond the six come from hostile or broken input: the map is emptied rather than left to grow. */
const TYPES_KEPT = 16;

/**
 * The cursors a message's walk starts with. Every message of a capture shares its guard's allow list, so the
 * rules for a type are filtered once per list, not once per message; only rules naming an event are matched per
 * message, and most lists have none.
 */
function startingCursors(allow: readonly AllowRule[], type: string, event: unknown): readonly Cursor[] {
  let list = cursorsByList.get(allow);
  if (!list) {
    list = { byType: new Map(), named: allow.filter((rule) => rule.event !== undefined) };
    cursorsByList.set(allow, list);
  }
  let common = list.byType.get(type);
  if (!common) {
    const unnamed = allow.filter((rule) => rule.event === undefined);
    common = rulesFor([...DEFAULT_EXEMPTIONS, ...unnamed], type, undefined).map((rule) => ({ rule, at: 0 }));
    if (list.byType.size >= TYPES_KEPT) list.byType.clear();
    list.byType.set(type, common);
  }
  if (list.named.length === 0) return common;
  return [...common, ...rulesFor(list.named, type, event).map((rule) => ({ rule, at: 0 }))];
}

/** Where a walk puts its findings, and whether it walks the batch's context. */
interface Walk {
  readonly into: Finding[];
  readonly inherited: boolean;
}

/**
 * The way from the payload to the object being walked, one link per object or array entered (null: the payload
 * itself). Most walks find nothing: a finding's path is made from it only then.
 */
interface Trail {
  readonly parent: Trail | null;
  readonly segment: PathSegment;
}

function walk(value: unknown, trail: Trail | null, cursors: readonly Cursor[], depth: number, state: Walk): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    // An array's elements go by the array's name: `emails: ["a@b.co"]` is read under `emails`.
    const key = lastKey(trail);
    for (let i = 0; i < value.length; i++) {
      const under = cursors.length === 0 ? NO_CURSORS : advance(cursors, i, true);
      if (under.length === 0 || !isAllowed(under)) visit(value[i], i, key, trail, under, depth, state);
    }
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    // for-in, not Object.keys: no array of keys per object. A payload is JSON data, whose objects inherit no
    // enumerable key, so both list the same keys in the same order.
    if (cursors.length === 0) {
      // Most of a payload, where no allow rule reaches.
      for (const key in object) visit(object[key], key, key, trail, NO_CURSORS, depth, state);
    } else {
      for (const key in object) {
        const under = advance(cursors, key, false);
        if (under.length === 0 || !isAllowed(under)) visit(object[key], key, key, trail, under, depth, state);
      }
    }
  }
}

/** One value the allow rules leave to the guard: looked at if a string or a number (`key` names it), else walked. */
function visit(
  value: unknown,
  segment: PathSegment,
  key: string | undefined,
  trail: Trail | null,
  under: readonly Cursor[],
  depth: number,
  state: Walk,
): void {
  let detection: Detection | null = null;
  if (typeof value === 'string') detection = detectString(value, key);
  else if (typeof value === 'number') detection = detectNumber(value, key);
  else if (typeof value === 'object' && value !== null)
    walk(value, { parent: trail, segment }, under, depth + 1, state);
  if (detection) {
    const finding = { detection, path: [...pathOf(trail), segment], value: String(value) };
    state.into.push(state.inherited ? { ...finding, inherited: true } : finding);
  }
}

function pathOf(trail: Trail | null): PathSegment[] {
  const path: PathSegment[] = [];
  for (let link = trail; link; link = link.parent) path.push(link.segment);
  return path.reverse();
}

function lastKey(trail: Trail | null): string | undefined {
  for (let link = trail; link; link = link.parent) if (typeof link.segment === 'string') return link.segment;
  return undefined;
}

/** The cursors still in force one step down. An index a rule does not name is skipped: `items.email` covers `items[3].email`. */
function advance(cursors: readonly Cursor[], segment: PathSegment, isIndex: boolean): readonly Cursor[] {
  let next: Cursor[] | undefined;
  for (const cursor of cursors) {
    const wanted = cursor.rule.path[cursor.at];
    if (wanted === '*' || wanted === String(segment)) (next ??= []).push({ rule: cursor.rule, at: cursor.at + 1 });
    else if (isIndex && !/^\d+$/.test(wanted ?? '')) (next ??= []).push(cursor);
  }
  return next ?? NO_CURSORS;
}

function isAllowed(cursors: readonly Cursor[]): boolean {
  return cursors.some((cursor) => cursor.at === cursor.rule.path.length);
}
