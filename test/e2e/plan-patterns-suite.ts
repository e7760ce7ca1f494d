/**
 * Issue 20, item 6, in a real browser: the team's plan has a pattern a backtracking engine stalls on
 * (`^(a+)+$`), and the page sends a string made to stall it between two ordinary calls. The background
 * checks all three as they come: every row appears with its verdict, the hostile one with the pattern
 * error. Nothing is timed: 20,000 `a`s and a `b` would hold a backtracking engine far past the wait
 * below, so the rows appearing at all is the proof. The options page refuses a plan whose pattern
 * cannot be matched in linear time, naming it, as the CLI does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from '../../browser-harness/collector';
import { openOptions } from '../../browser-harness/options';
import type { LaunchPanelBrowser, PanelBrowser, PanelHandle } from '../../browser-harness/panel';
import type { PageLike } from '../../browser-harness/browser';
import { until } from './until';

const codeRule = (pattern: string) => ({
  type: 'TRACK',
  key: 'Code Entered',
  version: 1,
  jsonSchema: {
    type: 'object',
    properties: { properties: { type: 'object', properties: { code: { type: 'string', pattern } } } },
  },
});
const planned = (key: string) => ({ type: 'TRACK', key, version: 1, jsonSchema: { type: 'object' } });

const HOSTILE_PLAN = {
  name: 'Codes plan',
  rules: [codeRule('^(a+)+$'), planned('Before Code'), planned('After Code')],
};
const LOOKAHEAD_PLAN = { name: 'Lookahead plan', rules: [codeRule('^(?=.*\\d).{8,}$')] };

/** Under the 32 KB message size the lint warns at, so that the hostile row's verdict is the plan's error alone. */
const HOSTILE_CODE = `${'a'.repeat(20_000)}b`;

const shownRows = (panel: PanelHandle) =>
  panel.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('.row.message')].map((row) => ({
        key: row.dataset['key'] ?? '',
        name: row.querySelector('.name')?.firstChild?.textContent ?? '',
        verdict: row.querySelector('.verdict')?.textContent ?? '',
      })),
    undefined,
  );

/** One track call from the page, as an SDK would send it; resolves when the collector has answered. */
const send = (page: PageLike, event: string, code: string) =>
  page.evaluate(
    ({ event, code }) =>
      fetch('https://api.june.so/sdk/track', {
        method: 'POST',
        body: JSON.stringify({ event, userId: 'u', properties: { code } }),
      }).then((response) => response.status),
    { event, code },
  );

export function planPatternsSuite(launch: LaunchPanelBrowser): void {
  let collector: Collector;
  let browser: PanelBrowser;
  let page: PageLike;
  let panel: PanelHandle;
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'ti-downloads-'));

  beforeAll(async () => {
    collector = await startCollector({ '/codes.html': '<!doctype html><title>Codes</title><h1>Codes</h1>' });
    browser = await launch({ collector, theme: 'light', downloadDir });
    page = await browser.newPage();
    await page.goto(`${collector.origin}/codes.html`);
    panel = await browser.openTrackPanel(page);
  });
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    rmSync(downloadDir, { recursive: true, force: true });
  });

  describe('a plan pattern that backtracks catastrophically', () => {
    it('the options page refuses a pattern that cannot be matched in linear time, naming it and where it is', async () => {
      const options = await openOptions(browser, panel);
      try {
        const refused = await options.loadPlan('lookahead.plan.json', JSON.stringify(LOOKAHEAD_PLAN));
        expect(refused.problems).toContain('lookahead.plan.json was not loaded (one problem):');
        expect(refused.problems).toContain(
          'rule TRACK "Code Entered": pattern "^(?=.*\\\\d).{8,}$" at /properties/properties/properties/code/pattern ' +
            'uses a lookahead, "(?=.*\\\\d)" at character 2, which cannot be matched in linear time',
        );
        expect(refused.active).toBe('No plan loaded.');
      } finally {
        await options.close();
      }
    });

    it('a hostile call between two ordinary ones: all three rows appear, with their verdicts', async () => {
      const options = await openOptions(browser, panel);
      try {
        const loaded = await options.loadPlan('codes.plan.json', JSON.stringify(HOSTILE_PLAN));
        expect(loaded.status).toBe('Loaded. Every tab is checked against "Codes plan" from now on.');
      } finally {
        await options.close();
      }
      await until(
        () => panel.evaluate(() => document.querySelector('.plan-status')?.textContent ?? '', undefined),
        (text) => text === 'Plan: Codes plan',
        'the panel to name the plan',
      );

      expect(await send(page, 'Before Code', 'x')).toBe(200);
      expect(await send(page, 'Code Entered', HOSTILE_CODE)).toBe(200);
      expect(await send(page, 'After Code', 'y')).toBe(200);

      const rows = await until(
        () => shownRows(panel),
        (shown) => shown.length === 3 && shown.every((row) => row.verdict !== ''),
        'three rows with their verdicts',
      );
      expect(Object.fromEntries(rows.map(({ name, verdict }) => [name, verdict]))).toEqual({
        'Before Code': 'valid',
        'Code Entered': '1 error',
        'After Code': 'valid',
      });

      const hostile = rows.find((row) => row.name === 'Code Entered')?.key ?? '';
      await panel.click(`.row.message[data-key="${hostile}"]`);
      const problem = await until(
        () => panel.evaluate(() => document.querySelector('.detail .problems li.error')?.textContent ?? '', undefined),
        (text) => text.includes('pattern'),
        'the pattern error in the detail pane',
      );
      expect(problem).toMatch(/^\/properties\/code properties\.code must match the pattern "\^\(a\+\)\+\$", got "aaa/);
    });
  });
}
