/**
 * Walks every value of one message (its payload; for a batch entry without a `context` of its own, the
 * batch's) and returns what the detectors flag, minus the fields the allow rules and the default
 * exemptions cover. A walk with no rule left in force costs a type check per value and a detector call
 * per string.
 */
import { isPlainObject } from '../types';
import type { AllowRule } from './allow-rules';
import type { Detection } from './detection';
import { detectNumber, detectString } from './detect-value';
import type { PathSegment } from './field-path';
import { NO_RULES_IN_FORCE, startingRules, type RulesInForce } from './rules-in-force';

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

const NO_RULES: readonly AllowRule[] = [];

export function findPersonalData(message: PrivacyInput, allow: readonly AllowRule[] = NO_RULES): Finding[] {
  const { type, payload } = message;
  const findings: Finding[] = [];
  if (!isPlainObject(payload)) return findings;
  const rules = startingRules(allow, type, payload);
  walk(payload, null, rules, 0, { into: findings, inherited: false });
  const inherited = message.batch?.inherited.context;
  if (inherited !== undefined && payload['context'] === undefined) {
    const under = rules.key('context');
    const trail = { parent: null, segment: 'context' };
    if (!under.allowed) walk(inherited, trail, under, 1, { into: findings, inherited: true });
  }
  return findings;
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

function walk(value: unknown, trail: Trail | null, rules: RulesInForce, depth: number, state: Walk): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    // An array's elements go by the array's name: `emails: ["a@b.co"]` is read under `emails`.
    const key = lastKey(trail);
    for (let i = 0; i < value.length; i++) {
      const under = rules.index(i);
      if (!under.allowed) visit(value[i], i, key, trail, under, depth, state);
    }
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    // for-in, not Object.keys: no array of keys per object. A payload is JSON data, whose objects inherit no
    // enumerable key, so both list the same keys in the same order.
    if (rules.none) {
      // Most of a payload, where no allow rule reaches.
      for (const key in object) visit(object[key], key, key, trail, NO_RULES_IN_FORCE, depth, state);
    } else {
      for (const key in object) {
        const under = rules.key(key);
        if (!under.allowed) visit(object[key], key, key, trail, under, depth, state);
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
  under: RulesInForce,
  depth: number,
  state: Walk,
): void {
  let detection: Detection | null = null;
  if (typeof value === 'string') detection = detectString(value, key);
  else if (typeof value === 'number') detection = detectNumber(value, key);
  else if (typeof value === 'object' && value !== null)
    walk(value, { parent: trail, segment }, under, depth + 1, state);
  if (detection) {
    const at = [...pathOf(trail), segment];
    // Not `{ ...finding, inherited: true }`: a spread and a new key cost a hidden class each on Node 20's V8.
    state.into.push(
      state.inherited
        ? { detection, path: at, value: String(value), inherited: true }
        : { detection, path: at, value: String(value) },
    );
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
