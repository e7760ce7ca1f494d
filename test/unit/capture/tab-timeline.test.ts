import { describe, expect, it } from 'vitest';
import { TabTimeline } from '../../../src/core/capture/tab-timeline';
import type { MessageEntry, TimelineEntry } from '../../../src/core/capture/timeline-entry';
import { messageEntry } from '../background/fakes';

const message = (seq: number, requestId: string, at = seq): TimelineEntry =>
  messageEntry({ seq, requestId, at, valid: seq % 2 === 0 });
const fresh = (capacity: number) => new TabTimeline({ tabId: 1, nextSeq: 1, dropped: 0 }, capacity);

describe('TabTimeline', () => {
  it('drops the oldest beyond capacity and counts them', () => {
    const timeline = fresh(3);
    for (let i = 1; i <= 5; i++) timeline.append(message(timeline.nextSeq(), `r${i}`));
    expect(timeline.all().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(timeline.state.dropped).toBe(2);
  });

  it('counts only messages against the capacity; markers before the oldest kept message go too', () => {
    const timeline = fresh(2);
    timeline.append({ kind: 'navigation', seq: timeline.nextSeq(), url: 'https://a.example/', at: 0 });
    for (let i = 1; i <= 2; i++) timeline.append(message(timeline.nextSeq(), `r${i}`, i));
    expect(timeline.all().map((e) => e.kind)).toEqual(['navigation', 'message', 'message']);
    timeline.append(message(timeline.nextSeq(), 'r3', 3));
    expect(timeline.all().map((e) => e.seq)).toEqual([3, 4]);
    expect(timeline.state.dropped).toBe(1);
  });

  it('orders by send time when calls are handled out of order', () => {
    const timeline = fresh(10);
    timeline.append(message(1, 'a', 100));
    timeline.append(message(2, 'd', 400));
    timeline.append(message(3, 'b', 200));
    expect(timeline.all().map((e) => e.seq)).toEqual([1, 3, 2]);
  });

  it('updates every message of a batch when its request completes, even after part of it was dropped', () => {
    const timeline = fresh(2);
    timeline.append(message(1, 'batch'));
    timeline.append(message(2, 'batch'));
    timeline.append(message(3, 'batch')); // drops seq 1
    const request = {
      url: 'https://api.segment.io/v1/b',
      method: 'POST',
      outcome: 'status',
      status: 200,
      error: null,
    } as const;
    expect(timeline.updateRequest('batch', request).map((e) => e.seq)).toEqual([2, 3]);
    expect(timeline.requestOf('batch')).toEqual(request);
  });

  it('knows the page reports its rows came from, as long as the rows are there, restored ones too', () => {
    const reported = (seq: number, requestId: string, reportId: string): TimelineEntry => ({
      ...(message(seq, requestId) as MessageEntry),
      reportId,
    });
    const timeline = fresh(2);
    timeline.append(reported(1, 'batch', 'report-1'));
    timeline.append(reported(2, 'batch', 'report-1'));
    timeline.append(reported(3, 'filled', 'report-2'));
    expect([timeline.hasReport('report-1'), timeline.hasReport('report-2')]).toEqual([true, true]); // half a batch
    timeline.append(message(4, 'plain'));
    expect(timeline.hasReport('report-1')).toBe(false); // the whole batch is gone
    timeline.removeRequest('filled');
    expect(timeline.hasReport('report-2')).toBe(false);
    const restored = TabTimeline.restore({ tabId: 1, nextSeq: 6, dropped: 0 }, [reported(5, 'stored', 'report-3')], 2);
    expect(restored.hasReport('report-3')).toBe(true);
  });

  it('counts invalid messages for the badge as messages come, are trimmed, removed and replaced', () => {
    const timeline = fresh(4);
    for (let i = 1; i <= 4; i++) timeline.append(message(i, `r${i}`)); // odd seqs are invalid
    expect(timeline.invalidCount()).toBe(2);
    timeline.append(message(5, 'r5')); // 1 trimmed, 5 added: both invalid
    expect(timeline.invalidCount()).toBe(2);
    timeline.removeRequest('r3');
    expect(timeline.invalidCount()).toBe(1);
    timeline.replaceAll([message(7, 'r7'), message(9, 'r9'), message(10, 'r10')]);
    expect(timeline.invalidCount()).toBe(2);
  });
});
