// The manual holds together: every relative link in README.md and docs/ leads to a file that exists (and a
// `#section` link to a heading that exists), and every flag the CLI's --help prints is described in
// docs/cli.md. Runs after `npm run build`: the flags come from the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const PAGES = ['README.md', ...markdownUnder('docs')];

/** The text with fenced code blocks blanked, line for line: nothing inside one reads as a heading or a link. */
function withoutFences(markdown: string): string {
  let fence: string | null = null;
  const lines = markdown.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null) {
      if (marker === undefined) return line;
      fence = marker;
      return '';
    }
    if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
      fence = null;
    return '';
  });
  return lines.join('\n');
}

/** The text without code: fenced blocks and inline code spans, where a link is only text. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

/** GitHub's anchor for a heading: its text, lowercased, punctuation dropped, each space a hyphen. */
function slugOf(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or an image: its text
    .replace(/<[^>]+>/g, '') // HTML tags
    .replace(/`/g, '')
    .replace(/(^|[^\w])_+([^_]+?)_+(?=[^\w]|$)/g, '$1$2'); // _emphasis_ (an underscore inside a word stays)
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a page offers: its headings' slugs (a repeated one gets -1, -2…) and HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (heading: string) => {
    const slug = slugOf(heading);
    const times = seen.get(slug) ?? 0;
    seen.set(slug, times + 1);
    anchors.add(times === 0 ? slug : `${slug}-${times}`);
  };
  const lines = withoutFences(markdown).split('\n');
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) return add(atx[1] ?? '');
    const previous = lines[i - 1] ?? '';
    // A setext heading: a paragraph line underlined with === or --- (not a list item, table or quote).
    if (/^ {0,3}(=+|-+)\s*$/.test(line) && previous.trim() !== '' && !/^\s*([-*+>|#]|\d+[.)])/.test(previous))
      add(previous);
  });
  for (const [, id] of withoutCode(markdown).matchAll(/<[a-z]+\s[^>]*\b(?:id|name)=["']([^"']+)["']/gi))
    anchors.add(id ?? '');
  return anchors;
}

/** Every link target in a page: inline links and images, reference definitions, HTML href and src. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)];
  const references = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)];
  const html = [...text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)];
  return [...inline, ...references, ...html].map(([, target]) => (target ?? '').replace(/^<(.*)>$/, '$1'));
}

/** The links of `page` (its text: `markdown`) that lead nowhere, each with the reason. */
function brokenLinks(page: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(target)) continue; // https:, mailto:…: not a file of ours
    const hash = target.indexOf('#');
    const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
    const file = path === '' ? page : join(dirname(page), path);
    if (path.startsWith('/')) {
      broken.push(`${target}: an absolute path; link relative to ${page}`);
      continue;
    }
    if (path !== '' && !existsSync(file)) {
      broken.push(`${target}: no file ${file}`);
      continue;
    }
    if (anchor === null || !file.endsWith('.md')) continue;
    const text = file === page ? markdown : readFileSync(file, 'utf8');
    if (!anchorsOf(text).has(anchor)) broken.push(`${target}: no heading in ${file} whose anchor is #${anchor}`);
  }
  return broken;
}

describe('links in the README and docs/', () => {
  it('finds the pages', () => {
    expect(PAGES).toContain('README.md');
    expect(PAGES).toContain(join('docs', 'cli.md'));
  });

  it.each(PAGES)('%s: every relative link leads to a file, and every #anchor to a heading', (page) => {
    expect(brokenLinks(page, readFileSync(page, 'utf8'))).toEqual([]);
  });
});

describe('the link check itself', () => {
  it("makes GitHub's anchors", () => {
    expect(slugOf('What is listened to')).toBe('what-is-listened-to');
    expect(slugOf('Permissions, and why each is needed')).toBe('permissions-and-why-each-is-needed');
    expect(slugOf('`npm run bench:capture`')).toBe('npm-run-benchcapture');
    expect(slugOf('Installing the CLI elsewhere, and in CI')).toBe('installing-the-cli-elsewhere-and-in-ci');
    expect(slugOf('The [CLI](cli.md) and `--json`')).toBe('the-cli-and---json');
    expect(slugOf('user_settings and _emphasis_')).toBe('user_settings-and-emphasis');
  });

  it('catches a missing file, a missing heading and an absolute path', () => {
    const page = join('docs', 'page.md');
    const markdown = [
      '# Here',
      '## `--json` output',
      '[fine](cli.md#har-files) [fine too](#here) [external](https://example.com/x.md#nothing) [code](#--json-output)',
      '![gone](no-such-picture.png) [gone](cli.md#no-such-section) [gone](#nowhere) [gone](/README.md)',
      '```',
      '[in code, not a link](missing.md)',
      '```',
      'and `[inline code](missing.md)` too',
    ].join('\n');
    expect(brokenLinks(page, markdown)).toEqual([
      `no-such-picture.png: no file ${join('docs', 'no-such-picture.png')}`,
      `cli.md#no-such-section: no heading in ${join('docs', 'cli.md')} whose anchor is #no-such-section`,
      `#nowhere: no heading in ${page} whose anchor is #nowhere`,
      `/README.md: an absolute path; link relative to ${page}`,
    ]);
  });

  it('numbers a repeated heading as GitHub does', () => {
    const markdown = '# Notes\n\n## Notes\n\n[first](#notes) [second](#notes-1) [none](#notes-2)';
    expect(brokenLinks('README.md', markdown)).toEqual(['#notes-2: no heading in README.md whose anchor is #notes-2']);
  });
});

// Each command's help, and the whole one. Today they are one text; a command may grow its own.
const HELP_ARGS = [['--help'], ['validate', '--help'], ['plan', 'infer', '--help']];

function helpOf(args: readonly string[]): string {
  const run = spawnSync(process.execPath, ['bin/track-inspector.js', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`track-inspector ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** `--plan`, `-h`: a dash or two and a name, not in the middle of a word (`track-inspector`, `draft-07`). */
const FLAG = /(?<![\w-])--?[a-z][a-z\d-]*/gi;

function flagsIn(text: string): string[] {
  return [...new Set(text.match(FLAG) ?? [])].sort();
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, flag: string) => new RegExp(`(?<![\\w-])${escaped(flag)}(?![\\w-])`).test(text);

describe("the CLI's flags, in docs/cli.md", () => {
  const flags = flagsIn(HELP_ARGS.map(helpOf).join('\n'));
  const cliDoc = readFileSync(join('docs', 'cli.md'), 'utf8');

  it('reads flags from the built CLI', () => {
    expect(existsSync('dist/cli')).toBe(true);
    expect(flags).toEqual(expect.arrayContaining(['--help', '--json', '--plan', '--version']));
  });

  it('describes every flag --help prints', () => {
    expect(flags.filter((flag) => !mentions(cliDoc, flag))).toEqual([]);
  });

  it('finds flags as words, not inside other words', () => {
    expect(flagsIn('track-inspector validate [--strict] (-h, draft-07) --host PATTERN; FILE is -')).toEqual([
      '--host',
      '--strict',
      '-h',
    ]);
    expect(mentions('`--json` output', '--json')).toBe(true);
    expect(mentions('--jsonl', '--json')).toBe(false);
  });
});
