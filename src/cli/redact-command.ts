/**
 * `track-inspector redact`: NDJSON or HAR in, NDJSON out, every value the privacy guard flags replaced by its
 * token (core/privacy/redact.ts). A bare payload stays a bare payload; a panel export's record, or a HAR's call,
 * becomes a record line as the panel exports it. Streamed, as validate is.
 */
import { harEntryReader } from '../core/har/har-records';
import { ndjsonLineReader } from '../core/import';
import { parseNdjsonLine, toNdjsonLine } from '../core/ndjson';
import { isPrivacyProblem } from '../core/privacy/privacy-guard';
import { redactMessage, redactRecord } from '../core/privacy/redact';
import type { MessageRecord } from '../core/record';
import type { RedactArgs } from './args';
import { checkReadable, countOf, noMessages, write, type Io } from './cli-io';
import { forEachInput } from './read-input';
import { printable } from '../core/text/printable';

export async function runRedact(args: RedactArgs, io: Io): Promise<number> {
  await checkReadable(args.files);
  const privacy = { mode: 'warn', allow: args.allow } as const;
  // Records read back are validated again, as validate reads them: their privacy warnings say what was redacted.
  const records = ndjsonLineReader({ strict: false, privacy, importedAt: Date.now() });
  const har = harEntryReader({ strict: false, privacy, hosts: args.hosts });
  const totals = { messages: 0, redacted: 0, values: 0, leftOut: 0 };
  const showFile = args.files.length > 1;
  /** One message written: how many of its values were replaced. */
  const tally = (values: number) => {
    totals.messages++;
    totals.values += values;
    if (values > 0) totals.redacted++;
  };
  const writeRecord = async (record: MessageRecord) => {
    // The record was validated with the same guard: its privacy problems are the values redacted.
    const { errors, warnings } = record.validation;
    tally([...errors, ...warnings].filter(isPrivacyProblem).length);
    await write(io.stdout, toNdjsonLine(redactRecord(record, args.allow)) + '\n');
  };
  await forEachInput(args.files, io, async (unit, file) => {
    if (unit.kind === 'har-entry') {
      const item = har(unit.entry, unit.index, unit.pages);
      if (item?.kind === 'records') for (const record of item.records) await writeRecord(record);
      return;
    }
    const place = unit.kind === 'line' ? unit.line : unit.item;
    const parsed = parseNdjsonLine(unit.text, place, unit.kind === 'line' ? 'line' : 'message');
    if (parsed.kind === 'blank') return;
    if (parsed.kind === 'bad') {
      // Not a JSON object: nothing can say what it holds, so it is not copied, nor quoted (JSON.parse's error would).
      totals.leftOut++;
      const where = `${showFile ? `${file}: ` : ''}${unit.kind === 'line' ? 'line' : 'message'} ${place}`;
      io.stderr.write(`track-inspector: ${printable(where)} is not a JSON object; left out\n`);
      return;
    }
    const { message } = parsed;
    if (message.capture) {
      const item = records(unit.text, place, unit.kind === 'document-item');
      if (item?.kind === 'records') for (const record of item.records) await writeRecord(record);
      return;
    }
    const redacted = redactMessage(message, args.allow);
    tally(redacted.findings.length);
    await write(io.stdout, JSON.stringify(redacted.payload) + '\n');
  });
  const { messages, redacted, values, leftOut } = totals;
  io.stderr.write(
    `track-inspector: ${countOf(values, 'value')} redacted in ${redacted} of ${countOf(messages, 'message')}` +
      `${leftOut ? `; ${countOf(leftOut, 'line')} left out` : ''}\n`,
  );
  if (messages === 0 && !args.allowEmpty) return noMessages(io);
  return leftOut > 0 ? 1 : 0;
}
