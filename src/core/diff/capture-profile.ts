/**
 * What a capture sent, event by event, as a diff between two captures compares it: per event (type and name) how
 * many messages, how many invalid, their problems by text, and every path of its properties (traits for identify and
 * group) with the JSON types seen there (value-paths.ts). Fed a message at a time; memory is bounded by the numbers of
 * distinct events and paths (at most MAX_EVENTS and MAX_PATHS each), never by the number of messages.
 */
import { countInto, type TopCounts } from '../coverage/top-counts';
import { isPlainObject, type Validation } from '../types';
import { childPath, visitPaths, type JsonType } from './value-paths';

export const MAX_EVENTS = 10_000;
export const MAX_PATHS = 1_000;
/** Distinct problem texts counted per event; past it the most common is still found (top-counts.ts). */
const PROBLEM_TEXTS_KEPT = 100;

export interface EventProfile {
  readonly type: string;
  /** A track event's name, a page's or screen's name; null for identify, group and alias, and a page without one. */
  readonly name: string | null;
  seen: number;
  invalid: number;
  readonly problems: TopCounts;
  readonly paths: Map<string, Set<JsonType>>;
}

export interface CaptureProfile {
  add(message: ProfileInput): void;
  /** Events by type, then by name. */
  readonly events: ReadonlyMap<string, ReadonlyMap<string | null, EventProfile>>;
  /** How many messages were added: every one, readable or not. */
  readonly messages: () => number;
  /** Whether an event or a path was left out, past MAX_EVENTS or MAX_PATHS: the diff is then partial. */
  readonly truncated: () => boolean;
}

/** What a profile reads of a message: a MessageRecord is one. */
export interface ProfileInput {
  readonly type: string;
  readonly payload: unknown;
  readonly validation: Validation;
  readonly undecodable?: unknown;
}

export function createCaptureProfile(): CaptureProfile {
  const events = new Map<string, Map<string | null, EventProfile>>();
  let count = 0;
  let distinct = 0;
  let truncated = false;

  const profileOf = (type: string, name: string | null): EventProfile | undefined => {
    let byName = events.get(type);
    if (!byName) events.set(type, (byName = new Map<string | null, EventProfile>()));
    let profile = byName.get(name);
    if (profile) return profile;
    if (distinct >= MAX_EVENTS) {
      truncated = true;
      return undefined;
    }
    distinct++;
    byName.set(name, (profile = { type, name, seen: 0, invalid: 0, problems: new Map(), paths: new Map() }));
    return profile;
  };

  return {
    add({ type, payload, validation, undecodable }) {
      count++;
      if (undecodable || !isPlainObject(payload)) return;
      const profile = profileOf(type, nameOf(type, payload));
      if (!profile) return;
      profile.seen++;
      if (!validation.valid) {
        profile.invalid++;
        for (const error of validation.errors) countInto(profile.problems, error.message, PROBLEM_TEXTS_KEPT);
      }
      const field = type === 'identify' || type === 'group' ? 'traits' : 'properties';
      const fields = payload[field];
      if (!isPlainObject(fields)) return;
      for (const key in fields) {
        const more = visitPaths(fields[key], childPath(field, key), (path, json) => {
          let types = profile.paths.get(path);
          if (!types) {
            if (profile.paths.size >= MAX_PATHS) return false;
            profile.paths.set(path, (types = new Set()));
          }
          types.add(json);
          return true;
        });
        if (!more) {
          truncated = true;
          return;
        }
      }
    },
    events,
    messages: () => count,
    truncated: () => truncated,
  };
}

/** The name an event is told apart by: a track event's, a page's or screen's; none for the other types. */
function nameOf(type: string, payload: Readonly<Record<string, unknown>>): string | null {
  const name = type === 'track' ? payload['event'] : type === 'page' || type === 'screen' ? payload['name'] : null;
  return typeof name === 'string' ? name : null;
}
