/**
 * The Track panel in real DevTools, in every browser: the official June SDK's calls show up, an
 * invalid one is explained down to the field, Export NDJSON writes what was captured, importing
 * it shows the same rows, hostile page data stays text, and the panel follows the DevTools theme.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from '../../browser-harness/collector';
import { openOptions } from '../../browser-harness/options';
import {
  SCREENSHOTS_DIR_ENV,
  screenshotName,
  type LaunchPanelBrowser,
  type PanelBrowser,
  type PanelHandle,
} from '../../browser-harness/panel';
import { testPages } from './pages/build-pages';
import { SCENARIO_ROWS } from './pages/sdk-scenario';
import { until } from './until';

/** The team's plan for the scenario: orders in USD only (the SDK page sends EUR); Bad Timestamp is not planned. */
const SHOP_PLAN = {
  name: 'Shop plan',
  rules: [
    {
      type: 'TRACK',
      key: 'Order Completed',
      version: 1,
      jsonSchema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: {
          properties: {
            type: 'object',
            required: ['order_id'],
            properties: { order_id: { type: 'string' }, currency: { const: 'USD' } },
          },
        },
      },
    },
    { type: 'TRACK', key: 'Signed Up', version: 1, jsonSchema: { type: 'object' } },
  ],
};

interface ShownRow {
  readonly key: string;
  readonly type: string;
  readonly name: string;
  readonly verdict: string;
}

/** What the timeline shows, read from the panel's DOM as a user would see it. */
const shownRows = (panel: PanelHandle) =>
  panel.evaluate(
    () =>
      // In the order the user sees them: the DOM holds rows by place (timeline-places.ts).
      [...document.querySelectorAll<HTMLElement>('.row.message')]
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => ({
          key: row.dataset['key'] ?? '',
          type: row.querySelector('.type')?.textContent ?? '',
          name: row.querySelector('.name')?.firstChild?.textContent ?? '',
          verdict: row.querySelector('.verdict')?.textContent ?? '',
        })),
    undefined,
  );

const hasAll = (rows: readonly ShownRow[], names: readonly string[]) =>
  names.every((name) => rows.some((row) => row.name === name));
const buttonIndex = (panel: PanelHandle, text: string) =>
  panel.evaluate(
    (label) =>
      [...document.querySelectorAll('.toolbar > button')].findIndex((b) => b.textContent?.trim() === label) + 1,
    text,
  );

