// The devtools page only registers the Track panel; everything else lives in the panel and background.
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('Track', '/icons/icon-32.png', '/src/panel/panel.html');
