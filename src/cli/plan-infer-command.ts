/** `track-inspector plan infer`: drafts a tracking plan from NDJSON of messages, streamed. */
import { parseNdjsonLine } from '../core/ndjson';
import { createPlanDraft } from '../core/plan/infer';
import type { PlanInferArgs } from './args';
import { forEachLine, unreadableFile, write, type Io } from './read-lines';

export async function runPlanInfer(args: PlanInferArgs, io: Io): Promise<number> {
  const unreadable = await unreadableFile(args.files);
  if (unreadable) {
    io.stderr.write(unreadable);
    return 2;
  }
  const draft = createPlanDraft(args.name);
  const showFile = args.files.length > 1;
  try {
    await forEachLine(args.files, io, (text, line, file) => {
      const parsed = parseNdjsonLine(text, line);
      // A bad line is named and skipped: the plan is drafted from the rest.
      if (parsed.kind === 'bad') io.stderr.write(`track-inspector: ${showFile ? `${file}: ` : ''}${parsed.message}; skipped\n`);
      if (parsed.kind === 'message') draft.add(parsed.message);
    });
  } catch (error) {
    io.stderr.write(`track-inspector: ${(error as Error).message}\n`);
    return 2;
  }
  await write(io.stdout, draft.json());
  return 0;
}