export function panelSuite(launch: LaunchPanelBrowser): void {
  let collector: Collector;
  let browser: PanelBrowser;
  let panel: PanelHandle;
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'ti-downloads-'));
  const keptIn = process.env[SCREENSHOTS_DIR_ENV];
  const screenshotDir = keptIn ? path.resolve(keptIn) : mkdtempSync(path.join(tmpdir(), 'ti-screenshots-'));
  const scenarioNames = SCENARIO_ROWS.map(([name]) => name);

  beforeAll(async () => {
    collector = await startCollector(await testPages());
    mkdirSync(screenshotDir, { recursive: true });
    browser = await launch({ collector, theme: 'light', downloadDir });
    const page = await browser.newPage();
    await page.goto(`${collector.origin}/june.html`);
    // Sent before DevTools is open: the background has them, the panel backfills them.
    await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario(), undefined);
    await page.evaluate(
      () =>
        fetch('https://api.june.so/sdk/track', {
          method: 'POST',
          body: JSON.stringify({
            event: '<img src=x onerror="window.__pwned=1">',
            userId: 'u',
            properties: { link: 'javascript:window.__pwned=2', note: '<script>window.__pwned=3</script>' },
          }),
        }),
      undefined,
    );
    panel = await browser.openTrackPanel(page);
  });
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    rmSync(downloadDir, { recursive: true, force: true });
    if (!keptIn) rmSync(screenshotDir, { recursive: true, force: true });
  });

  describe('the Track panel in DevTools', () => {
    it('shows the June SDK calls, including those sent before DevTools opened, and explains the invalid one down to the field', async () => {
      const rows = await until(
        () => shownRows(panel),
        (r) => hasAll(r, scenarioNames),
        'the scenario rows',
      );
      const marker = await until(
        () => panel.evaluate(() => document.querySelector('.row.navigation')?.textContent ?? '', undefined),
        (t) => t !== '',
        'the navigation marker',
      );
      expect(marker).toMatch(/Navigated to http:\/\/127\.0\.0\.1:\d+\/june\.html$/);
      for (const [name, type, valid] of SCENARIO_ROWS) {
        const row = rows.find((r) => r.name === name) as ShownRow;
        // Bad Timestamp's verdict is "1 error · 1 warning": its date is also days before the capture.
        expect({ name, type: row.type, valid: !row.verdict.includes('error') }).toEqual({ name, type, valid });
      }
      const bad = rows.find((r) => r.name === 'Bad Timestamp') as ShownRow;
      await panel.click(`.row.message[data-key="${bad.key}"]`);
      const detail = await until(
        () => panel.evaluate(() => document.querySelector('.detail')?.textContent ?? '', undefined),
        (t) => t !== '',
        'the detail pane',
      );
      expect(detail).toContain('/timestamp');
      expect(detail).toContain('timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"');
      const highlighted = await panel.evaluate(
        () => document.querySelector('.json-tree .has-error')?.textContent,
        undefined,
      );
      expect(highlighted).toBe('timestamp: "2024-05-01"');
    });

    it('renders hostile property values as text and runs nothing', async () => {
      const rows = await until(
        () => shownRows(panel),
        (r) => r.some((row) => row.name.startsWith('<img')),
        'the hostile row',
      );
      const row = rows.find((r) => r.name.startsWith('<img')) as ShownRow;
      await panel.click(`.row.message[data-key="${row.key}"]`);
      const state = await until(
        () =>
          panel.evaluate(
            () => ({
              tree: document.querySelector('.json-tree')?.textContent ?? '',
              images: document.querySelectorAll('img').length,
              scripts: document.querySelectorAll('body script').length,
              javascriptLinks: document.querySelectorAll('a[href^="javascript"]').length,
              pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
            }),
            undefined,
          ),
        (s) => s.tree.includes('javascript:'),
        'the hostile payload in the tree',
      );
      expect(state).toMatchObject({ images: 0, scripts: 0, javascriptLinks: 0, pwned: null });
      expect(state.tree).toContain('"<script>window.__pwned=3</script>"');
    });

    it('exports NDJSON whose lines match the captured messages and verdicts, and importing it shows the same rows', async () => {
      const before = await shownRows(panel);
      await panel.click(`.toolbar > button:nth-of-type(${await buttonIndex(panel, 'Export NDJSON')})`);
      const file = await panel.waitForDownload(/^track-inspector-127\.0\.0\.1_\d+-\d{8}-\d{6}\.ndjson$/);
      const lines = readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map(
          (line) => JSON.parse(line) as { type: string; payload: { event?: string }; validation: { valid: boolean } },
        );
      expect(lines).toHaveLength(before.length);
      expect(lines.map((l) => [l.type, l.validation.valid])).toEqual(
        before.map((r) => [r.type, !r.verdict.includes('error')]),
      );
      expect(lines.find((l) => l.payload.event === 'Bad Timestamp')?.validation.valid).toBe(false);

      await panel.chooseFile('.toolbar input[type="file"]', file);
      const banner = await until(
        () => panel.evaluate(() => document.querySelector('.import-banner')?.textContent ?? '', undefined),
        (t) => t !== '',
        'the import banner',
      );
      expect(banner).toContain(`Imported ${path.basename(file)}: ${before.length} messages`);
      const after = await until(
        () => shownRows(panel),
        (r) => r.length === before.length && !r.some((row) => row.key.startsWith('n')),
        'the imported rows',
      );
      expect(after.map(({ type, name, verdict }) => [type, name, verdict])).toEqual(
        before.map(({ type, name, verdict }) => [type, name, verdict]),
      );
    });

    it("a tracking plan loaded in the options page flags the SDK's off-plan event; Strict mode changed there moves the open panel with it", async () => {
      if (await panel.evaluate(() => document.querySelector('.import-banner button') !== null, undefined))
        await panel.click('.import-banner button');
      await until(
        () => shownRows(panel),
        (r) => hasAll(r, scenarioNames),
        'the live rows',
      );
      const options = await openOptions(browser, panel);
      try {
        const refused = await options.loadPlan('broken.plan.json', '{"rules": [');
        expect(refused.problems).toMatch(/^broken\.plan\.json was not loaded \(one problem\):/);
        expect(refused.active).toBe('No plan loaded.');

        const loaded = await options.loadPlan('shop.plan.json', JSON.stringify(SHOP_PLAN));
        expect(loaded).toMatchObject({
          problems: '',
          status: 'Loaded. Every tab is checked against "Shop plan" from now on.',
        });
        expect(loaded.active).toContain('2 track events, 0 identify rules');
        const flagged = await until(
          () => shownRows(panel),
          (r) => r.find((row) => row.name === 'Order Completed')?.verdict === '1 error',
          'the order flagged by the plan',
        );
        expect(await panel.evaluate(() => document.querySelector('.plan-status')?.textContent, undefined)).toBe(
          'Plan: Shop plan',
        );
        expect(await panel.evaluate(() => document.querySelector('.chip.unplanned')?.textContent, undefined)).toBe(
          'Unplanned 2',
        ); // Bad Timestamp, and the hostile event
        await panel.click(
          `.row.message[data-key="${(flagged.find((row) => row.name === 'Order Completed') as ShownRow).key}"]`,
        );
        const problem = await until(
          () =>
            panel.evaluate(() => document.querySelector('.detail .problems li.error')?.textContent ?? '', undefined),
          (t) => t.includes('currency'),
          'the plan error in the detail pane',
        );
        expect(problem).toBe('/properties/currency properties.currency must be "USD", got "EUR"plan');

        const pricingVerdict = (rows: readonly ShownRow[]) => rows.find((row) => row.name === 'Pricing')?.verdict ?? '';
        const strictToggle = () =>
          panel.evaluate(
            () =>
              [...document.querySelectorAll<HTMLLabelElement>('.toolbar label')]
                .find((l) => l.textContent?.includes('Strict'))
                ?.querySelector('input')?.checked,
            undefined,
          );
        expect(await strictToggle()).toBe(false);
        expect(await options.setStrict(true)).toMatch(/^Saved/);
        await until(
          () => shownRows(panel),
          (r) => pricingVerdict(r).includes('error'),
          'the anonymous page call invalid in strict mode',
        );
        expect(await strictToggle()).toBe(true);
        expect(await options.setStrict(false)).toMatch(/^Saved/);
        await until(
          () => shownRows(panel),
          (r) => !pricingVerdict(r).includes('error'),
          'the page call valid again',
        );
        expect(await strictToggle()).toBe(false);

        expect(await options.removePlan()).toBe('Removed. Messages are checked against the June schema only.');
        await until(
          () => shownRows(panel),
          (r) => r.find((row) => row.name === 'Order Completed')?.verdict.includes('error') === false,
          'the order valid again',
        );
        expect(await panel.evaluate(() => document.querySelector('.plan-status')?.textContent, undefined)).toBe(
          'No plan · Options',
        );
      } finally {
        await options.close();
      }
    });

    it("imports the HAR the browser's own DevTools wrote of the SDK's calls: every call the collector received, with its verdict, in the panel and the CLI", async () => {
      if (await panel.evaluate(() => document.querySelector('.import-banner button') !== null, undefined))
        await panel.click('.import-banner button');
      const page = await browser.newPage();
      // DevTools open before the calls: its Network log records them.
      const panelOfPage = await browser.openTrackPanel(page);
      await page.goto(`${collector.origin}/june.html`);
      const before = collector.requests.length;
      await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario(), undefined);
      const received = collector.requests.slice(before).filter((r) => r.method === 'POST');
      expect(received.map((r) => r.path)).toEqual([
        '/sdk/page',
        '/sdk/track',
        '/sdk/track',
        '/sdk/identify',
        '/sdk/group',
      ]);
      const har = await until(
        () =>
          panelOfPage.evaluate(
            () =>
              (
                globalThis as unknown as { browser: { devtools: { network: { getHAR(): Promise<unknown> } } } }
              ).browser.devtools.network.getHAR(),
            undefined,
          ),
        (log) =>
          (log as { entries: { request: { url: string } }[] }).entries.filter((e) =>
            e.request.url.startsWith('https://api.june.so/'),
          ).length >= received.length,
        "the calls in DevTools' HAR",
      );
      const file = path.join(downloadDir, `devtools-${browser.name}.har`);
      writeFileSync(file, JSON.stringify({ log: har }));

      // What the panel shows for a live capture of the same calls is the reference: names and verdicts.
      const expected = SCENARIO_ROWS.map(([name, type, valid]) => ({ name, type, valid }));
      const cli = spawnSync(process.execPath, ['bin/track-inspector.js', 'validate', '--json', file], {
        encoding: 'utf8',
      });
      const results = cli.stdout
        .trim()
        .split('\n')
        .map(
          (line) => JSON.parse(line) as { entry: number; type: string; valid: boolean; errors: { message: string }[] },
        );
      expect(results.map((r) => ({ type: r.type, valid: r.valid }))).toEqual(
        expected.map(({ type, valid }) => ({ type, valid })),
      );
      expect(results.every((r) => Number.isInteger(r.entry) && r.entry > 0)).toBe(true);
      expect(cli.status).toBe(1); // Bad Timestamp

      await panel.chooseFile('.toolbar input[type="file"]', file);
      const rows = await until(
        () => shownRows(panel),
        (r) => r.length === expected.length && !r.some((row) => row.key.startsWith('n')),
        'the HAR rows',
      );
      expect(rows.map((r) => ({ name: r.name, type: r.type, valid: !r.verdict.includes('error') }))).toEqual(expected);
      expect(await panel.evaluate(() => document.querySelector('.import-banner strong')?.textContent, undefined)).toBe(
        `Imported ${path.basename(file)}`,
      );
      await panel.click('.import-banner button');
      await page.close();
    });

    it('follows the DevTools theme (light)', async () => {
      expect(['default', 'light']).toContain(await panel.themeName());
      expect(await panel.evaluate(() => document.documentElement.dataset['theme'], undefined)).toBe('light');
      await screenshotWithDetail(panel, path.join(screenshotDir, screenshotName(browser.name, 'light')));
    });

    it('follows the DevTools theme (dark)', async () => {
      const dark = await launch({ collector, theme: 'dark', downloadDir });
      try {
        const page = await dark.newPage();
        await page.goto(`${collector.origin}/june.html`);
        await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario(), undefined);
        const darkPanel = await dark.openTrackPanel(page);
        await until(
          () => shownRows(darkPanel),
          (r) => hasAll(r, scenarioNames),
          'the scenario rows',
        );
        expect(await darkPanel.themeName()).toBe('dark');
        expect(await darkPanel.evaluate(() => document.documentElement.dataset['theme'], undefined)).toBe('dark');
        expect(await darkPanel.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined)).toBe(
          'rgb(32, 33, 36)',
        );
        await screenshotWithDetail(darkPanel, path.join(screenshotDir, screenshotName(dark.name, 'dark')));
      } finally {
        await dark.close();
      }
    });
  });
}

/** The live timeline with the invalid call's detail open: what the manual shows (see SCREENSHOTS_DIR_ENV). */
async function screenshotWithDetail(panel: PanelHandle, file: string): Promise<void> {
  const back = await panel.evaluate(() => document.querySelector('.import-banner button') !== null, undefined);
  if (back) await panel.click('.import-banner button');
  const rows = await until(
    () => shownRows(panel),
    (r) => r.some((row) => row.name === 'Bad Timestamp'),
    'the live rows',
  );
  await panel.click(`.row.message[data-key="${(rows.find((r) => r.name === 'Bad Timestamp') as ShownRow).key}"]`);
  await until(
    () => panel.evaluate(() => document.querySelector('.detail .problems') !== null, undefined),
    Boolean,
    'the problems',
  );
  await new Promise((resolve) => setTimeout(resolve, 500)); // let DevTools paint the pane before capturing
  await panel.screenshot(file);
  expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
}
