/** `track-inspector validate [--strict] [--json] [FILE ...]` -> options, or a usage error. */

export const USAGE = `Usage: track-inspector validate [--strict] [--json] [FILE ...]

Validates NDJSON of June / Segment payloads (bare payloads, or records exported by the
Track Inspector panel). With no FILE, or when FILE is -, reads standard input.

  --strict   validate payloads exactly as sent (a null userId is an error, not a warning)
  --json     print one JSON result per input line instead of a report
  --help     show this help

Exit status: 0 all valid, 1 any invalid, 2 usage error or unreadable file.`;

export interface ValidateArgs {
  readonly strict: boolean;
  readonly json: boolean;
  readonly files: readonly string[];
}

export type ParsedArgs = { readonly kind: 'validate'; readonly args: ValidateArgs } | { readonly kind: 'help' } | { readonly kind: 'usage-error'; readonly message: string };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command !== 'validate') return { kind: 'usage-error', message: `unknown command "${command}"` };
  let strict = false;
  let json = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of rest) {
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--strict') strict = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else return { kind: 'usage-error', message: `unknown option "${arg}"` };
  }
  return { kind: 'validate', args: { strict, json, files: files.length ? files : ['-'] } };
}
