/** `track-inspector plan infer`: drafts a tracking plan from NDJSON of messages or HAR files, streamed. */
import { parseNdjsonLine } from '../core/ndjson';
import { draftDoubts } from '../core/plan/infer/draft-doubts';
import { createPlanDraft } from '../core/plan/infer/draft-plan';
import type { PlanInferArgs } from './args';
import { harEntryReader } from '../core/har/har-records';
import { forEachInput } from './read-input';
import { checkReadable, noMessages, write, type Io } from './cli-io';
import { printable } from '../core/text/printable';

export async function runPlanInfer(args: PlanInferArgs, io: Io): Promise<number> {
  await checkReadable(args.files);
  const draft = createPlanDraft(args.name, { privacy: args.allow });
  const showFile = args.files.length > 1;
  // Only the messages' shapes matter here: no plan, and strict or not makes no difference.
  const har = harEntryReader({ strict: false, hosts: args.hosts });
  let messages = 0;
  const add = (message: Parameters<typeof draft.add>[0]) => {
    draft.add(message);
    messages++;
  };
  await forEachInput(args.files, io, (unit, file) => {
    if (unit.kind === 'har-entry') {
      const item = har(unit.entry, unit.index, unit.pages);
      if (item?.kind === 'records') for (const record of item.records) add(record);
      return;
    }
    const parsed =
      unit.kind === 'line' ? parseNdjsonLine(unit.text, unit.line) : parseNdjsonLine(unit.text, unit.item, 'message');
    // A bad line is named and skipped: the plan is drafted from the rest.
    if (parsed.kind === 'bad')
      io.stderr.write(`track-inspector: ${printable(`${showFile ? `${file}: ` : ''}${parsed.message}`)}; skipped\n`);
    if (parsed.kind === 'message') add(parsed.message);
  });
  if (messages === 0 && !args.allowEmpty) return noMessages(io);
  await write(io.stdout, draft.json());
  // What looks like a mistake in the capture: on stderr, so the plan on stdout stays a clean file.
  for (const doubt of draftDoubts(draft.plan()))
    io.stderr.write(`track-inspector: check the draft: ${printable(doubt)}\n`);
  return 0;
}
