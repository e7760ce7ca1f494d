// The privacy guard in Firefox ESR's real DevTools.
import { privacySuite } from './privacy-suite';
import { launchFirefoxPanel } from '../../browser-harness/firefox-devtools';

privacySuite(launchFirefoxPanel);
