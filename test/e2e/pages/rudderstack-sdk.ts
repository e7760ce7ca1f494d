// The official RudderStack JavaScript SDK v3 from npm, its bundled build (plugins inside, nothing
// loaded from a CDN), with the source configuration given inline. `?transport=` picks how it sends:
// `xhr` (one request per call, the default), `xhr-batch` (XHR batches to /v1/batch) or `beacon`
// (the BeaconQueue plugin: text/plain Blob batches to /beacon/v1/batch, flushed when full and on pagehide).
import { RudderAnalytics } from '@rudderstack/analytics-js/bundled';
import { forgetVisitor, runScenario, type SdkLike } from './sdk-scenario';

forgetVisitor();

const transport = new URLSearchParams(location.search).get('transport') ?? 'xhr';
const writeKey = 'e2e-rudder-write-key';
const analytics = new RudderAnalytics();
const sourceConfig = {
  source: {
    id: 'e2e-source',
    name: 'e2e',
    writeKey,
    workspaceId: 'e2e-workspace',
    enabled: true,
    config: {},
    destinations: [],
  },
};
analytics.load(writeKey, 'https://acme.dataplane.rudderstack.com', {
  getSourceConfig: () => sourceConfig,
  polyfillIfRequired: false,
  // Nothing from the network but the calls: no error reporting, no CDN plugins, no cookies on another domain.
  sendAdblockPage: false,
  useServerSideCookies: false,
  // With beacons, the SDK's own Page Unloaded event on leaving the page, sent with what is left in the queue.
  ...(transport === 'beacon'
    ? {
        useBeacon: true,
        beaconQueueOptions: { maxItems: 3, flushQueueInterval: 60_000 },
        autoTrack: { pageLifecycle: { enabled: true } },
      }
    : {}),
  ...(transport === 'xhr-batch' ? { queueOptions: { batch: { enabled: true, maxItems: 3, flushInterval: 300 } } } : {}),
});

/** RudderStack's calls take a callback; the scenario awaits each one. */
const promised = (send: (done: () => void) => void) => new Promise<void>((resolve) => send(resolve));
const sdk: SdkLike = {
  track: (event, properties, options) =>
    promised((done) => analytics.track(event, properties as never, options as never, done)),
  identify: (userId, traits) => promised((done) => analytics.identify(userId, traits as never, done)),
  page: (category, name, properties) =>
    promised((done) => analytics.page(category as string, name as string, properties as never, done)),
  group: (groupId, traits) => promised((done) => analytics.group(groupId, traits as never, done)),
};

Object.assign(window, { analytics, runScenario: () => runScenario(sdk) });
