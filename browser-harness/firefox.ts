/**
 * Debian's Firefox ESR with the built extension as a temporary add-on (or another build of it, or
 * none: bench:capture's baseline), driven by puppeteer-core 24 over WebDriver BiDi. Tracking hosts
 * reach the collector through a PAC-selected CONNECT proxy.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { GECKO_ID } from '../scripts/manifest';
import { TRACK_HOSTS } from './collector';
import { EXTENSION_PAGE, poll, type BrowserUnderTest, type PageLike } from './browser';
import { FIREFOX, installedPath } from './installed';

const EXTENSION_DIR = path.resolve('dist/firefox');

/** A PAC script sending only the tracking hosts to the collector's CONNECT proxy. */
export function pacDataUrl(proxyPort: number): string {
  const pac = `function FindProxyForURL(url, host) {
  if (${JSON.stringify(TRACK_HOSTS)}.indexOf(host) !== -1) return "PROXY 127.0.0.1:${proxyPort}";
  return "DIRECT";
}`;
  return `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pac).toString('base64')}`;
}

/**
 * In an extension page: whether the event page runs. Every page of the extension this process can
 * see is a view, the event page among them while it runs.
 */
export const eventPageRuns = (): boolean =>
  (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension
    .getViews()
    .some((view) => view.location.pathname.includes('background'));

export interface FirefoxOptions {
  readonly proxyPort: number;
  /**
   * Firefox suspends an idle event page after this long (extensions.background.idle.timeout, 30 s
   * by default); set short, stopBackground waits for it to do so.
   */
  readonly idleTimeoutMs?: number;
  /** The unpacked extension to install: dist/firefox when not given; null installs none. */
  readonly extensionDir?: string | null;
  /** Prefs beside the harness's own (bench:capture: finer timers). */
  readonly extraPrefs?: Readonly<Record<string, unknown>>;
}

export async function launchFirefox(options: FirefoxOptions): Promise<BrowserUnderTest> {
  const uuid = randomUUID();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: installedPath(FIREFOX),
    headless: true,
    userDataDir,
    acceptInsecureCerts: true, // the collector's self-signed certificate
    args: ['--remote-allow-system-access'], // else BiDi refuses to navigate to moz-extension://
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': pacDataUrl(options.proxyPort),
      'network.proxy.failover_direct': false,
      'network.dns.disableIPv6': true,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'privacy.trackingprotection.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...(options.idleTimeoutMs ? { 'extensions.background.idle.timeout': options.idleTimeoutMs } : {}),
      ...options.extraPrefs,
    },
  });
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  if (extensionDir) await browser.installExtension(extensionDir);

  let extensionPage: Page | null = null;
  async function extension(): Promise<Page> {
    if (!extensionDir) throw new Error('this Firefox was launched without an extension');
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await browser.newPage();
      // page.goto() to moz-extension:// never resolves in puppeteer 24 + Firefox: navigate with BiDi.
      const frame = extensionPage.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: string): Promise<unknown> };
      };
      await frame.browsingContext.navigate(`moz-extension://${uuid}${EXTENSION_PAGE}`, 'complete');
    }
    return extensionPage;
  }
  const inExtension: BrowserUnderTest['inExtension'] = async (fn, arg) =>
    ((await extension()) as unknown as PageLike).evaluate(fn, arg);

  return {
    name: 'firefox',
    async newPage() {
      return (await browser.newPage()) as unknown as PageLike;
    },
    inExtension,
    async stopBackground() {
      if (!options.idleTimeoutMs)
        throw new Error('this Firefox suspends its event page only after 30 s idle: launch it with idleTimeoutMs');
      // Firefox suspends the idle event page by itself: wait until the extension has no background page.
      await poll(
        () => inExtension(eventPageRuns, null),
        (runs) => !runs,
        'Firefox to suspend the idle event page',
        options.idleTimeoutMs + 10_000,
      );
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
