/**
 * Redaction: a copy of a message or a record with every flagged value replaced by
 * `[redacted:<kind>:<first 12 hex digits of its SHA-256>]`, so that equal values stay joinable across
 * messages and files. A flagged URL keeps everything but its secret parameter values. The input is never
 * changed: objects on the way to a flagged value are copied, everything else is shared.
 */
import type { MessageRecord } from '../record';
import { isPlainObject, type Problem } from '../types';
import type { AllowRule } from './allow-rules';
import { detectString, detectText } from './detect-value';
import { formDecoded } from './detect-url';
import type { PathSegment } from './field-path';
import { findPersonalData, type Finding, type PrivacyInput } from './find-personal-data';
import { withRangesReplaced } from './mask';
import type { PiiKind } from './pii-kinds';
import { sha256Hex } from './sha256';

export function redactionToken(kind: PiiKind, value: string): string {
  return `[redacted:${kind}:${sha256Hex(value).slice(0, 12)}]`;
}

/** What replaces a flagged value: its token, or for a URL, the URL with each secret value's token in its place. */
function replacement(finding: Finding): string {
  const { detection, value } = finding;
  if (detection.kind !== 'url-secret') return redactionToken(detection.kind, value);
  // A parameter's token hashes its value as the page read it, so `?email=jane%40x.com` joins `jane@x.com` elsewhere.
  return withRangesReplaced(value, detection.secrets ?? [], (raw) => redactionToken('url-secret', formDecoded(raw)));
}

export interface RedactedMessage {
  readonly payload: unknown;
  /** The batch's context with its flagged values redacted, when the message inherits one that had some. */
  readonly inheritedContext?: unknown;
  readonly findings: readonly Finding[];
}

/** One message's payload (and the batch context it inherits), redacted; the same objects when nothing was found. */
export function redactMessage(message: PrivacyInput, allow: readonly AllowRule[] = []): RedactedMessage {
  const findings = findPersonalData(message, allow);
  if (findings.length === 0) return { payload: message.payload, findings };
  const own = findings.filter((finding) => !finding.inherited);
  const inherited = findings.filter((finding) => finding.inherited);
  const payload = own.length ? replaced(message.payload, own, 0) : message.payload;
  if (inherited.length === 0) return { payload, findings };
  // An inherited context's findings are placed from the batch body: `context` first, then inside it.
  return { payload, inheritedContext: replaced(message.batch?.inherited.context, inherited, 1), findings };
}

/** `root` with each finding's value (its path from `skip` segments on) replaced, copying only what leads to one. */
function replaced(root: unknown, findings: readonly Finding[], skip: number): unknown {
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const copyOf = (value: object): Record<string, unknown> | unknown[] => {
    let copy = copies.get(value);
    if (!copy) copies.set(value, (copy = Array.isArray(value) ? [...(value as unknown[])] : { ...value }));
    return copy;
  };
  const top = copyOf(root as object);
  for (const finding of findings) {
    let node = top as Record<PathSegment, unknown>;
    const path = finding.path.slice(skip);
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as PathSegment;
      const child = copyOf(node[key] as object);
      node[key] = child;
      node = child as Record<PathSegment, unknown>;
    }
    node[path[path.length - 1] as PathSegment] = replacement(finding);
  }
  return top;
}

/**
 * A record as a redacted export writes it: its payload and the batch context it carries redacted, the URLs of the
 * call and the page without their secret parameters, a body preview that holds personal data replaced,
 * and every problem message that quotes a flagged value (a schema error's `got "…"`) quoting its token instead.
 */
export function redactRecord(record: MessageRecord, allow: readonly AllowRule[] = []): MessageRecord {
  return redactRecordWithFindings(record, allow).record;
}

/** redactRecord, with the findings of its payload (and inherited context) replaced: how much a redaction hid. */
export function redactRecordWithFindings(
  record: MessageRecord,
  allow: readonly AllowRule[] = [],
): { readonly record: MessageRecord; readonly findings: readonly Finding[] } {
  const message = redactMessage(record, allow);
  const { payload, findings } = message;
  const inheritedContext = message.inheritedContext ?? carriedContext(record, allow);
  const { batch, undecodable, validation } = record;
  const preview = undecodable?.preview ? detectText(undecodable.preview) : null;
  const tokens = new Map<string, string>();
  for (const finding of findings) tokens.set(finding.detection.match, replacement(finding));
  const quoted = (problems: readonly Problem[]): readonly Problem[] =>
    tokens.size === 0
      ? problems
      : problems.map((problem) => ({ ...problem, message: withTokens(problem.message, tokens) }));
  const redacted: MessageRecord = {
    ...record,
    pageUrl: redactedUrl(record.pageUrl),
    ...(record.topUrl !== undefined ? { topUrl: redactedUrl(record.topUrl) } : {}),
    request: { ...record.request, url: redactedUrl(record.request.url) },
    payload,
    ...(batch && inheritedContext !== undefined
      ? { batch: { ...batch, inherited: { ...batch.inherited, context: inheritedContext } } }
      : {}),
    ...(undecodable && preview
      ? { undecodable: { ...undecodable, preview: redactionToken(preview.kind, undecodable.preview) } }
      : {}),
    validation: {
      ...validation,
      errors: quoted(validation.errors),
      warnings: quoted(validation.warnings),
      ...(validation.notes ? { notes: quoted(validation.notes) } : {}),
    },
  };
  return { record: redacted, findings };
}

/**
 * The batch's context a record carries without inheriting it (its entry has a context of its own, or is not an
 * object): the guard did not look at it, but an export writes it, so it is redacted all the same. Undefined when
 * nothing in it is flagged. Its findings are not the message's: they are not counted among them.
 */
function carriedContext(record: MessageRecord, allow: readonly AllowRule[]): unknown {
  const context = record.batch?.inherited.context;
  const { payload } = record;
  if (context === undefined || (isPlainObject(payload) && payload['context'] === undefined)) return undefined;
  // The entry as if it had no context: only its name stays, for the allow rules that name an event.
  const named = isPlainObject(payload) ? { event: payload['event'], name: payload['name'] } : {};
  const input = { type: record.type, payload: named, batch: { inherited: { context } } };
  const found = findPersonalData(input, allow).filter((finding) => finding.inherited);
  return found.length ? replaced(context, found, 1) : undefined;
}

/** A URL without its secret parameter values; as it is when it has none. */
export function redactedUrl(url: string): string {
  const detection = detectString(url, undefined);
  if (detection?.kind !== 'url-secret') return url;
  return replacement({ detection, path: [], value: url });
}

function withTokens(message: string, tokens: ReadonlyMap<string, string>): string {
  let out = message;
  for (const [raw, token] of tokens) if (raw.length > 0) out = out.split(raw).join(token);
  return out;
}
