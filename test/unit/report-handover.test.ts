// What the page relay and the background trust of each other's words: an acknowledgement names the report's
// sender, and a report handed over through storage is taken only whole (a key another tool wrote is not a report).
import { describe, expect, it } from 'vitest';
import { isPendingReport, isReportAck, PROTOCOL_VERSION, type PageBodyMessage } from '../../src/shared/protocol';

const report: PageBodyMessage = {
  kind: 'page-body',
  version: PROTOCOL_VERSION,
  id: 'r1',
  url: 'https://api.segment.io/v1/t',
  method: 'POST',
  body: '{"type":"track","event":"Gone"}',
  beacon: true,
  blob: true,
  sentAt: 1000,
};

describe('report acknowledgements and hand-overs', () => {
  it('reads an acknowledgement with its sender, with or without a document id, and nothing else', () => {
    expect(isReportAck({ kind: 'report-ack', tabId: 3, frameId: 0, documentId: 'D' })).toBe(true);
    expect(isReportAck({ kind: 'report-ack', tabId: 3, frameId: 0 })).toBe(true);
    expect(isReportAck(true)).toBe(false); // the old acknowledgement: the relay re-sends until it learns the sender
    expect(isReportAck({ kind: 'report-ack', tabId: '3', frameId: 0 })).toBe(false);
  });

  it('takes a handed-over report only with a valid report and a sender', () => {
    expect(isPendingReport({ report, sender: { tabId: 3, frameId: 0, documentId: 'D' } })).toBe(true);
    expect(isPendingReport({ report, sender: { frameId: 0 } })).toBe(false);
    expect(isPendingReport({ report: { ...report, version: -1 }, sender: { tabId: 3, frameId: 0 } })).toBe(false);
    expect(isPendingReport({ report })).toBe(false);
    expect(isPendingReport('{"report":{}}')).toBe(false);
  });
});
