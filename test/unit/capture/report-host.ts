/**
 * A pipeline host whose page reports calls (page-reports.test.ts: every call, as the Playwright fixture's;
 * page-beacons.test.ts: every beacon, as the extension's Chrome build), over a MemoryTimeline, with its rows
 * as one line each: name | page | outcome | error or status.
 */
import type { RequestBody } from '../../../src/core/body';
import { MemoryTimeline } from '../../../src/core/capture/memory-timeline';
import type { CaptureHost } from '../../../src/core/capture/capture-host';
import { CapturePipeline } from '../../../src/core/capture/pipeline';
import { SenderPages } from '../../../src/core/capture/sender-pages';

export const PAGE = 'http://127.0.0.1:4000/shop';
export const URL_T = 'https://api.segment.io/v1/t';

export function reportHost(reports: Pick<CaptureHost, 'pageReports' | 'pageBeacons'>, timeline = new MemoryTimeline()) {
  const pipeline = new CapturePipeline({
    timeline,
    senders: new SenderPages(null),
    hosts: () => [],
    mode: () => ({ strict: false, checker: null }),
    missingBodyReason: 'no body was seen',
    ...reports,
  });
  const rows = () =>
    timeline
      .entries(1)
      .flatMap((entry) =>
        entry.kind === 'message'
          ? [
              [
                (entry.record.payload as { event?: string } | null)?.event ?? entry.record.undecodable?.reason,
                entry.record.pageUrl,
                entry.record.request.outcome,
                entry.record.request.error ?? entry.record.request.status,
              ].join(' | '),
            ]
          : [],
      );
  return { pipeline, rows, timeline };
}

export const text = (event: string): RequestBody => ({
  kind: 'text',
  text: JSON.stringify({ type: 'track', event, anonymousId: 'a' }),
});

let ids = 0;
/** The browser's request of a call to URL_T from PAGE (`type` as webRequest names it, where it matters). */
export const request = (at: number, sent: RequestBody | null, type?: string) => ({
  requestId: `r${++ids}`,
  tabId: 1,
  frameId: 0,
  url: URL_T,
  method: 'POST',
  timeStamp: at,
  documentUrl: PAGE,
  body: sent,
  ...(type !== undefined && { type }),
});
