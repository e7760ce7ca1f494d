/**
 * The Track panel inside real DevTools, whichever browser hosts it. A panel test drives the panel
 * only through this handle, so the same test runs in Chromium and Firefox.
 */
import type { Collector } from './collector';
import type { PageLike } from './browser';

export interface PanelHandle {
  /** Runs `fn` in the panel's document and returns its JSON-serialisable result. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A trusted click on the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Trusted key presses into the element matching `selector` (focuses it first). */
  type(selector: string, text: string): Promise<void>;
  /** Chooses `filePath` in the `<input type=file>` matching `selector`, as a user would (fires change). */
  chooseFile(selector: string, filePath: string): Promise<void>;
  /** Resolves with the path of a download whose file name matches, once it is complete. */
  waitForDownload(name: RegExp): Promise<string>;
  /** A PNG of DevTools showing the panel. */
  screenshot(filePath: string): Promise<void>;
  /** What the DevTools API tells the panel about the theme. */
  themeName(): Promise<string | undefined>;
}

export interface PanelBrowser {
  readonly name: 'chromium' | 'firefox';
  newPage(): Promise<PageLike>;
  /** A new tab showing one of the extension's pages (`chrome-extension://…`, `moz-extension://…`), loaded. */
  openExtensionPage(url: string): Promise<PageLike>;
  /** Opens DevTools for `page` and selects the Track panel. */
  openTrackPanel(page: PageLike): Promise<PanelHandle>;
  close(): Promise<void>;
}

export interface PanelLaunchOptions {
  readonly collector: Collector;
  readonly theme: 'light' | 'dark';
  /** Where downloads (Export NDJSON) must land. */
  readonly downloadDir: string;
}

export type LaunchPanelBrowser = (options: PanelLaunchOptions) => Promise<PanelBrowser>;

/**
 * Set to a folder, the panel suites save their DevTools screenshots there (`npm run docs:screenshots`
 * sets docs/, where the manual's are). Unset, they go to a temporary folder: a test run leaves the
 * working tree as it found it.
 */
export const SCREENSHOTS_DIR_ENV = 'TRACK_INSPECTOR_SCREENSHOTS';

export const screenshotName = (browser: PanelBrowser['name'], theme: PanelLaunchOptions['theme']): string =>
  `panel-${browser}-${theme}.png`;
