/** `track-inspector validate …`, `plan infer …`, `coverage …`, `diff …` and `redact …` -> options, or a usage error. */
import type { HostPattern } from '../core/endpoints';
import type { AllowRule } from '../core/privacy/allow-rules';
import { isPiiMode, type PrivacyGuard } from '../core/privacy/privacy-guard';
import { allowRulesOf, hostPatternsOf, lastValue, readCommandLine, type CommandLine } from './command-line';

export interface ValidateArgs {
  readonly strict: boolean;
  readonly json: boolean;
  /** The report lists invalid messages only (else messages with warnings too); --json prints every message anyway. */
  readonly quiet: boolean;
  readonly plan?: string;
  readonly unplanned: 'warn' | 'error';
  /** Personal data and secrets: warnings, errors or off, and where they are allowed. */
  readonly privacy: PrivacyGuard;
  /** Extra tracking hosts for HAR input, as typed (parsed by the core's parseHostPattern). */
  readonly hosts: readonly HostPattern[];
  readonly files: readonly string[];
  /** Input with no message in it is accepted (else it exits 1). */
  readonly allowEmpty: boolean;
}

export interface PlanInferArgs {
  readonly name?: string;
  /** Where personal data is allowed: elsewhere, a flagged property is left out of `required`. */
  readonly allow: readonly AllowRule[];
  readonly hosts: readonly HostPattern[];
  readonly files: readonly string[];
  readonly allowEmpty: boolean;
}

export interface RedactArgs {
  readonly allow: readonly AllowRule[];
  readonly hosts: readonly HostPattern[];
  readonly files: readonly string[];
  readonly allowEmpty: boolean;
}

/** How coverage and diff print their report. */
export type ReportFormat = 'text' | 'json' | 'markdown';

export interface CoverageArgs {
  readonly plan: string;
  /** A percentage of the plan's rules: fewer seen exits 1. */
  readonly min?: number;
  readonly format: ReportFormat;
  readonly strict: boolean;
  readonly unplanned: 'warn' | 'error';
  readonly hosts: readonly HostPattern[];
  readonly files: readonly string[];
}

export interface DiffArgs {
  readonly base: string;
  readonly current: string;
  readonly format: ReportFormat;
  readonly hosts: readonly HostPattern[];
}

export type ParsedArgs =
  | { readonly kind: 'validate'; readonly args: ValidateArgs }
  | { readonly kind: 'plan-infer'; readonly args: PlanInferArgs }
  | { readonly kind: 'coverage'; readonly args: CoverageArgs }
  | { readonly kind: 'diff'; readonly args: DiffArgs }
  | { readonly kind: 'redact'; readonly args: RedactArgs }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command === '--version') return { kind: 'version' };
  if (command === 'validate') return parseValidate(rest);
  if (command === 'coverage') return parseCoverage(rest);
  if (command === 'diff') return parseDiff(rest);
  if (command === 'redact') return parseRedact(rest);
  if (command === 'plan') {
    const [sub, ...options] = rest;
    if (sub === 'infer') return parsePlanInfer(options);
    if (sub === '--help' || sub === '-h') return { kind: 'help' };
    return {
      kind: 'usage-error',
      message: sub === undefined ? 'plan needs a subcommand: infer' : `unknown plan subcommand "${sub}"`,
    };
  }
  return { kind: 'usage-error', message: `unknown command "${command}"` };
}

function parseValidate(argv: readonly string[]): ParsedArgs {
  const line = readCommandLine(argv, {
    flags: ['--strict', '--json', '--quiet', '--allow-empty'],
    valued: ['--plan', '--unplanned', '--host', '--pii', '--pii-allow'],
  });
  if ('kind' in line) return line;
  const plan = lastValue(line, '--plan');
  const unplanned = lastValue(line, '--unplanned') ?? 'warn';
  if (unplanned !== 'warn' && unplanned !== 'error')
    return { kind: 'usage-error', message: `--unplanned must be warn or error, got "${unplanned}"` };
  if (plan === '-') return { kind: 'usage-error', message: '--plan needs a file; standard input carries the messages' };
  const pii = lastValue(line, '--pii') ?? 'warn';
  if (!isPiiMode(pii)) return { kind: 'usage-error', message: `--pii must be warn, error or off, got "${pii}"` };
  const patterns = hostPatternsOf(line.values.get('--host') ?? []);
  if ('kind' in patterns) return patterns;
  const allow = allowRulesOf(line);
  if ('kind' in allow) return allow;
  return {
    kind: 'validate',
    args: {
      strict: line.flags.has('--strict'),
      json: line.flags.has('--json'),
      quiet: line.flags.has('--quiet'),
      ...(plan !== undefined ? { plan } : {}),
      unplanned,
      privacy: { mode: pii, allow: allow.rules },
      hosts: patterns.hosts,
      files: line.files,
      allowEmpty: line.flags.has('--allow-empty'),
    },
  };
}

