// A plan pattern that backtracks catastrophically, in Chromium's real DevTools (issue 20, item 6).
import { planPatternsSuite } from './plan-patterns-suite';
import { launchChromiumPanel } from '../../browser-harness/chromium-devtools';

planPatternsSuite(launchChromiumPanel);
