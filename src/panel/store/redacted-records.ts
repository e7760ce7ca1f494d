/**
 * What Export NDJSON (redacted) writes: each record as `track-inspector redact` writes it (core/privacy/redact.ts),
 * with the allow rules the session was validated with, and how much was replaced. The records held are not changed:
 * redaction makes copies.
 */
import { parseAllowList } from '../../core/privacy/allow-rules';
import { redactRecordWithFindings } from '../../core/privacy/redact';
import type { MessageRecord } from '../../core/record';
import type { PrivacySummary } from '../../shared/protocol';

export interface RedactedExport {
  readonly records: readonly MessageRecord[];
  /** Values replaced in payloads (and the batch context they inherit), as the CLI's count on stderr says. */
  readonly values: number;
  /** Messages with at least one value replaced. */
  readonly messages: number;
}

export function redactedRecords(records: readonly MessageRecord[], privacy: PrivacySummary): RedactedExport {
  // The rules arrive as text (they crossed from the background); each was read once already, so none fails here.
  const allow = parseAllowList(privacy.allow.join('\n')).rules;
  let values = 0;
  let messages = 0;
  const redacted = records.map((record) => {
    const { record: copy, findings } = redactRecordWithFindings(record, allow);
    values += findings.length;
    if (findings.length) messages++;
    return copy;
  });
  return { records: redacted, values, messages };
}
