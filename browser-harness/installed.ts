/** The Debian browsers the real-browser tests drive (never downloaded), and one clear line when one is missing. */
import { existsSync } from 'node:fs';

interface DebianBrowser {
  readonly name: string;
  readonly path: string;
  readonly pkg: string;
  readonly variable: string;
}

export const CHROMIUM: DebianBrowser = {
  name: 'Chromium',
  path: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  pkg: 'chromium',
  variable: 'CHROMIUM_PATH',
};
export const FIREFOX: DebianBrowser = {
  name: 'Firefox ESR',
  path: process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr',
  pkg: 'firefox-esr',
  variable: 'FIREFOX_PATH',
};

function missingLine(browser: DebianBrowser): string {
  return `${browser.name} is not installed at ${browser.path}: install Debian's ${browser.pkg} package (sudo apt-get install ${browser.pkg}), or point ${browser.variable} at it`;
}

/** The browser's path; a missing browser is an error of one line naming its package. */
export function installedPath(browser: DebianBrowser): string {
  if (!existsSync(browser.path)) throw new Error(missingLine(browser));
  return browser.path;
}

/**
 * The flags every Chromium the tests start gets: no sandbox (root in CI), no network of its own
 * (its background connections are refused on this machine's closed network), and the tracking hosts
 * mapped to the local TLS collector, whose certificate is self-signed.
 */
export function chromiumFlags(tlsPort: number, trackHosts: readonly string[]): string[] {
  const rules = trackHosts.map((host) => `MAP ${host} 127.0.0.1:${tlsPort}`).join(', ');
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
  ];
}

export function missingBrowsers(): string[] {
  return [CHROMIUM, FIREFOX].filter((browser) => !existsSync(browser.path)).map(missingLine);
}
