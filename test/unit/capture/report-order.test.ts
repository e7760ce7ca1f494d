// Two calls to one URL whose bodies the browser hides, and the page's reports of them: the four halves reach the
// worker in any order (a stopped worker is woken by them; the relay re-sends a report whose first attempt was
// lost). Whatever the order, each call is one row with its own body and its own outcome, as if all four had come
// at once: a report joins the call nearest in send time, and a join a later arrival shows wrong is corrected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HELD_BODY_MS } from '../../../src/core/capture/body-join';
import { persistentDb } from '../background/fakes';
import { blobRequest, extensionWorker, reportBlob, type Transport } from './extension-worker';
import { orders } from './orders';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Sent `sentAt` by the page; the browser's request is stamped a few ms later and ends with `status`. */
interface Sent {
  readonly event: string;
  readonly sentAt: number;
  readonly requestAt: number;
  readonly status: number;
}

/** Hands every half of `calls` to one worker in `order` (`q` a request, `r` a report, by index), then completes them. */
async function deliver(transport: Transport, calls: readonly Sent[], order: readonly string[]) {
  const { capture, rows } = await extensionWorker(persistentDb());
  const requests = calls.map((call, i) => blobRequest(`${i + 1}`, transport, call.requestAt));
  for (const half of order) {
    const i = Number(half.slice(1));
    const call = calls[i] as Sent;
    if (half.startsWith('q')) await capture.requestStarted(requests[i] as (typeof requests)[number]);
    else void reportBlob(capture, transport, call.event, call.sentAt, `report-${i}`);
  }
  requests.forEach((request, i) => capture.requestCompleted({ ...request, statusCode: (calls[i] as Sent).status }));
  await vi.advanceTimersByTimeAsync(HELD_BODY_MS * 2);
  return rows();
}

const TWO: readonly Sent[] = [
  { event: 'A', sentAt: 1000, requestAt: 1002, status: 200 },
  { event: 'B', sentAt: 1300, requestAt: 1303, status: 503 },
];

describe.each<Transport>(['beacon', 'fetch'])('Two Blob %s calls to one URL, in any order', (transport) => {
  it.each(orders(['q0', 'q1', 'r0', 'r1']).map((order) => [order.join(' ')]))(
    '%s: each call one row, its own body and outcome',
    async (order) => {
      expect(await deliver(transport, TWO, order.split(' '))).toEqual(['A | status 200', 'B | status 503']);
    },
  );

  const reportsInOrder = orders(['q0', 'q1', 'r0', 'r1']).filter((order) => order.indexOf('r0') < order.indexOf('r1'));
  it.each(reportsInOrder.map((order) => [order.join(' ')]))(
    'two sent in the same millisecond, %s: the first report with the first request',
    async (order) => {
      const sameTime: Sent[] = [
        { event: 'A', sentAt: 1000, requestAt: 1003, status: 200 },
        { event: 'B', sentAt: 1000, requestAt: 1003, status: 503 },
      ];
      const rows = await deliver(transport, sameTime, order.split(' '));
      expect(rows.sort()).toEqual(['A | status 200', 'B | status 503']);
    },
  );

  it('three calls 1.9 s apart, each report coming before its own call: no call loses its body, no report its call', async () => {
    const three: Sent[] = [
      { event: 'A', sentAt: 1000, requestAt: 1001, status: 200 },
      { event: 'B', sentAt: 2900, requestAt: 2901, status: 201 },
      { event: 'C', sentAt: 4800, requestAt: 4801, status: 202 },
    ];
    const order = ['q1', 'r0', 'q2', 'r1', 'q0', 'r2'];
    expect(await deliver(transport, three, order)).toEqual(['A | status 200', 'B | status 201', 'C | status 202']);
  });
});

describe('Two Blob beacons to one URL, their requests late', () => {
  it('joins each request to its own report, one recorded alone already and one still waiting', async () => {
    const { capture, rows } = await extensionWorker(persistentDb());
    void reportBlob(capture, 'beacon', 'A', 1000, 'report-a');
    await vi.advanceTimersByTimeAsync(2000); // A is recorded from its report: its request has not come
    void reportBlob(capture, 'beacon', 'B', 1300, 'report-b');
    const [a, b] = [blobRequest('1', 'beacon', 1002), blobRequest('2', 'beacon', 1303)];
    await capture.requestStarted(b);
    await capture.requestStarted(a);
    capture.requestCompleted({ ...a, statusCode: 200 });
    capture.requestCompleted({ ...b, statusCode: 503 });
    await vi.advanceTimersByTimeAsync(HELD_BODY_MS * 2);
    expect(rows()).toEqual(['A | status 200', 'B | status 503']);
  });
});
