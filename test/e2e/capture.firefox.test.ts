// Capture in Debian's Firefox ESR (temporary add-on over WebDriver BiDi): the shared suite.
import { captureSuite } from './capture-suite';
import { launchFirefox } from './harness/firefox';

captureSuite((collector) => launchFirefox({ proxyPort: collector.webPort }));
