/**
 * The allow rules (and default exemptions) in force at one point of the privacy walk, and what one more key or index
 * leads to. Every message of a capture starts from the same rules, so each step is worked out once and remembered:
 * the walk then costs one map lookup per key where a rule is in force (the default exemptions put two at the top of
 * every message), and nothing where none is.
 */
import { DEFAULT_EXEMPTIONS, rulesFor, type AllowRule } from './allow-rules';

/** A rule in force at a point of the walk: how much of its path the walk has matched. */
interface Cursor {
  readonly rule: AllowRule;
  readonly at: number;
}

const DIGITS = /^\d+$/;

export class RulesInForce {
  /** Some rule ends here: this value and everything under it are allowed. */
  readonly allowed: boolean;
  /** No rule is in force: nothing under here is allowed, and no step needs looking up. */
  readonly none: boolean;
  /**
   * The rules in force one step down, by the keys (and indices) some rule names here; null until first taken. Only
   * names written in the rules are kept, so hostile input with endless distinct keys cannot grow them.
   */
  private readonly byKey = new Map<string, RulesInForce | null>();
  private readonly byIndex = new Map<string, RulesInForce | null>();
  /** One step down by any key (any index) no rule names here: the same rules, whichever it is. */
  private otherKey: RulesInForce | undefined;
  private otherIndex: RulesInForce | undefined;

  constructor(readonly cursors: readonly Cursor[]) {
    this.none = cursors.length === 0;
    this.allowed = cursors.some((cursor) => cursor.at === cursor.rule.path.length);
    for (const { rule, at } of cursors) {
      const wanted = rule.path[at];
      if (wanted === undefined || wanted === '*') continue;
      this.byKey.set(wanted, null);
      // Only digits can name an index; a rule's other names leave an index to be skipped (advance).
      if (DIGITS.test(wanted)) this.byIndex.set(wanted, null);
    }
  }

  /** Under an object's key. */
  key(name: string): RulesInForce {
    if (this.none) return this;
    let next = this.byKey.get(name);
    if (next === undefined) return (this.otherKey ??= new RulesInForce(advance(this.cursors, name, false)));
    if (next === null) this.byKey.set(name, (next = new RulesInForce(advance(this.cursors, name, false))));
    return next;
  }

  /** Under an array's element. */
  index(index: number): RulesInForce {
    if (this.none) return this;
    const name = String(index);
    let next = this.byIndex.get(name);
    if (next === undefined) return (this.otherIndex ??= new RulesInForce(advance(this.cursors, index, true)));
    if (next === null) this.byIndex.set(name, (next = new RulesInForce(advance(this.cursors, index, true))));
    return next;
  }
}

export const NO_RULES_IN_FORCE = new RulesInForce([]);

/**
 * The cursors still in force one step down. An index a rule does not name is skipped: `items.email` covers
 * `items[3].email`.
 */
function advance(cursors: readonly Cursor[], segment: string | number, isIndex: boolean): readonly Cursor[] {
  const next: Cursor[] = [];
  const name = String(segment);
  for (const cursor of cursors) {
    const wanted = cursor.rule.path[cursor.at];
    if (wanted === '*' || wanted === name) next.push({ rule: cursor.rule, at: cursor.at + 1 });
    else if (isIndex && !DIGITS.test(wanted ?? '')) next.push(cursor);
  }
  return next;
}

/** An allow list's rules that name no event, in force per message type; and those that name one. */
interface ListRules {
  readonly byType: Map<string, RulesInForce>;
  readonly named: readonly AllowRule[];
}
const rulesByList = new WeakMap<readonly AllowRule[], ListRules>();
/** Types beyond the six come from hostile or broken input: the map is emptied rather than left to grow. */
const TYPES_KEPT = 16;

/**
 * The rules in force at the top of a message. Every message of a capture shares its guard's allow list, so the
 * rules for a type are gathered (and their steps remembered) once per list; only rules naming an event are matched
 * per message, and most lists have none.
 */
export function startingRules(
  allow: readonly AllowRule[],
  type: string,
  payload: Readonly<Record<string, unknown>>,
): RulesInForce {
  let list = rulesByList.get(allow);
  if (!list) {
    list = { byType: new Map(), named: allow.filter((rule) => rule.event !== undefined) };
    rulesByList.set(allow, list);
  }
  let common = list.byType.get(type);
  if (!common) {
    const unnamed = allow.filter((rule) => rule.event === undefined);
    common = new RulesInForce(startAt(rulesFor([...DEFAULT_EXEMPTIONS, ...unnamed], type, undefined)));
    if (list.byType.size >= TYPES_KEPT) list.byType.clear();
    list.byType.set(type, common);
  }
  if (list.named.length === 0) return common;
  const named = rulesFor(list.named, type, type === 'track' ? payload['event'] : payload['name']);
  return named.length === 0 ? common : new RulesInForce([...common.cursors, ...startAt(named)]);
}

function startAt(rules: readonly AllowRule[]): Cursor[] {
  return rules.map((rule) => ({ rule, at: 0 }));
}
