/**
 * What the feature suites (privacy, coverage, plan patterns) share: one browser with the Track panel
 * open on a page served by the test collector, set up before the suite and closed after it, and the
 * few things they each do with it (send a June track call, read the rows, load a plan).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startCollector, type Collector, type PageContent } from '../../browser-harness/collector';
import { openOptions } from '../../browser-harness/options';
import type { PageLike } from '../../browser-harness/browser';
import type { LaunchPanelBrowser, PanelBrowser, PanelHandle } from '../../browser-harness/panel';
import { until } from './until';

export interface PanelSession {
  readonly collector: Collector;
  readonly browser: PanelBrowser;
  readonly page: PageLike;
  readonly panel: PanelHandle;
  /** Where the browser saves the panel's exports; removed after the suite. */
  readonly downloadDir: string;
}

/**
 * Registers the suite's beforeAll and afterAll. The session's fields are set once beforeAll has run:
 * read them inside tests and hooks, not when the suite is declared.
 */
export function panelSession(
  launch: LaunchPanelBrowser,
  /** The collector's pages, or what builds them (the SDK pages are bundled when the suite starts). */
  pages: Record<string, PageContent> | (() => Promise<Record<string, PageContent>>),
  firstPath: string,
): PanelSession {
  const session = { downloadDir: mkdtempSync(path.join(tmpdir(), 'ti-downloads-')) } as {
    -readonly [K in keyof PanelSession]: PanelSession[K];
  };
  beforeAll(async () => {
    session.collector = await startCollector(typeof pages === 'function' ? await pages() : pages);
    session.browser = await launch({ collector: session.collector, theme: 'light', downloadDir: session.downloadDir });
    session.page = await session.browser.newPage();
    await session.page.goto(`${session.collector.origin}${firstPath}`);
    session.panel = await session.browser.openTrackPanel(session.page);
  });
  afterAll(async () => {
    // Optional chaining: a failed beforeAll leaves later fields unset, and the first failure is the one to read.
    await session.browser?.close();
    await session.collector?.close();
    rmSync(session.downloadDir, { recursive: true, force: true });
  });
  return session;
}

/** One track call from the page, as the June SDK sends it; resolves with the collector's status. */
export const sendTrack = (page: PageLike, event: string, properties: object) =>
  page.evaluate(
    ({ event, properties }) =>
      fetch('https://api.june.so/sdk/track', {
        method: 'POST',
        body: JSON.stringify({ event, userId: 'u', properties }),
      }).then((response) => response.status),
    { event, properties },
  );

export interface ShownRow {
  readonly key: string;
  readonly name: string;
  readonly verdict: string;
}

/** The timeline's message rows as the user reads them: the event name and the verdict. */
export const shownRows = (panel: PanelHandle): Promise<ShownRow[]> =>
  panel.evaluate(
    () =>
      // In the order the user sees them: the DOM holds rows by place (timeline-places.ts).
      [...document.querySelectorAll<HTMLElement>('.row.message')]
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => ({
          key: row.dataset['key'] ?? '',
          name: row.querySelector('.name')?.firstChild?.textContent ?? '',
          verdict: row.querySelector('.verdict')?.textContent ?? '',
        })),
    undefined,
  );

/** Loads a plan in the options page, as a user would, and waits until the panel names it. */
export async function loadPlanFromOptions(
  session: PanelSession,
  fileName: string,
  plan: { readonly name: string },
): Promise<void> {
  const options = await openOptions(session.browser, session.panel);
  try {
    const loaded = await options.loadPlan(fileName, JSON.stringify(plan));
    expect(loaded.status).toBe(`Loaded. Every tab is checked against "${plan.name}" from now on.`);
  } finally {
    await options.close();
  }
  await until(
    () => session.panel.evaluate(() => document.querySelector('.plan-status')?.textContent ?? '', undefined),
    (text) => text === `Plan: ${plan.name}`,
    'the panel to name the plan',
  );
}
