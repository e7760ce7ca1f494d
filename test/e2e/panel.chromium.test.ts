// The Track panel in Chromium's real DevTools.
import { panelSuite } from './panel-suite';
import { launchChromiumPanel } from './harness/chromium-devtools';

panelSuite(launchChromiumPanel);
