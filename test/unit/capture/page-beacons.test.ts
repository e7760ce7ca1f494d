// The extension's Chrome build: the page hook reports every beacon (Edge shows extensions no `ping`
// request at all). A beacon the browser shows is one row, whatever came first and whichever side could read
// the body; one it never shows is recorded from the report after the grace period, saying so; one it shows
// only later (a stopped worker starting) joins the row recorded from its report instead of adding one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestBody } from '../../../src/core/body';
import { HELD_BODY_MS } from '../../../src/core/capture/body-join';
import type { MemoryTimeline } from '../../../src/core/capture/memory-timeline';
import { PAGE, reportHost, request as shown, text, URL_T } from './report-host';

const GRACE = 2000;
const host = (timeline?: MemoryTimeline) => reportHost({ pageBeacons: { graceMs: GRACE } }, timeline);
const UNSEEN = 'unseen | sent by the page; the browser did not show the request';
/** A beacon's request (`ping`), unless another type is named. */
const request = (at: number, sent: RequestBody | null, type = 'ping') => shown(at, sent, type);

/** `bodyVisible`: the page hook's `!blob` (webRequest shows every beacon body but a Blob). */
const beacon = (at: number, sent: RequestBody | null, bodyVisible: boolean) => ({
  bodyVisible,
  tabId: 1,
  frameId: 0,
  documentUrl: PAGE,
  url: URL_T,
  method: 'POST',
  body: sent,
  at,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Capture pipeline with a page that reports every beacon', () => {
  it('records a beacon the browser never showed from its report, once the grace period is over', async () => {
    const { pipeline, rows } = host();
    const settled = vi.fn();
    void pipeline.pageCall(beacon(1000, text('Hidden Beacon'), true)).then(settled);
    expect(rows()).toEqual([]);
    vi.advanceTimersByTime(GRACE);
    await Promise.resolve();
    expect(rows()).toEqual([`Hidden Beacon | ${PAGE} | ${UNSEEN}`]);
    expect(settled).toHaveBeenCalled(); // the relay's acknowledgement: the report is recorded
  });

  it('makes one row of a beacon the browser showed with its body, report first or request first', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(beacon(1000, text('Report First'), true));
    const first = request(1001, text('Report First'));
    void pipeline.requestStarted(first);
    const second = request(5000, text('Request First'));
    void pipeline.requestStarted(second);
    void pipeline.pageCall(beacon(5000, text('Request First'), true));
    pipeline.requestCompleted({ ...first, statusCode: 200 });
    pipeline.requestCompleted({ ...second, statusCode: 204 });
    vi.advanceTimersByTime(HELD_BODY_MS * 2);
    expect(rows()).toEqual([`Report First | ${PAGE} | status | 200`, `Request First | ${PAGE} | status | 204`]);
  });

  it("fills a Blob beacon's body from the report, before or after the request", () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(beacon(1000, text('Blob Before'), false));
    void pipeline.requestStarted(request(1002, null));
    void pipeline.requestStarted(request(9000, null));
    void pipeline.pageCall(beacon(9000, text('Blob After'), false));
    vi.advanceTimersByTime(HELD_BODY_MS * 2);
    expect(rows()).toEqual([`Blob Before | ${PAGE} | pending | `, `Blob After | ${PAGE} | pending | `]);
  });

  it('joins a request shown after the grace (a worker starting) to the row its report became: one row, its outcome', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(beacon(1000, text('Late String'), true));
    void pipeline.pageCall(beacon(1100, null, false)); // a Blob the page did not see built
    vi.advanceTimersByTime(GRACE * 3);
    expect(rows()).toEqual([`Late String | ${PAGE} | ${UNSEEN}`, `no body was seen | ${PAGE} | ${UNSEEN}`]);
    const string = request(1000, text('Late String'));
    const blob = request(1100, null);
    void pipeline.requestStarted(string);
    void pipeline.requestStarted(blob);
    pipeline.requestCompleted({ ...string, statusCode: 200 });
    expect(rows()).toEqual([`Late String | ${PAGE} | status | 200`, `no body was seen | ${PAGE} | pending | `]);
    pipeline.requestFailed({ ...blob, error: 'net::ERR_ABORTED', type: 'ping' });
    expect(rows()[1]).toBe(
      `no body was seen | ${PAGE} | unload | sent during unload, outcome unknown (net::ERR_ABORTED)`,
    );
  });

  it('takes the body the browser read for a late request whose report had none', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(beacon(1000, null, true)); // FormData: the page cannot tell its bytes
    vi.advanceTimersByTime(GRACE);
    void pipeline.requestStarted(request(1001, text('Read By The Browser')));
    expect(rows()).toEqual([`Read By The Browser | ${PAGE} | pending | `]);
  });

  it('does not join a beacon to a fetch, nor two different beacons to one URL', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(beacon(1000, text('Beacon'), true));
    void pipeline.requestStarted(request(1000, text('Fetch'), 'xmlhttprequest'));
    void pipeline.requestStarted(request(1000, text('Other Beacon')));
    vi.advanceTimersByTime(HELD_BODY_MS * 2);
    expect(rows().sort()).toEqual([
      `Beacon | ${PAGE} | ${UNSEEN}`,
      `Fetch | ${PAGE} | pending | `,
      `Other Beacon | ${PAGE} | pending | `,
    ]);
  });

  it('adds nothing for a report re-sent to a restarted worker whose predecessor had joined it to its request', () => {
    const before = host();
    const shown = request(1000, text('Joined Before The Stop'));
    void before.pipeline.requestStarted(shown);
    void before.pipeline.pageCall(beacon(1000, text('Joined Before The Stop'), true));
    before.pipeline.requestCompleted({ ...shown, statusCode: 200 });
    // The worker stops before acknowledging; a new one starts over the stored timeline and gets the report again.
    const after = host(before.timeline);
    void after.pipeline.pageCall(beacon(1000, text('Joined Before The Stop'), true));
    vi.advanceTimersByTime(HELD_BODY_MS * 2);
    expect(after.rows()).toEqual([`Joined Before The Stop | ${PAGE} | status | 200`]);
  });

  it("never fills a Blob beacon's missing body from a string beacon's report sent a moment later", () => {
    const { pipeline, rows } = host();
    void pipeline.requestStarted(request(1000, null)); // the Blob beacon: the browser shows no body
    void pipeline.pageCall(beacon(1001, text('String Beacon'), true)); // before its own request
    void pipeline.requestStarted(request(1001, text('String Beacon')));
    void pipeline.pageCall(beacon(1000, text('Blob Beacon'), false));
    vi.advanceTimersByTime(HELD_BODY_MS * 2);
    expect(rows()).toEqual([`Blob Beacon | ${PAGE} | pending | `, `String Beacon | ${PAGE} | pending | `]);
  });
});
