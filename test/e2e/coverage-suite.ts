/**
 * Issue 18 in a real browser: with a plan loaded, the panel's Coverage view is the QA checklist of
 * what the official June SDK sent. Never-seen rules come first, a rule the session sends turns
 * from never seen to its verdict while the view is open, a click on a rule filters the timeline
 * to its messages, and the view's states are the ones `track-inspector coverage` reports for the
 * panel's own export.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LaunchPanelBrowser, PanelHandle } from '../../browser-harness/panel';
import { loadPlanFromOptions, panelSession } from './panel-session';
import { testPages } from './pages/build-pages';
import { until } from './until';

const track = (key: string, properties: object = {}, required: string[] = []) => ({
  type: 'TRACK',
  key,
  version: 1,
  jsonSchema: {
    type: 'object',
    properties: { properties: { type: 'object', properties, required } },
  },
});

/** The plan the QA pass covers: the SDK scenario sends EUR orders (never valid here) and no Signed Up. */
const CHECKOUT_PLAN = {
  name: 'Checkout plan',
  rules: [
    track('Order Completed', { order_id: { type: 'string' }, currency: { const: 'USD' }, coupon: {} }, ['order_id']),
    track('Signed Up', { plan: { enum: ['free', 'pro'] } }, ['plan']),
    { type: 'IDENTIFY', version: 1, jsonSchema: { type: 'object' } },
    { type: 'PAGE', version: 1, jsonSchema: { type: 'object' } },
  ],
};

interface CoverageLine {
  readonly state: string;
  readonly type: string;
  readonly event: string;
  readonly seen: string;
  readonly invalid: string;
  readonly neverSent: string;
}

/** The Coverage table as the user reads it, top to bottom. */
const coverageLines = (panel: PanelHandle): Promise<CoverageLine[]> =>
  panel.evaluate(
    () =>
      [...document.querySelectorAll<HTMLTableRowElement>('.coverage-view tbody tr')].map((row) => {
        const cells = [...row.cells].map((cell) => cell.textContent ?? '');
        return {
          state: cells[0] ?? '',
          type: cells[1] ?? '',
          event: cells[2] ?? '',
          seen: cells[3] ?? '',
          invalid: cells[4] ?? '',
          neverSent: cells[6] ?? '',
        };
      }),
    undefined,
  );

const headline = (panel: PanelHandle) =>
  panel.evaluate(() => document.querySelector('.coverage-headline strong')?.textContent ?? '', undefined);

const shownNames = (panel: PanelHandle) =>
  panel.evaluate(
    () =>
      // In the order the user sees them: the DOM holds rows by place (timeline-places.ts).
      [...document.querySelectorAll('.row.message')]
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => row.querySelector('.name')?.firstChild?.textContent ?? ''),
    undefined,
  );

const clickTab = (panel: PanelHandle, label: string) =>
  panel.evaluate((label) => {
    const tab = [...document.querySelectorAll<HTMLButtonElement>('.toolbar [role="tab"]')].find(
      (button) => button.textContent === label,
    );
    tab?.click();
    return tab !== undefined;
  }, label);

