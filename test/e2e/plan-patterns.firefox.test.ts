// A plan pattern that backtracks catastrophically, in Firefox ESR's real DevTools (issue 20, item 6).
import { planPatternsSuite } from './plan-patterns-suite';
import { launchFirefoxPanel } from '../../browser-harness/firefox-devtools';

planPatternsSuite(launchFirefoxPanel);
