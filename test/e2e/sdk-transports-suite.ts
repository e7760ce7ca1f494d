/**
 * Issue 20, item 1: every transport of every SDK we name, with the real SDK from npm. Each page runs
 * the scenario and then navigates away (what an SDK flushes on pagehide goes then). What the panel
 * reads of the tab (its timeline over the panel protocol: what it renders and exports) must hold
 * every message the collector received, once each, with its type, sender and verdict.
 */
import { describe, expect, it } from 'vitest';
import type { CollectedRequest } from '../../browser-harness/collector';
import { poll } from '../../browser-harness/browser';
import { labelOf, messagesOf, readTimeline, type Message } from '../../browser-harness/timeline';
import { openTab, type SuiteContext } from './capture-suite';
import { SCENARIO_ROWS } from './pages/sdk-scenario';

interface SdkTransport {
  readonly page: string;
  readonly transport: string;
  readonly sender: string;
  readonly host: string;
  /** The requests' paths, without the query: how the test knows the SDK really used this transport. */
  readonly paths: readonly string[];
  /** [label, type, valid] of every message the page sends, the SDK's own included. */
  readonly rows: readonly Row[];
  /**
   * How many of them the collector has before the test leaves the page; the rest are what the SDK
   * sends on pagehide. An SDK that queues calls (RudderStack's XHR queue) keeps, across the
   * navigation, what it had not sent: in localStorage, for the next visit.
   */
  readonly beforeLeaving: number;
}

type Row = readonly [string, string, boolean];

/**
 * RudderStack dates a message by its own `originalTimestamp` and sends no `timestamp` for the
 * option: Bad Timestamp is valid as it arrives. Its beacon transport adds its own Page Unloaded.
 */
const RUDDERSTACK_ROWS: readonly Row[] = SCENARIO_ROWS.map(([label, type, valid]) => [
  label,
  type,
  label === 'Bad Timestamp' ? true : valid,
]);

const JUNE = { page: '/june.html', sender: 'june', host: 'api.june.so', rows: SCENARIO_ROWS, beforeLeaving: 5 };
const SEGMENT = { ...JUNE, page: '/segment.html', sender: 'segment', host: 'api.segment.io' };
const RUDDERSTACK = {
  page: '/rudderstack.html',
  sender: 'rudderstack',
  host: 'acme.dataplane.rudderstack.com',
  rows: RUDDERSTACK_ROWS,
  beforeLeaving: 5,
};
/** One request per call: June and RudderStack name the type, analytics-next its first letter. */
const perCall = (prefix: string, name: (type: string) => string) =>
  ['page', 'track', 'identify', 'group'].map((type) => `${prefix}/${name(type)}`);
const whole = (type: string) => type;
const initial = (type: string) => type.charAt(0);

export const SDK_TRANSPORTS: readonly SdkTransport[] = [
  { ...JUNE, transport: 'fetch', paths: perCall('/sdk', whole) },
  { ...JUNE, transport: 'keepalive', paths: perCall('/sdk', whole) },
  { ...JUNE, transport: 'batching', paths: ['/sdk/b'] },
  { ...SEGMENT, transport: 'fetch', paths: perCall('/v1', initial) },
  { ...SEGMENT, transport: 'keepalive', paths: perCall('/v1', initial) },
  { ...SEGMENT, transport: 'batching', paths: ['/v1/b'] },
  { ...RUDDERSTACK, transport: 'xhr', paths: perCall('/v1', whole) },
  { ...RUDDERSTACK, transport: 'xhr-batch', paths: ['/v1/batch'] },
  // Batches of 3: the first goes when full, the rest with Page Unloaded on pagehide.
  {
    ...RUDDERSTACK,
    transport: 'beacon',
    paths: ['/beacon/v1/batch'],
    rows: [...RUDDERSTACK_ROWS, ['Page Unloaded', 'track', true]],
    beforeLeaving: 3,
  },
];

/** The messages in a collected request's body, one or a batch. */
function sentMessages(request: CollectedRequest): { messageId: string; type: string }[] {
  const body = JSON.parse(request.body) as { batch?: { messageId: string; type: string }[]; messageId?: string };
  return body.batch ?? [body as { messageId: string; type: string }];
}

export function sdkTransportsSuite(context: SuiteContext): void {
  describe('every transport of the SDKs we name', () => {
    it.each(SDK_TRANSPORTS.map((t) => [`${t.page.slice(1, -5)} over ${t.transport}`, t] as const))(
      '%s: every message the collector received, once, with its type, sender and verdict',
      async (_name, sdk) => {
        const before = context.collector.requests.length;
        const { page, tabId } = await openTab(context, `${sdk.page}?transport=${sdk.transport}`);
        expect(
          await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario(), undefined),
        ).toBe('done');
        const collected = () =>
          Promise.resolve(context.collector.requests.slice(before).filter((r) => r.host === sdk.host));
        await poll(
          collected,
          (requests) => requests.flatMap(sentMessages).length === sdk.beforeLeaving,
          "the page's sends",
        );
        await page.goto(`${context.collector.origin}/blank.html`);
        const { rows } = sdk;
        const received = await poll(
          collected,
          (requests) => requests.flatMap(sentMessages).length === rows.length,
          `${rows.length} messages at the collector`,
        );
        expect([...new Set(received.map((r) => r.path.split('?')[0]))].sort()).toEqual([...sdk.paths].sort());

        const sentIds = received.flatMap(sentMessages).map((m) => m.messageId);
        const messages = await poll(
          async () => messagesOf(await readTimeline(context.browser, tabId)),
          (shown) => sentIds.every((id) => shown.some((m) => idOf(m) === id)),
          'every received message in the timeline',
        );
        const ofSdk = messages.filter((m) => m.record.sender === sdk.sender);
        expect(ofSdk.map(idOf).sort()).toEqual([...sentIds].sort());
        expect(Object.fromEntries(ofSdk.map((m) => [labelOf(m), [m.record.type, m.record.validation.valid]]))).toEqual(
          Object.fromEntries(rows.map(([label, type, valid]) => [label, [type, valid]])),
        );
        // The privacy guard is on (warnings) by default: the SDKs' own fields and the shop's properties are no finding.
        const findings = ofSdk.flatMap((message) =>
          [...message.record.validation.errors, ...message.record.validation.warnings]
            .filter((problem) => problem.source === 'privacy')
            .map((problem) => `${labelOf(message)}: ${problem.message}`),
        );
        expect(findings).toEqual([]);
        await page.close();
      },
    );
  });
}

const idOf = (message: Message) => (message.record.payload as { messageId?: string } | null)?.messageId;
