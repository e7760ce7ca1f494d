// The published declarations of track-inspector/playwright, as a user's project compiles them: ESM on Node
// (moduleResolution NodeNext), every declaration file checked. test/playwright-types uses the API as the docs
// show it, and an unknown option must be a type error. Needs `npm run build` (the declarations in dist/).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('track-inspector/playwright type declarations', () => {
  it('compile in a NodeNext project with skipLibCheck off', () => {
    const tsc = spawnSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'test/playwright-types/tsconfig.json'],
      {
        encoding: 'utf8',
      },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // A whole compile, @playwright/test's declarations included: 6 s alone on 2 cores, more beside a browser.
  }, 120_000);
});
