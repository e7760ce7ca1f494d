/**
 * Allow rules: the fields where the user says personal data belongs (an invite's `invitee_email`), and the
 * defaults the Segment spec puts there on purpose. One rule a line, as the options page, the CLI's
 * `--pii-allow` and the Playwright fixture take them:
 *
 *   track "Invite Sent" properties.invitee_email   one event's field (track, page and screen name an event)
 *   identify traits.email                          every message of a type
 *   * properties.email                             every message
 *   track properties.items[*].email                `*` or `[*]`: any one key or index
 *
 * A rule allows the field and everything under it. An array's index may be left out
 * (`properties.items.email` allows it in every element).
 */
import { MESSAGE_TYPES, type MessageType } from '../types';
import { parsePath } from './field-path';

export interface AllowRule {
  /** A message type, or `*` for all. */
  readonly type: MessageType | '*';
  /** The track event's name (a page's or screen's `name`); absent: any. */
  readonly event?: string;
  /** Keys, indices as digits, '*' for any one. */
  readonly path: readonly string[];
  /** The rule as written. */
  readonly text: string;
}

export type AllowRuleParse =
  { readonly ok: true; readonly rule: AllowRule } | { readonly ok: false; readonly error: string };

/** What the Segment spec puts in these fields on purpose: identify's and group's traits, `context.traits`, `context.ip`. */
export const DEFAULT_EXEMPTIONS: readonly AllowRule[] = [
  'identify traits',
  'group traits',
  '* context.traits',
  '* context.ip',
].map((text) => {
  const parsed = parseAllowRule(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rule;
});

const NAMED_TYPES: readonly string[] = ['track', 'page', 'screen', '*'];

export function parseAllowRule(text: string): AllowRuleParse {
  const fail = (why: string): AllowRuleParse => ({ ok: false, error: `allow rule ${JSON.stringify(text)}: ${why}` });
  const trimmed = text.trim();
  const typeEnd = trimmed.search(/\s|$/);
  const type = trimmed.slice(0, typeEnd);
  if (type === '') return fail('it is empty; write TYPE ["EVENT"] PATH, e.g. track "Invite Sent" properties.email');
  if (type !== '*' && !(MESSAGE_TYPES as readonly string[]).includes(type))
    return fail(`"${type}" is not a message type: use ${MESSAGE_TYPES.join(', ')} or *`);
  let rest = trimmed.slice(typeEnd).trimStart();
  let event: string | undefined;
  if (rest.startsWith('"')) {
    const quoted = /^"(?:[^"\\]|\\.)*"/.exec(rest)?.[0];
    if (!quoted) return fail("the event name's quote is never closed");
    try {
      event = String(JSON.parse(quoted));
    } catch {
      return fail(`${quoted} is not a quoted name`);
    }
    if (!NAMED_TYPES.includes(type))
      return fail(`${type} messages have no event name; name one for track, page, screen or *`);
    rest = rest.slice(quoted.length).trimStart();
  }
  if (rest === '') return fail('it names no field; add a path such as properties.email');
  if (/\s/.test(rest.replace(/"(?:[^"\\]|\\.)*"/g, '""')))
    return fail(`one path after the type${event === undefined ? '' : ' and event'}; got "${rest}"`);
  const path = parsePath(rest);
  if ('error' in path) return fail(`in the path "${rest}": ${path.error}`);
  const [first] = path.path;
  if (first === '*' || /^\d+$/.test(first ?? ''))
    return fail('the path starts at a field of the message, such as properties');
  return {
    ok: true,
    rule: {
      type: type as AllowRule['type'],
      ...(event !== undefined ? { event } : {}),
      path: path.path,
      text: trimmed,
    },
  };
}

/**
 * Several rules, one a line (the options page's text box): blank lines and `#` comments skipped; each
 * error names its line.
 */
export function parseAllowList(text: string): { readonly rules: AllowRule[]; readonly errors: string[] } {
  const rules: AllowRule[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const parsed = parseAllowRule(line);
    if (parsed.ok) rules.push(parsed.rule);
    else errors.push(`line ${index + 1}: ${parsed.error}`);
  });
  return { rules, errors };
}

/** The rules that concern one message: its type, and its event name where a rule names one. */
export function rulesFor(rules: readonly AllowRule[], type: string, event: unknown): AllowRule[] {
  return rules.filter(
    (rule) => (rule.type === '*' || rule.type === type) && (rule.event === undefined || rule.event === event),
  );
}

/** The rule that allows one finding's field, for a message to suggest: `track "Invite Sent" properties.email`. */
export function allowRuleText(type: string, event: unknown, path: string): string {
  const named = NAMED_TYPES.includes(type) && typeof event === 'string';
  return `${type}${named ? ` ${JSON.stringify(event)}` : ''} ${path}`;
}
