// The Coverage view in Firefox ESR's real DevTools.
import { coverageSuite } from './coverage-suite';
import { launchFirefoxPanel } from '../../browser-harness/firefox-devtools';

coverageSuite(launchFirefoxPanel);
