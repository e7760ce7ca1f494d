/**
 * Two captures compared by what consumers of the data rely on (capture-profile.ts says what each sent):
 * - events (by type and name) only in BASE are removed, only in CURRENT added;
 * - per event in both, property paths only in BASE are removed, only in CURRENT added, and a path is type-changed
 *   when CURRENT sent it with a type BASE never did. A whole number where BASE sent fractions is no change (an
 *   integer is a number); the reverse is (a consumer that stores integers gets a fraction). A type BASE sent and
 *   CURRENT did not is no change either: nothing a consumer handles is new;
 * - per event in both, the verdict got worse when every BASE message was valid and some CURRENT one is not, with the
 *   most common problem of those.
 * The diff fails (diffFails: the CLI exits 1) when anything was removed, a type changed or a verdict got worse; a
 * CURRENT that only adds passes.
 */
import { compareStrings } from '../plan/strings';
import { mostCommon } from '../coverage/top-counts';
import type { CaptureProfile, EventProfile } from './capture-profile';
import type { JsonType } from './value-paths';

export interface DiffEvent {
  readonly type: string;
  readonly name: string | null;
  /** How many messages of it the capture that has it sent. */
  readonly seen: number;
}

export interface PropertyChange {
  readonly type: string;
  readonly name: string | null;
  readonly path: string;
  readonly change: 'added' | 'removed' | 'type-changed';
  /** The JSON types seen at the path, sorted; empty where the capture did not send it. */
  readonly before: readonly JsonType[];
  readonly after: readonly JsonType[];
}

export interface VerdictChange {
  readonly type: string;
  readonly name: string | null;
  readonly before: { readonly seen: number; readonly invalid: number };
  readonly after: { readonly seen: number; readonly invalid: number };
  readonly topProblem: string | null;
}

export interface CaptureDiff {
  readonly events: { readonly added: readonly DiffEvent[]; readonly removed: readonly DiffEvent[] };
  readonly properties: readonly PropertyChange[];
  readonly verdicts: readonly VerdictChange[];
}

export function diffCaptures(base: CaptureProfile, current: CaptureProfile): CaptureDiff {
  const before = sortedEvents(base);
  const after = sortedEvents(current);
  const lookup = (events: CaptureProfile, event: EventProfile) => events.events.get(event.type)?.get(event.name);
  const added = after.filter((event) => !lookup(base, event)).map(reference);
  const removed = before.filter((event) => !lookup(current, event)).map(reference);
  const properties: PropertyChange[] = [];
  const verdicts: VerdictChange[] = [];
  for (const was of before) {
    const now = lookup(current, was);
    if (!now) continue;
    properties.push(...propertyChanges(was, now));
    if (was.invalid === 0 && now.invalid > 0) {
      verdicts.push({
        type: was.type,
        name: was.name,
        before: { seen: was.seen, invalid: was.invalid },
        after: { seen: now.seen, invalid: now.invalid },
        topProblem: mostCommon(now.problems),
      });
    }
  }
  return { events: { added, removed }, properties, verdicts };
}

/** Whether CURRENT lost or changed something consumers rely on: anything removed, a type changed, a verdict worse. */
export function diffFails(diff: CaptureDiff): boolean {
  return (
    diff.events.removed.length > 0 ||
    diff.verdicts.length > 0 ||
    diff.properties.some((property) => property.change !== 'added')
  );
}

function propertyChanges(was: EventProfile, now: EventProfile): PropertyChange[] {
  const changes: PropertyChange[] = [];
  const change = (path: string, kind: PropertyChange['change'], before: JsonType[], after: JsonType[]) =>
    changes.push({ type: was.type, name: was.name, path, change: kind, before, after });
  const paths = [...new Set([...was.paths.keys(), ...now.paths.keys()])].sort(compareStrings);
  for (const path of paths) {
    const before = sortedTypes(was.paths.get(path));
    const after = sortedTypes(now.paths.get(path));
    if (after.length === 0) change(path, 'removed', before, after);
    else if (before.length === 0) change(path, 'added', before, after);
    else if (after.some((type) => !covers(before, type))) change(path, 'type-changed', before, after);
  }
  return changes;
}

/** Whether `types` (BASE's) already had `type`: an integer is a number. */
function covers(types: readonly JsonType[], type: JsonType): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function sortedTypes(types: ReadonlySet<JsonType> | undefined): JsonType[] {
  return types ? [...types].sort(compareStrings) : [];
}

/** Every event of a capture, by type then name (a nameless one first). */
function sortedEvents(profile: CaptureProfile): EventProfile[] {
  const events = [...profile.events.values()].flatMap((byName) => [...byName.values()]);
  return events.sort((a, b) => compareStrings(a.type, b.type) || compareNames(a.name, b.name));
}

function compareNames(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareStrings(a, b);
}

function reference(event: EventProfile): DiffEvent {
  return { type: event.type, name: event.name, seen: event.seen };
}
