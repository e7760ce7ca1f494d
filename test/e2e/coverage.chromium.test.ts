// The Coverage view in Chromium's real DevTools.
import { coverageSuite } from './coverage-suite';
import { launchChromiumPanel } from '../../browser-harness/chromium-devtools';

coverageSuite(launchChromiumPanel);
