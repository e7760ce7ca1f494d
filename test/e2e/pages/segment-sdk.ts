// Segment's analytics-next from npm, bundled into a page (see build-pages.ts).
import { AnalyticsBrowser } from '@segment/analytics-next';
import { deliveryStrategy } from './sdk-transport';
import { forgetVisitor, runScenario, type SdkLike } from './sdk-scenario';

forgetVisitor();

const writeKey = 'e2e-segment-write-key';
const analytics = AnalyticsBrowser.load({
  writeKey,
  cdnSettings: {
    integrations: { 'Segment.io': { apiKey: writeKey, deliveryStrategy: deliveryStrategy() } },
    remotePlugins: [],
    metrics: { sampleRate: 0 },
  },
});

Object.assign(window, { runScenario: () => runScenario(analytics as unknown as SdkLike) });
