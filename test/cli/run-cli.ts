/** The built `track-inspector` command, run as users run it: a child process on Node. */
import { spawnSync } from 'node:child_process';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs bin/track-inspector.js with `args`; `input` on its standard input, `nodeOptions` for Node (a heap limit). */
export function runCli(
  args: readonly string[],
  { input, nodeOptions = [] }: { readonly input?: string; readonly nodeOptions?: readonly string[] } = {},
): CliRun {
  const result = spawnSync(process.execPath, [...nodeOptions, 'bin/track-inspector.js', ...args], {
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `--json` prints: one result a line. */
export function jsonLines<T>(stdout: string): T[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}
