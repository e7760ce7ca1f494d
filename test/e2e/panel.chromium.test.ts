// The Track panel in Chromium's real DevTools.
import { panelSuite } from './panel-suite';
import { launchChromiumPanel } from '../../browser-harness/chromium-devtools';

panelSuite(launchChromiumPanel);
