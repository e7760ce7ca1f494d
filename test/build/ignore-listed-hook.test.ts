// The Chrome build's page hook carries the source map that ignore-lists it in DevTools (scripts/ignore-listed-hook.ts;
// what DevTools then shows: test/e2e/page-footprint.chromium.test.ts). Runs after `npm run build`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_HOOK_FILE, PAGE_HOOK_SOURCE, withIgnoreListMap } from '../../scripts/ignore-listed-hook.ts';

const MAP_COMMENT = /\n\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\n$/;

interface Map {
  readonly sources: string[];
  readonly sourcesContent: string[];
  readonly mappings: string;
  readonly ignoreList: number[];
  readonly x_google_ignoreList: number[];
}

function mapOf(bundle: string): { code: string; map: Map } {
  const match = MAP_COMMENT.exec(bundle);
  if (!match?.[1]) throw new Error('no inline source map at the end of the bundle');
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as Map;
  return { code: bundle.slice(0, match.index + 1), map };
}

describe("the page hook's ignore-listing source map", () => {
  it('is in dist/chrome: the whole bundle is one ignore-listed source holding the bundle itself', () => {
    const bundle = readFileSync(`dist/chrome/${PAGE_HOOK_FILE}`, 'utf8');
    const { code, map } = mapOf(bundle);
    expect(map.sources).toEqual([PAGE_HOOK_SOURCE]);
    expect([map.ignoreList, map.x_google_ignoreList]).toEqual([[0], [0]]);
    expect(code.trimEnd()).toBe(map.sourcesContent[0]?.trimEnd());
    expect(code).toContain('track-inspector:page-body'); // the hook, not some other bundle
  });

  it('maps each line of the bundle to the same line of its source', () => {
    const { map } = mapOf(withIgnoreListMap('first();\nsecond();\nthird();'));
    expect(map.mappings).toBe('AAAA;AACA;AACA');
    expect(map.sourcesContent).toEqual(['first();\nsecond();\nthird();']);
  });
});
