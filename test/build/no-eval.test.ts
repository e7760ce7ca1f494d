// MV3 forbids run-time code generation. The validators are precompiled; this proves no shipped
// bundle (nor the CLI bundle) reaches for `new Function` or `eval`. Runs after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `eval(` as a call; not a method that happens to be named eval (re2js's prefilter has one), whose
// parameters are followed by its body.
const CODE_GENERATION = /\bnew\s+Function\s*\(|(?<![.\w$])eval\s*\((?![^()]*\)\s*\{)|\bFunction\s*\(\s*["'`]/;

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scriptsUnder(path);
    return /\.(m?js)$/.test(name) ? [path] : [];
  });
}

describe.each(['dist/chrome', 'dist/firefox', 'dist/cli'])('%s', (dir) => {
  const scripts = scriptsUnder(dir);
  it('has been built', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });
  it.each(scripts)('%s compiles no code at run time', (file) => {
    const match = readFileSync(file, 'utf8').match(CODE_GENERATION);
    expect(match?.[0] ?? null).toBeNull();
  });
});

describe('the scan itself', () => {
  it('catches the forms ajv uses when it compiles at run time', () => {
    expect(CODE_GENERATION.test('const f = new Function("a", body)')).toBe(true);
    expect(CODE_GENERATION.test('x = eval(src)')).toBe(true);
    expect(CODE_GENERATION.test('retrieval(src); obj.eval(1)')).toBe(false);
    expect(CODE_GENERATION.test('class Prefilter { eval(input, pos) { return true } }')).toBe(false);
    expect(CODE_GENERATION.test('}eval(t,n){switch(this.type){}')).toBe(false);
    expect(CODE_GENERATION.test('if (ok) eval(src); { }')).toBe(true);
  });
  it("flags ajv's own run-time compiler, which the extension must never ship", () => {
    expect(CODE_GENERATION.test(readFileSync('node_modules/ajv/dist/compile/index.js', 'utf8'))).toBe(true);
  });
});
