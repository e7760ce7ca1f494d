// The privacy guard in Chromium's real DevTools.
import { privacySuite } from './privacy-suite';
import { launchChromiumPanel } from '../../browser-harness/chromium-devtools';

privacySuite(launchChromiumPanel);
