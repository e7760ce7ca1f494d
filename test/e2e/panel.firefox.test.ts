// The Track panel in real Firefox DevTools: a smoke test of the harness (the shared panel suite will replace it).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, type PageLike } from './harness/browser';
import { startCollector, type Collector } from './harness/collector';
import { launchFirefoxPanel } from './harness/firefox-devtools';
import type { PanelBrowser, PanelHandle } from './harness/panel';
import { testPages } from './pages/build-pages';
import { SCENARIO_ROWS } from './pages/sdk-scenario';

const NAMES = SCENARIO_ROWS.map(([label]) => label);
const EXPORT_NAME = /^track-inspector-127\.0\.0\.1_\d+-\d{8}-\d{6}\.ndjson$/;

const rowNames = (panel: PanelHandle) => panel.evaluate(() => [...document.querySelectorAll('.row.message .cell.name')].map((el) => el.textContent ?? ''), undefined);

describe('Track panel in Firefox DevTools (harness smoke test)', () => {
  let collector: Collector;
  let browser: PanelBrowser;
  let page: PageLike;
  let panel: PanelHandle;
  let tmp: string;
  let exported: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'ti-panel-ff-'));
    collector = await startCollector(await testPages());
    browser = await launchFirefoxPanel({ collector, theme: 'light', downloadDir: path.join(tmp, 'downloads') });
    page = await browser.newPage();
    await page.goto(`${collector.origin}/june.html`);
    expect(await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario(), undefined)).toBe('done');
    panel = await browser.openTrackPanel(page);
  });
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the calls the June SDK made, in the light theme', async () => {
    const names = await poll(() => rowNames(panel), (n) => n.includes('Order Completed') && n.includes('Bad Timestamp'), 'the SDK rows');
    expect([...names].sort()).toEqual([...NAMES].sort());
    expect(await panel.themeName()).toBe('light');
  });

  it('explains the invalid call when its row is clicked (a trusted click)', async () => {
    const key = await panel.evaluate(
      (name) => [...document.querySelectorAll('.row.message')].find((row) => row.querySelector('.cell.name')?.textContent === name)?.getAttribute('data-key') ?? null,
      'Bad Timestamp',
    );
    expect(key).toBeTruthy();
    await panel.click(`.row.message[data-key="${key}"]`);
    const problems = await poll(() => panel.evaluate(() => document.querySelector('.detail .problems')?.textContent ?? '', undefined), (t) => t !== '', 'the problems list');
    expect(problems).toContain('timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"');
  });

  it('exports the rows as an NDJSON download', async () => {
    const index = await panel.evaluate(() => [...document.querySelectorAll('.toolbar > button')].findIndex((b) => b.textContent?.trim() === 'Export NDJSON'), undefined);
    expect(index).toBeGreaterThanOrEqual(0);
    await panel.click(`.toolbar > button:nth-of-type(${index + 1})`);
    exported = await panel.waitForDownload(EXPORT_NAME);
    const lines = readFileSync(exported, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(NAMES.length);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toHaveLength(NAMES.length);
  });

  it('imports the exported file as its own session', async () => {
    await panel.chooseFile('.toolbar input[type="file"]', exported);
    const banner = await poll(() => panel.evaluate(() => document.querySelector('.import-banner')?.textContent ?? '', undefined), (text) => text !== '', 'the import banner');
    expect(banner).toContain(path.basename(exported)); // the panel read input.files[0]: its name and its 5 lines
    const names = await poll(() => rowNames(panel), (n) => n.length === NAMES.length, 'the imported rows');
    expect([...names].sort()).toEqual([...NAMES].sort());
  });

  it('screenshots DevTools showing the panel', async () => {
    const file = path.join(tmp, 'panel.png');
    await panel.screenshot(file);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
    if (process.env['TI_SCREENSHOT']) copyFileSync(file, process.env['TI_SCREENSHOT']); // to look at it
  });

  it('types into the filter (trusted key presses)', async () => {
    await panel.type('.filter-bar input', 'org-7');
    expect(await panel.evaluate(() => (document.querySelector('.filter-bar input') as HTMLInputElement).value, undefined)).toBe('org-7');
    expect(await poll(() => rowNames(panel), (n) => n.length === 1, 'the filtered rows')).toEqual(['org-7']);
  });
});
