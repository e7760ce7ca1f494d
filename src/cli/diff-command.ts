/** `track-inspector diff BASE CURRENT`: what changed between two captures (each an NDJSON or HAR file, streamed). */
import { createCaptureProfile, type CaptureProfile } from '../core/diff/capture-profile';
import { diffCaptures, diffFails } from '../core/diff/diff-captures';
import type { DiffArgs } from './args';
import { checkReadable, write, type Io } from './cli-io';
import { diffJson, diffMarkdown, diffText } from './diff-output';
import { inputRecords } from './input-records';
import { forEachInput } from './read-input';
import { skipped } from './skipped';
import { printable } from '../core/text/printable';

export async function runDiff(args: DiffArgs, io: Io): Promise<number> {
  await checkReadable([args.base, args.current]);
  // Each capture is judged on its own, by the schema in default mode: its lint and duplicates are its own.
  const base = await profile(args.base, args, io);
  const current = await profile(args.current, args, io);
  const diff = diffCaptures(base, current);
  const out = { json: diffJson, markdown: diffMarkdown, text: diffText }[args.format](diff);
  await write(io.stdout, out);
  return diffFails(diff) ? 1 : 0;
}

async function profile(file: string, args: DiffArgs, io: Io): Promise<CaptureProfile> {
  const captured = createCaptureProfile();
  const recordsOf = inputRecords({ strict: false, checker: null, hosts: args.hosts });
  await forEachInput([file], io, (unit) => {
    const item = recordsOf(unit, file);
    if (item?.kind === 'problem') skipped(io, item, file);
    else if (item) for (const record of item.records) captured.add(record);
  });
  const name = printable(file === '-' ? 'standard input' : file);
  if (captured.messages() === 0) io.stderr.write(`track-inspector: ${name}: no tracking messages found\n`);
  if (captured.truncated())
    io.stderr.write(`track-inspector: ${name}: too many distinct events or paths; the diff leaves the rest out\n`);
  return captured;
}
