// Capture in Debian's Firefox ESR (temporary add-on over WebDriver BiDi): the shared suite, and the
// user's hosts across the event page's suspension.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { captureSuite } from './capture-suite';
import { sdkTransportsSuite } from './sdk-transports-suite';
import type { BrowserUnderTest } from '../../browser-harness/browser';
import { launchFirefox } from '../../browser-harness/firefox';
import { expectUserHostAcrossStops } from './user-host-restart';

const context = captureSuite((collector) => launchFirefox({ proxyPort: collector.webPort }));

describe('firefox event page', () => {
  // Its own browser: the event page is suspended after 2 s idle instead of 30 s.
  let browser: BrowserUnderTest;
  beforeAll(async () => {
    browser = await launchFirefox({ proxyPort: context.collector.webPort, idleTimeoutMs: 2000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('captures a host the user adds while it runs, and after it was suspended, every call once', async () => {
    await expectUserHostAcrossStops(browser, context.collector, () => browser.stopBackground());
  });
});

sdkTransportsSuite(context);
