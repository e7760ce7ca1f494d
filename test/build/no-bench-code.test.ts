// The bench's event counter (src/background/listen/event-count.ts) and the test build's hidden pings
// (src/background/listen/hide-pings.ts) are compiled into their own builds only: no shipped bundle carries
// them. Runs after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_COUNT_GLOBAL } from '../../src/background/listen/event-count';
import { HIDDEN_PINGS_GLOBAL } from '../../src/background/listen/hide-pings';

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scriptsUnder(path);
    return /\.(m?js)$/.test(name) ? [path] : [];
  });
}

describe.each(['dist/chrome', 'dist/firefox'])('%s', (dir) => {
  it('carries no event counter', () => {
    const scripts = scriptsUnder(dir);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((file) => readFileSync(file, 'utf8').includes(EVENT_COUNT_GLOBAL))).toEqual([]);
  });

  it('ignores no beacon (the hidden-pings test build does)', () => {
    expect(scriptsUnder(dir).filter((file) => readFileSync(file, 'utf8').includes(HIDDEN_PINGS_GLOBAL))).toEqual([]);
  });
});
