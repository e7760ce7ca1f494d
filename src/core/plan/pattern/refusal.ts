/**
 * A construct of a plan pattern that cannot be matched in linear time, said as the options page and
 * the CLI print it: what it is, the text itself, where it starts, and what to write instead.
 */
export interface Refusal {
  readonly kind: 'lookahead' | 'lookbehind' | 'backreference' | 'modifiers' | 'count' | 'size';
  /** The construct as written in the pattern, e.g. `(?=.*\d)` or `\1`. */
  readonly construct: string;
  /** 1-based, in UTF-16 units as an editor counts them. */
  readonly character: number;
}

const WHAT: Readonly<Record<Refusal['kind'], string>> = {
  lookahead: 'a lookahead',
  lookbehind: 'a lookbehind',
  backreference: 'a backreference',
  modifiers: 'inline modifiers',
  count: 'a repetition count above 1000',
  size: 'a pattern too large for the linear-time matcher',
};

/** What to write instead, where there is something. */
const INSTEAD: Readonly<Record<Refusal['kind'], string>> = {
  lookahead: 'write each condition as its own pattern under allOf, or a forbidden one under not',
  lookbehind: 'write each condition as its own pattern under allOf, or a forbidden one under not',
  backreference: 'list the allowed values with enum, or match the repeated part with a class',
  modifiers: 'write both cases out, as [Aa]',
  count: 'bound the length with minLength and maxLength',
  size: 'split it into smaller patterns under allOf',
};

export function refusal(kind: Refusal['kind'], source: string, at: number, end: number): Refusal {
  return { kind, construct: source.slice(at, Math.max(end, at + 1)), character: at + 1 };
}

/**
 * `uses a lookahead, "(?=.*\d)" at character 2: …`: the rest of a loader's line that starts with the
 * pattern and where it is in the plan.
 */
export function describeRefusal({ kind, construct, character }: Refusal): string {
  const shown = JSON.stringify(construct.length > 40 ? `${construct.slice(0, 37)}…` : construct);
  return (
    `uses ${WHAT[kind]}, ${shown} at character ${character}, which cannot be matched in linear time ` +
    `(plans are matched with RE2; ${INSTEAD[kind]})`
  );
}
