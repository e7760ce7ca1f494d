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
  walk(payload, [], cursors, 0, { into: findings, inherited: false });
  const inherited = message.batch?.inherited.context;
  if (inherited !== undefined && payload['context'] === undefined) {
    const under = advance(cursors, 'context', false);
    if (!isAllowed(under)) walk(inherited, ['context'], under, 1, { into: findings, inherited: true });
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

function walk(value: unknown, path: PathSegment[], cursors: readonly Cursor[], depth: number, state: Walk): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visit(value[i], i, true, path, cursors, depth, state);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) visit(value[key], key, false, path, cursors, depth, state);
  }
}

function visit(
  value: unknown,
  segment: PathSegment,
  isIndex: boolean,
  path: PathSegment[],
  cursors: readonly Cursor[],
  depth: number,
  state: Walk,
): void {
  const under = cursors.length ? advance(cursors, segment, isIndex) : NO_CURSORS;
  if (under.length && isAllowed(under)) return;
  if (typeof value === 'string' || typeof value === 'number') {
    // An array's elements go by the array's name: `emails: ["a@b.co"]` is read under `emails`.
    const key = isIndex ? lastKey(path) : (segment as string);
    const detection = typeof value === 'string' ? detectString(value, key) : detectNumber(value, key);
    if (detection) {
      const at = [...path, segment];
      // Not `{ ...finding, inherited: true }`: a spread and a new key cost a hidden class each on Node 20's V8.
      state.into.push(
        state.inherited
          ? { detection, path: at, value: String(value), inherited: true }
          : { detection, path: at, value: String(value) },
      );
    }
  } else if (typeof value === 'object' && value !== null) {
    path.push(segment);
    walk(value, path, under, depth + 1, state);
    path.pop();
  }
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
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
