// The capture pipeline as a host other than the extension feeds it (a Playwright fixture, say): its
// own events as plain data, the sending page named by URL, timelines in memory. Nothing here is the
// extension's: the pipeline needs no browser API and no background.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryTimeline } from '../../../src/core/capture/memory-timeline';
import { CapturePipeline } from '../../../src/core/capture/pipeline';
import { SenderPages } from '../../../src/core/capture/sender-pages';
import { parseHostPattern, type HostPattern } from '../../../src/core/endpoints';

const PAGE = 'http://127.0.0.1:4000/shop';
const PROXY = 'http://127.0.0.1:4001/collect/v1/t';

function host() {
  const timeline = new MemoryTimeline();
  const proxy = parseHostPattern('127.0.0.1:4001/collect') as HostPattern;
  const pipeline = new CapturePipeline({
    timeline,
    senders: new SenderPages(null),
    hosts: () => [proxy],
    mode: () => ({ strict: false, checker: null }),
    missingBodyReason: 'no body was seen',
  });
  const rows = (page = 1) =>
    timeline
      .entries(page)
      .map((entry) =>
        entry.kind === 'navigation'
          ? `navigation ${entry.url}`
          : [
              (entry.record.payload as { event?: string } | null)?.event ?? entry.record.undecodable?.reason,
              entry.record.pageUrl,
              entry.record.request.outcome,
              entry.record.request.status,
              entry.record.validation.valid ? 'valid' : 'invalid',
            ].join(' | '),
      );
  return { pipeline, timeline, rows };
}

let ids = 0;
function request(url: string, at: number, text: string | null) {
  return {
    requestId: `p${++ids}`,
    tabId: 1,
    frameId: 0,
    url,
    method: 'POST',
    timeStamp: at,
    documentUrl: PAGE,
    body: text === null ? null : { kind: 'text' as const, text },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Capture pipeline in a host of its own', () => {
  it('records each message of a batch with its page, outcome and verdict', () => {
    const { pipeline, rows } = host();
    pipeline.navigationStarted(1, PAGE, 900);
    const batch = {
      batch: [
        { type: 'track', event: 'Signed Up', anonymousId: 'a', timestamp: '2026-12-06T00:00:00Z' },
        { type: 'track', event: 'Plan Chosen', anonymousId: 'a', timestamp: 'yesterday' },
      ],
    };
    const sent = request('https://api.segment.io/v1/b', 1000, JSON.stringify(batch));
    void pipeline.requestStarted(sent);
    pipeline.requestCompleted({ ...sent, statusCode: 200 });
    expect(rows()).toEqual([
      `navigation ${PAGE}`,
      `Signed Up | ${PAGE} | status | 200 | valid`,
      `Plan Chosen | ${PAGE} | status | 200 | invalid`,
    ]);
  });

  it("fills a beacon's hidden body from the page's report, and knows the user's own host", async () => {
    const { pipeline, rows } = host();
    const beacon = request(PROXY, 1000, null);
    void pipeline.requestStarted(beacon);
    expect(rows()).toEqual([`no body was seen | ${PAGE} | pending |  | invalid`]);
    const body = JSON.stringify({ type: 'track', event: 'Left', anonymousId: 'a' });
    await pipeline.pageBody({ tabId: 1, url: PROXY, method: 'POST', body, at: 1001 });
    pipeline.requestFailed({ ...beacon, error: 'net::ERR_ABORTED', type: 'ping' });
    expect(rows()).toEqual([`Left | ${PAGE} | unload |  | valid`]);
  });

  it('ignores requests that are not tracking calls, and forgets a closed page after its grace period', () => {
    const { pipeline, timeline, rows } = host();
    void pipeline.requestStarted(request('http://127.0.0.1:4000/api/cart', 1000, '{}'));
    void pipeline.requestStarted(request('https://api.june.so/sdk/track', 1001, '{"event":"Kept","userId":"u"}'));
    expect(rows()).toHaveLength(1);
    pipeline.tabClosed(1);
    expect(timeline.tabIds()).toEqual([1]);
    vi.runAllTimers();
    expect(timeline.tabIds()).toEqual([]);
  });
});
