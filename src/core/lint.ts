/**
 * Warnings (never errors) a capture deserves: sizes the APIs reject, retries, clock skew, property
 * type drift, and event names that differ only in case or spacing. Stateful: one linter per capture
 * (tab session, imported file, CLI run).
 */
import { describeValue, escapePointer, withArticle } from './explain';
import { jsonBytesOver } from './json-size';
import { parseTimestamp } from './parse-timestamp';
import { createRecentIds } from './recent-ids';
import { isPlainObject, type Problem } from './types';
import type { ValidationInput } from './validate';

export const LIMITS = {
  messageBytes: 32 * 1024,
  batchBytes: 500 * 1024,
  batchMessages: 2500,
  clockSkewMs: 24 * 60 * 60 * 1000,
  /** Retries arrive within seconds: remembering the latest 100,000+ ids keeps memory flat on huge files. */
  rememberedMessageIds: 100_000,
} as const;

/** An event name spelt like an earlier one but for case or spacing. */
export const SPELLING_KEYWORD = 'lint:event-name-spelling';

export interface LintContext {
  /** When the call was captured (ms since epoch); undefined when unknown (bare payloads). */
  readonly capturedAt: number | undefined;
  /** Size of the whole request body the message came in. */
  readonly bodyBytes: number;
}

export interface Linter {
  lint(message: ValidationInput, context: LintContext): Problem[];
}

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export function createLinter(): Linter {
  const recentIds = createRecentIds(LIMITS.rememberedMessageIds);
  // By message type, then by event (or page) name: no key string built per message.
  const propertyTypes = new Map<string, Map<string, Map<string, JsonType>>>();
  const spellings: Spellings = { byFolded: new Map(), byName: new Map() };

  return {
    lint(message, context) {
      const warnings: Problem[] = [];
      sizeWarnings(message, context.bodyBytes, warnings);
      const payload = message.payload;
      if (!isPlainObject(payload)) return warnings;

      const id = payload['messageId'];
      if (typeof id === 'string' && id !== '' && !recentIds.addNew(id)) {
        warnings.push({
          path: '/messageId',
          message: `messageId ${describeValue(id)} was already sent in this capture (a retry or a duplicate)`,
          keyword: 'lint:duplicate-message-id',
        });
      }
      skewWarning(payload['timestamp'], context.capturedAt, warnings);
      driftWarnings(payload, message.type, propertyTypes, warnings);
      if (message.type === 'track') spellingWarning(payload['event'], spellings, warnings);
      return warnings;
    },
  };
}

function sizeWarnings(message: ValidationInput, bodyBytes: number, out: Problem[]): void {
  const batch = message.batch;
  // A message is never larger than its body: only measure entries of big bodies, and those only when they could be big.
  const messageBytes = !batch
    ? bodyBytes
    : bodyBytes > LIMITS.messageBytes
      ? jsonBytesOver(message.payload, LIMITS.messageBytes)
      : 0;
  if (messageBytes > LIMITS.messageBytes) {
    out.push({
      path: '',
      message: `message is ${kb(messageBytes)}; the tracking API rejects messages over 32 KB`,
      keyword: 'lint:message-size',
    });
  }
  if (batch && bodyBytes > LIMITS.batchBytes) {
    out.push({
      path: '',
      message: `its batch is ${kb(bodyBytes)}; the tracking API rejects batches over 500 KB`,
      keyword: 'lint:batch-size',
    });
  }
  if (batch && batch.count > LIMITS.batchMessages) {
    out.push({
      path: '',
      message: `its batch holds ${batch.count} messages; the limit is 2,500`,
      keyword: 'lint:batch-count',
    });
  }
}

function skewWarning(timestamp: unknown, capturedAt: number | undefined, out: Problem[]): void {
  if (typeof timestamp !== 'string' || capturedAt === undefined || !Number.isFinite(capturedAt)) return;
  const at = parseTimestamp(timestamp);
  if (Number.isNaN(at)) return; // a malformed timestamp is the validator's error, not a warning
  const skew = at - capturedAt;
  if (Math.abs(skew) <= LIMITS.clockSkewMs) return;
  const hours = Math.abs(skew) / 3_600_000;
  const amount = hours >= 48 ? `${Math.round(hours / 24)} days` : `${Math.round(hours)} hours`;
  const where = skew > 0 ? 'in the future' : 'in the past';
  out.push({
    path: '/timestamp',
    message: `timestamp is ${amount} ${where} relative to capture time`,
    keyword: 'lint:clock-skew',
  });
}

function driftWarnings(
  payload: Record<string, unknown>,
  type: string,
  seen: Map<string, Map<string, Map<string, JsonType>>>,
  out: Problem[],
): void {
  const name = type === 'track' ? payload['event'] : type === 'page' || type === 'screen' ? payload['name'] : undefined;
  const properties = payload['properties'];
  if (typeof name !== 'string' || !isPlainObject(properties)) return;
  let byName = seen.get(type);
  if (!byName) seen.set(type, (byName = new Map<string, Map<string, JsonType>>()));
  let types = byName.get(name);
  if (!types) byName.set(name, (types = new Map<string, JsonType>()));
  // for-in, not Object.keys: no array of keys per message. Properties are JSON data, whose objects inherit no enumerable
  // key, so both list the same keys in the same order.
  for (const property in properties) {
    const value = properties[property];
    const now = jsonType(value);
    const before = types.get(property);
    if (before === undefined) types.set(property, now);
    else if (before !== now) {
      const label = type === 'track' ? `"${name}" events` : `${type} "${name}" calls`;
      out.push({
        path: `/properties/${escapePointer(property)}`,
        message: `properties.${property} was ${withArticle(before)} in earlier ${label}, now ${withArticle(now)}`,
        keyword: 'lint:type-drift',
      });
    }
  }
}

/** Case, spaces, `_`, `-` and `.` folded away: `Signed Up`, `signed_up` and `SignedUp` read the same. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * Each event name's first spelling, by its folded form: "Signed up" after "Signed Up" is worth a look. And by the name
 * itself, which a capture repeats in most of its messages: a name seen before is not folded again.
 */
interface Spellings {
  readonly byFolded: Map<string, string>;
  readonly byName: Map<string, string>;
}

function spellingWarning(event: unknown, spellings: Spellings, out: Problem[]): void {
  if (typeof event !== 'string' || event === '') return;
  let first = spellings.byName.get(event);
  if (first === undefined) {
    const key = folded(event);
    first = spellings.byFolded.get(key);
    if (first === undefined) spellings.byFolded.set(key, (first = event));
    spellings.byName.set(event, first);
  }
  if (first !== event) {
    out.push({
      path: '/event',
      message: `event "${event}" differs from "${first}", sent earlier in this capture, only in case or spacing: one of them is probably a typo`,
      keyword: SPELLING_KEYWORD,
    });
  }
}

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
