// The Track panel in Firefox ESR's real DevTools.
import { panelSuite } from './panel-suite';
import { launchFirefoxPanel } from '../../browser-harness/firefox-devtools';

panelSuite(launchFirefoxPanel);