function parsePlanInfer(argv: readonly string[]): ParsedArgs {
  const line = readCommandLine(argv, { flags: ['--allow-empty'], valued: ['--name', '--host', '--pii-allow'] });
  if ('kind' in line) return line;
  const name = lastValue(line, '--name');
  const patterns = hostPatternsOf(line.values.get('--host') ?? []);
  if ('kind' in patterns) return patterns;
  const allow = allowRulesOf(line);
  if ('kind' in allow) return allow;
  return {
    kind: 'plan-infer',
    args: {
      ...(name !== undefined ? { name } : {}),
      allow: allow.rules,
      hosts: patterns.hosts,
      files: line.files,
      allowEmpty: line.flags.has('--allow-empty'),
    },
  };
}

function parseCoverage(argv: readonly string[]): ParsedArgs {
  const line = readCommandLine(argv, {
    flags: ['--strict', '--json', '--markdown'],
    valued: ['--plan', '--unplanned', '--host', '--min'],
  });
  if ('kind' in line) return line;
  const plan = lastValue(line, '--plan');
  if (plan === undefined) return { kind: 'usage-error', message: 'coverage needs --plan PLAN' };
  if (plan === '-') return { kind: 'usage-error', message: '--plan needs a file; standard input carries the messages' };
  const unplanned = lastValue(line, '--unplanned') ?? 'warn';
  if (unplanned !== 'warn' && unplanned !== 'error')
    return { kind: 'usage-error', message: `--unplanned must be warn or error, got "${unplanned}"` };
  const minText = lastValue(line, '--min');
  const min = minText === undefined ? undefined : Number(minText.replace(/%$/, ''));
  if (min !== undefined && (minText?.trim() === '' || !Number.isFinite(min) || min < 0 || min > 100))
    return { kind: 'usage-error', message: `--min must be a percentage from 0 to 100, got "${minText}"` };
  const format = formatOf(line);
  const patterns = hostPatternsOf(line.values.get('--host') ?? []);
  if ('kind' in format) return format;
  if ('kind' in patterns) return patterns;
  return {
    kind: 'coverage',
    args: {
      plan,
      ...(min !== undefined ? { min } : {}),
      format: format.format,
      strict: line.flags.has('--strict'),
      unplanned,
      hosts: patterns.hosts,
      files: line.files,
    },
  };
}

function parseDiff(argv: readonly string[]): ParsedArgs {
  const line = readCommandLine(argv, { flags: ['--json', '--markdown'], valued: ['--host'] });
  if ('kind' in line) return line;
  const [base, current, ...more] = line.files;
  if (base === undefined || current === undefined || more.length > 0)
    return { kind: 'usage-error', message: 'diff needs two captures: BASE CURRENT' };
  if (base === '-' && current === '-')
    return { kind: 'usage-error', message: 'diff reads standard input for one capture at most' };
  const format = formatOf(line);
  const patterns = hostPatternsOf(line.values.get('--host') ?? []);
  if ('kind' in format) return format;
  if ('kind' in patterns) return patterns;
  return { kind: 'diff', args: { base, current, format: format.format, hosts: patterns.hosts } };
}

/** --json or --markdown, not both; the text report otherwise. */
function formatOf(line: CommandLine): { format: ReportFormat } | Extract<ParsedArgs, { kind: 'usage-error' }> {
  const json = line.flags.has('--json');
  const markdown = line.flags.has('--markdown');
  if (json && markdown) return { kind: 'usage-error', message: '--json and --markdown cannot be combined' };
  return { format: json ? 'json' : markdown ? 'markdown' : 'text' };
}

function parseRedact(argv: readonly string[]): ParsedArgs {
  const line = readCommandLine(argv, { flags: ['--allow-empty'], valued: ['--host', '--pii-allow'] });
  if ('kind' in line) return line;
  const patterns = hostPatternsOf(line.values.get('--host') ?? []);
  if ('kind' in patterns) return patterns;
  const allow = allowRulesOf(line);
  if ('kind' in allow) return allow;
  return {
    kind: 'redact',
    args: { allow: allow.rules, hosts: patterns.hosts, files: line.files, allowEmpty: line.flags.has('--allow-empty') },
  };
}
