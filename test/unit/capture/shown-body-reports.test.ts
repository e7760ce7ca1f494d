// A host whose page reports calls whose body the request shows too (the Playwright fixture in Chromium reports
// every beacon): three beacons to one URL, a string, a Blob and a form, sent a few ms apart. The fixture stamps a
// request when Playwright hands it over, so under load each request's time is 100 ms or more past its report's,
// nearer the next call's report than its own. Whatever order the six halves come in, each call is one row with
// its own body and outcome: a report of a shown body joins the request that came with that body, and the Blob's
// report pairs among the requests that came without one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestBody } from '../../../src/core/body';
import { PAGE, reportHost, request, text, URL_T } from './report-host';
import { orders } from './orders';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const form = (event: string): RequestBody => ({
  kind: 'form',
  fields: { data: [JSON.stringify({ type: 'track', event, anonymousId: 'a' })] },
});

/** What the page reported (its clock), what the browser showed (the host's clock, later), and its outcome. */
const CALLS = [
  { report: text('Bytes'), visible: true, sentAt: 1000, shown: text('Bytes'), requestAt: 1113, status: 200 },
  { report: text('Blob'), visible: false, sentAt: 1008, shown: null, requestAt: 1121, status: 201 },
  { report: form('Form'), visible: true, sentAt: 1011, shown: form('Form'), requestAt: 1122, status: 202 },
];

function deliver(order: readonly string[]): string[] {
  const { pipeline, rows } = reportHost({ pageReports: { graceMs: 1000 } });
  const requests = CALLS.map((call) => request(call.requestAt, call.shown));
  for (const half of order) {
    const i = Number(half.slice(1));
    const call = CALLS[i] as (typeof CALLS)[number];
    if (half.startsWith('q')) void pipeline.requestStarted(requests[i] as (typeof requests)[number]);
    else {
      const { report: body, visible: bodyVisible, sentAt: at } = call;
      void pipeline.pageCall({
        tabId: 1,
        frameId: 0,
        documentUrl: PAGE,
        url: URL_T,
        method: 'POST',
        body,
        bodyVisible,
        at,
      });
    }
  }
  requests.forEach((shown, i) =>
    pipeline.requestCompleted({ ...shown, statusCode: (CALLS[i] as (typeof CALLS)[number]).status }),
  );
  vi.advanceTimersByTime(60_000);
  return rows().sort();
}

describe('Reports of shown bodies beside a Blob report, one URL, clocks apart', () => {
  it('makes each call one row with its own body and outcome, in all 720 orders of the six halves', () => {
    const wrong = orders(['q0', 'q1', 'q2', 'r0', 'r1', 'r2'])
      .map((order) => ({ order: order.join(' '), rows: deliver(order) }))
      .filter(({ rows }) => rows.join() !== ROWS.join());
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(wrong.length).toBe(0);
  });
});

const ROWS = [`Blob | ${PAGE} | status | 201`, `Bytes | ${PAGE} | status | 200`, `Form | ${PAGE} | status | 202`];
