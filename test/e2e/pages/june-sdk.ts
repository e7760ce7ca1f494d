// The official June SDK from npm, bundled into a page (see build-pages.ts).
import { AnalyticsBrowser } from '@june-so/analytics-next';
import { deliveryStrategy } from './sdk-transport';
import { forgetVisitor, runScenario, type SdkLike } from './sdk-scenario';

forgetVisitor();

const writeKey = 'e2e-june-write-key';
const analytics = AnalyticsBrowser.load({
  writeKey,
  cdnSettings: {
    integrations: { 'june.so': { apiKey: writeKey, deliveryStrategy: deliveryStrategy() } },
    remotePlugins: [],
    metrics: { sampleRate: 0 },
  },
});

// `analytics` too: a test sends one more call through the SDK after the scenario.
Object.assign(window, { analytics, runScenario: () => runScenario(analytics as unknown as SdkLike) });
