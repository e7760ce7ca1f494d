/** Entry point of the `track-inspector` command. */
import { parseArgs } from './args';
import { USAGE } from './usage';
import { printable } from '../core/text/printable';
import { runPlanInfer } from './plan-infer-command';
import { runRedact } from './redact-command';
import { runValidate } from './validate-command';
import { runCoverage } from './coverage-command';
import { runDiff } from './diff-command';
import { VERSION } from './version';

// A reader that stops early (`… | head`) closes the pipe: that ends the output, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    // The error, and where the help is: the whole help would push the error out of sight.
    process.stderr.write(`track-inspector: ${printable(parsed.message)}\nRun "track-inspector --help" for usage.\n`);
    return 2;
  }
  if (parsed.kind === 'plan-infer') return runPlanInfer(parsed.args, process);
  if (parsed.kind === 'coverage') return runCoverage(parsed.args, process);
  if (parsed.kind === 'diff') return runDiff(parsed.args, process);
  if (parsed.kind === 'redact') return runRedact(parsed.args, process);
  return runValidate(parsed.args, process);
}

// Whatever stops a command, above all a file it cannot read (cli-io.ts's CannotRead): one line on stderr, exit 2.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`track-inspector: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
  },
);
