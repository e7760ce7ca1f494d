/**
 * Debian's Chromium with the built extension, launched by puppeteer-core (for the browsers that need
 * DevTools, or no debugger on the worker).
 */
import path from 'node:path';
import puppeteer, { TargetType, type Browser, type Target } from 'puppeteer-core';
import { TRACK_HOSTS } from './collector';
import { CHROMIUM, chromiumFlags, installedPath } from './installed';

export const isExtensionWorker = (target: Target) =>
  target.type() === TargetType.SERVICE_WORKER && target.url().startsWith('chrome-extension://');

export function launchPuppeteerChromium({
  userDataDir,
  tlsPort,
  extraArgs = [],
  extensionDir = 'dist/chrome',
}: {
  userDataDir: string;
  tlsPort: number;
  extraArgs?: readonly string[];
  /** The unpacked extension to load: dist/chrome unless a test builds its own. */
  extensionDir?: string;
}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: installedPath(CHROMIUM),
    headless: true,
    pipe: true, // enableExtensions needs the pipe transport
    enableExtensions: [path.resolve(extensionDir)],
    userDataDir,
    defaultViewport: null,
    args: [...chromiumFlags(tlsPort, TRACK_HOSTS), ...extraArgs],
  });
}
