/**
 * A plan's `pattern` or `patternProperties` name, matched in time linear in the string: the string
 * comes from the page, and a backtracking `RegExp` such as `^(a+)+$` takes minutes on 35 characters,
 * holding the CLI, or the extension's only background thread while every other call waits.
 *
 * RE2 (the re2js port: plain JavaScript, no eval, no WebAssembly, so it runs in an MV3 service worker)
 * matches on the JavaScript pattern rewritten in its syntax (ecma-to-re2.ts). What RE2 cannot match
 * is refused, never run another way: docs/tracking-plans.md says what and why.
 */
import { RE2JS } from 're2js';
import { ecmaToRe2 } from './ecma-to-re2';
import { describeRefusal, refusal } from './refusal';

export type PatternCompile =
  | { readonly ok: true; readonly test: (text: string) => boolean }
  | {
      readonly ok: false;
      /** The rest of a line that starts with the quoted pattern: `is not a valid…` or `uses a lookahead…`. */
      readonly problem: string;
    };

/**
 * Compiled patterns by source. The loader, the library's keywords and the fast check each ask for the
 * same ones; a plan holds a bounded number, and a new plan may start the cache over.
 */
const compiled = new Map<string, PatternCompile>();
const CACHE_LIMIT = 5000;

export function compilePattern(source: string): PatternCompile {
  let found = compiled.get(source);
  if (!found) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    found = compileOnce(source);
    compiled.set(source, found);
  }
  return found;
}

function compileOnce(source: string): PatternCompile {
  try {
    // The rewrite reads JavaScript's `u` grammar and trusts it: the engine checks it first (compiling
    // only; nothing is matched with it).
    new RegExp(source, 'u');
  } catch (error) {
    // V8 repeats the pattern ("Invalid regular expression: /[a-/u: Unterminated character class"): keep the reason.
    const reason =
      error instanceof Error
        ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')
        : String(error);
    return { ok: false, problem: `is not a valid JavaScript regular expression (${reason})` };
  }
  const translation = ecmaToRe2(source);
  if (!translation.ok) return { ok: false, problem: describeRefusal(translation.refusal) };
  try {
    const re2 = RE2JS.compile(translation.re2);
    return { ok: true, test: (text) => re2.test(text) };
  } catch {
    // Counts under 1000 each that multiply past RE2's limit, as (a{100}){100}, or a program past its size.
    return { ok: false, problem: describeRefusal(refusal('size', source, 0, source.length)) };
  }
}
