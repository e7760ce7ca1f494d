/** A command's words read into files, flags and values, and the values every command reads the same way. */
import { parseHostPattern, type HostPattern } from '../core/endpoints';
import { parseAllowRule, type AllowRule } from '../core/privacy/allow-rules';

export interface UsageError {
  readonly kind: 'usage-error';
  readonly message: string;
}

/** --pii-allow values, each one rule; the first bad one is a usage error saying what is wrong with it. */
export function allowRulesOf(line: CommandLine): { rules: AllowRule[] } | UsageError {
  const rules: AllowRule[] = [];
  for (const text of line.values.get('--pii-allow') ?? []) {
    const parsed = parseAllowRule(text);
    if (!parsed.ok) return { kind: 'usage-error', message: `--pii-allow: ${parsed.error}` };
    rules.push(parsed.rule);
  }
  return { rules };
}

/** --host values, each read as the options page reads a host; the first bad one is a usage error. */
export function hostPatternsOf(hosts: readonly string[]): { hosts: HostPattern[] } | UsageError {
  const patterns: HostPattern[] = [];
  for (const host of hosts) {
    const parsed = parseHostPattern(host);
    if ('error' in parsed) return { kind: 'usage-error', message: `--host: ${parsed.error}` };
    patterns.push(parsed);
  }
  return { hosts: patterns };
}

/** A command's words, read: its files, the flags given, and every value given to each option that takes one. */
export interface CommandLine {
  readonly files: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, readonly string[]>;
}

/**
 * Files (after "--" everything is a file; "-" is standard input) and the options a command takes: `flags` stand
 * alone; each of `valued` takes the word after it as its value, whatever that word is, and may be given again.
 */
export function readCommandLine(
  argv: readonly string[],
  options: { readonly flags: readonly string[]; readonly valued: readonly string[] },
): CommandLine | { readonly kind: 'help' } | UsageError {
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  let expecting: string | null = null;
  let onlyFiles = false;
  for (const arg of argv) {
    if (onlyFiles) files.push(arg);
    else if (expecting !== null) {
      values.set(expecting, [...(values.get(expecting) ?? []), arg]);
      expecting = null;
    } else if (options.valued.includes(arg)) expecting = arg;
    else if (options.flags.includes(arg)) flags.add(arg);
    else if (arg === '-' || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else return { kind: 'usage-error', message: `unknown option "${arg}"` };
  }
  if (expecting !== null) return { kind: 'usage-error', message: `${expecting} needs a value` };
  return { files: files.length ? files : ['-'], flags, values };
}

/** An option given more than once: the last value counts. */
export function lastValue(line: CommandLine, option: string): string | undefined {
  return line.values.get(option)?.at(-1);
}