export function coverageSuite(launch: LaunchPanelBrowser): void {
  const session = panelSession(launch, testPages, '/june.html');

  beforeAll(() => loadPlanFromOptions(session, 'checkout.plan.json', CHECKOUT_PLAN));

  describe('the Coverage view', () => {
    it('lists every planned rule as never seen before the session sends anything', async () => {
      expect(await clickTab(session.panel, 'Coverage')).toBe(true);
      const lines = await until(
        () => coverageLines(session.panel),
        (shown) => shown.length === 4,
        'the four planned rules',
      );
      expect(lines.map(({ state, type, event }) => [state, type, event])).toEqual([
        ['never seen', 'track', 'Order Completed'],
        ['never seen', 'track', 'Signed Up'],
        ['never seen', 'identify', ''],
        ['never seen', 'page', ''],
      ]);
      expect(await headline(session.panel)).toBe('Coverage of "Checkout plan": 0 of 4 rules seen (0%), 0 messages');
    });

    it("follows the June SDK's calls while it is open: never seen first, then each rule's verdict", async () => {
      await session.page.evaluate(
        () => (window as unknown as { runScenario(): Promise<string> }).runScenario(),
        undefined,
      );
      // All five calls counted (the group too, though the plan has no group rule).
      await until(
        () => headline(session.panel),
        (text) => text.endsWith('5 messages'),
        'the five scenario calls',
      );
      const lines = await coverageLines(session.panel);
      expect(lines.map(({ state, type, event, seen, invalid }) => [state, type, event, seen, invalid])).toEqual([
        ['never seen', 'track', 'Signed Up', '0', '0'],
        ['never valid', 'track', 'Order Completed', '1', '1'],
        ['always valid', 'identify', '', '1', '0'],
        ['always valid', 'page', '', '1', '0'],
      ]);
      expect(lines[1]?.neverSent).toBe('coupon');
      expect(await headline(session.panel)).toBe('Coverage of "Checkout plan": 3 of 4 rules seen (75%), 5 messages');
      const unplanned = await session.panel.evaluate(
        () => document.querySelector('.coverage-unplanned')?.textContent ?? '',
        undefined,
      );
      expect(unplanned).toBe('Unplanned events (not in the plan): Bad Timestamp 1×');

      await session.page.evaluate(
        () =>
          (window as unknown as { analytics: { track(e: string, p: object): Promise<unknown> } }).analytics.track(
            'Signed Up',
            { plan: 'pro' },
          ),
        undefined,
      );
      const covered = await until(
        () => coverageLines(session.panel),
        (shown) => !shown.some((line) => line.state === 'never seen'),
        'Signed Up seen',
      );
      expect(covered.find((line) => line.event === 'Signed Up')?.state).toBe('always valid');
      expect(await headline(session.panel)).toBe('Coverage of "Checkout plan": 4 of 4 rules seen (100%), 6 messages');
    });

    it("a click on a rule shows its messages in the timeline; the states are the CLI's for the panel's export", async () => {
      await session.panel.evaluate(() => {
        const cell = [...document.querySelectorAll<HTMLButtonElement>('.coverage-view tbody button.link')].find(
          (button) => button.textContent === 'Order Completed',
        );
        cell?.click();
      }, undefined);
      const names = await until(
        () => shownNames(session.panel),
        (shown) => shown.length > 0 && shown.every((name) => name === 'Order Completed'),
        'the timeline filtered to the rule',
      );
      expect(names).toEqual(['Order Completed']);

      // Every row of the session, so the export holds what the Coverage view counted.
      await session.panel.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.filter-bar input[type="search"]') as HTMLInputElement;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, undefined);
      await until(
        () => shownNames(session.panel),
        (shown) => shown.length === 6,
        'every row again',
      );
      await session.panel.evaluate(() => {
        const exportButton = [...document.querySelectorAll<HTMLButtonElement>('.toolbar > button')].find(
          (button) => button.textContent?.trim() === 'Export NDJSON',
        );
        exportButton?.click();
      }, undefined);
      const file = await session.panel.waitForDownload(/\.ndjson$/);
      const planFile = path.join(session.downloadDir, 'checkout.plan.json');
      writeFileSync(planFile, JSON.stringify(CHECKOUT_PLAN));
      const cli = spawnSync(
        process.execPath,
        ['bin/track-inspector.js', 'coverage', '--json', '--plan', planFile, file],
        {
          encoding: 'utf8',
        },
      );
      expect(cli.stderr).toBe('');
      const report = JSON.parse(cli.stdout) as {
        coverage: number;
        rules: { type: string; name: string | null; state: string; seen: number; invalid: number }[];
      };

      expect(await clickTab(session.panel, 'Coverage')).toBe(true);
      const lines = await until(
        () => coverageLines(session.panel),
        (shown) => shown.length === 4,
        'the Coverage view again',
      );
      const fromView = lines.map((line) => [
        line.type,
        line.event,
        line.state.replace(' ', '-'),
        line.seen,
        line.invalid,
      ]);
      const fromCli = report.rules.map((rule) => [
        rule.type,
        rule.name ?? '',
        rule.state,
        `${rule.seen}`,
        `${rule.invalid}`,
      ]);
      expect(report.coverage).toBe(1);
      expect(new Set(fromView.map((line) => JSON.stringify(line)))).toEqual(
        new Set(fromCli.map((line) => JSON.stringify(line))),
      );
    });
  });
}
