/**
 * Issue 20, item 6, in a real browser: the team's plan has a pattern a backtracking engine stalls on
 * (`^(a+)+$`), and the page sends a string made to stall it between two ordinary calls. The background
 * checks all three as they come: every row appears with its verdict, the hostile one with the pattern
 * error. Nothing is timed: 20,000 `a`s and a `b` would hold a backtracking engine far past the wait
 * below, so the rows appearing at all is the proof. The options page refuses a plan whose pattern
 * cannot be matched in linear time, naming it, as the CLI does.
 */
import { describe, expect, it } from 'vitest';
import { openOptions } from '../../browser-harness/options';
import type { LaunchPanelBrowser } from '../../browser-harness/panel';
import type { PageLike } from '../../browser-harness/browser';
import { loadPlanFromOptions, panelSession, sendTrack, shownRows } from './panel-session';
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

/** A call whose `code` property the plan's pattern checks. */
const send = (page: PageLike, event: string, code: string) => sendTrack(page, event, { code });

export function planPatternsSuite(launch: LaunchPanelBrowser): void {
  const session = panelSession(
    launch,
    { '/codes.html': '<!doctype html><title>Codes</title><h1>Codes</h1>' },
    '/codes.html',
  );

  describe('a plan pattern that backtracks catastrophically', () => {
    it('the options page refuses a pattern that cannot be matched in linear time, naming it and where it is', async () => {
      const options = await openOptions(session.browser, session.panel);
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
      await loadPlanFromOptions(session, 'codes.plan.json', HOSTILE_PLAN);

      expect(await send(session.page, 'Before Code', 'x')).toBe(200);
      expect(await send(session.page, 'Code Entered', HOSTILE_CODE)).toBe(200);
      expect(await send(session.page, 'After Code', 'y')).toBe(200);

      const rows = await until(
        () => shownRows(session.panel),
        (shown) => shown.length === 3 && shown.every((row) => row.verdict !== ''),
        'three rows with their verdicts',
      );
      expect(Object.fromEntries(rows.map(({ name, verdict }) => [name, verdict]))).toEqual({
        'Before Code': 'valid',
        'Code Entered': '1 error',
        'After Code': 'valid',
      });

      const hostile = rows.find((row) => row.name === 'Code Entered')?.key ?? '';
      await session.panel.click(`.row.message[data-key="${hostile}"]`);
      const problem = await until(
        () =>
          session.panel.evaluate(
            () => document.querySelector('.detail .problems li.error')?.textContent ?? '',
            undefined,
          ),
        (text) => text.includes('pattern'),
        'the pattern error in the detail pane',
      );
      expect(problem).toMatch(/^\/properties\/code properties\.code must match the pattern "\^\(a\+\)\+\$", got "aaa/);
    });
  });
}
