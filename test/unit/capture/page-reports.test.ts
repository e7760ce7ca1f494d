// A host whose page reports every call it sends (the Playwright fixture): each report pairs with the
// request the browser showed, in either order, whatever body each side could read; a report no
// request claims within the grace period is the call itself, saying the browser did not show it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestBody } from '../../../src/core/body';
import { PAGE, reportHost, request, text, URL_T } from './report-host';

const GRACE = 1000;
const host = () => reportHost({ pageReports: { graceMs: GRACE } });

/** `bodyVisible`: the request the browser shows carries the body too (page-reporter.ts, shownToPlaywright). */
const report = (at: number, sent: RequestBody | null, bodyVisible: boolean, page = PAGE) => ({
  bodyVisible,
  tabId: 1,
  frameId: 0,
  documentUrl: page,
  url: URL_T,
  method: 'POST',
  body: sent,
  at,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Capture pipeline with a page that reports every call', () => {
  it('records a call only the page reported once the grace period is over, saying the browser did not show it', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(report(1000, text('Page Left'), true, `${PAGE}?step=2`));
    expect(rows()).toEqual([]);
    expect(pipeline.heldReports()).toBe(1);
    vi.advanceTimersByTime(GRACE);
    expect(rows()).toEqual([
      `Page Left | ${PAGE}?step=2 | unseen | sent by the page; the browser did not show the request`,
    ]);
    expect(pipeline.heldReports()).toBe(0);
  });

  it('makes one row of a report and its request, in either order, with a body on both sides', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(report(1000, text('First'), true));
    const first = request(1001, text('First'));
    void pipeline.requestStarted(first);
    const second = request(2000, text('Second'));
    void pipeline.requestStarted(second);
    void pipeline.pageCall(report(2000, text('Second'), true));
    pipeline.requestCompleted({ ...first, statusCode: 200 });
    vi.advanceTimersByTime(GRACE * 5);
    expect(rows()).toEqual([`First | ${PAGE} | status | 200`, `Second | ${PAGE} | pending | `]);
  });

  it("fills the body the browser hid from the page's report, before or after the request", () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(report(1000, text('Blob Before'), false));
    void pipeline.requestStarted(request(1002, null));
    void pipeline.requestStarted(request(3000, null));
    void pipeline.pageCall(report(3000, text('Blob After'), false));
    vi.advanceTimersByTime(GRACE * 5);
    expect(rows()).toEqual([`Blob Before | ${PAGE} | pending | `, `Blob After | ${PAGE} | pending | `]);
  });

  it('pairs a report the page could not read the body of with its request by send time', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(report(1000, null, true));
    void pipeline.requestStarted(request(1001, text('Read By The Browser')));
    vi.advanceTimersByTime(GRACE * 5);
    expect(rows()).toEqual([`Read By The Browser | ${PAGE} | pending | `]);
  });

  it('does not pair two different bodies sent to one URL: each call is its own row', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(report(1000, text('Beacon In Pagehide'), true));
    void pipeline.requestStarted(request(1000, text('Fetch At The Same Time')));
    vi.advanceTimersByTime(GRACE);
    expect(rows().sort()).toEqual([
      `Beacon In Pagehide | ${PAGE} | unseen | sent by the page; the browser did not show the request`,
      `Fetch At The Same Time | ${PAGE} | pending | `,
    ]);
  });

  it("names the page the report names: the browser's frame may already show the next one", () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall(report(1000, text('Left'), false, `${PAGE}?before`));
    void pipeline.requestStarted({ ...request(1001, null), documentUrl: 'http://127.0.0.1:4000/next' });
    expect(rows()).toEqual([`Left | ${PAGE}?before | pending | `]);
  });

  it('ignores reports of calls that are not tracking calls', () => {
    const { pipeline, rows } = host();
    void pipeline.pageCall({ ...report(1000, text('Upload'), true), url: 'http://127.0.0.1:4000/api/upload' });
    vi.advanceTimersByTime(GRACE);
    expect([rows(), pipeline.heldReports()]).toEqual([[], 0]);
  });
});
