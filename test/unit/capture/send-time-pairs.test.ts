import { describe, expect, it } from 'vitest';
import { pairsBySendTime } from '../../../src/core/capture/send-time-pairs';

const WINDOW = 2000;
/** `r1000 -> q1002` for each pair, in the calls' order. */
function pairs(reports: number[], calls: number[]): string[] {
  const reportItems = reports.map((at) => ({ at, name: `r${at}` }));
  const callItems = calls.map((at) => ({ at, name: `q${at}` }));
  const found = pairsBySendTime(reportItems, callItems, WINDOW);
  return [...callItems]
    .sort((a, b) => a.at - b.at)
    .flatMap((call) => {
      const report = found.get(call);
      return report ? [`${report.name} -> ${call.name}`] : [];
    });
}

describe('pairsBySendTime', () => {
  it('pairs each report with the call sent just after it, whatever order either side is given in', () => {
    const expected = ['r1000 -> q1002', 'r1300 -> q1303'];
    expect(pairs([1000, 1300], [1002, 1303])).toEqual(expected);
    expect(pairs([1300, 1000], [1303, 1002])).toEqual(expected);
    expect(pairs([1300, 1000], [1002, 1303])).toEqual(expected);
  });

  it('pairs as many as it can before it pairs the nearest: no crossing, no report of a neighbour', () => {
    // Alone, r1000 is nearest to q2900; with its own call present it takes that one, and every report has a call.
    expect(pairs([1000], [2900])).toEqual(['r1000 -> q2900']);
    expect(pairs([1000, 2900, 4800], [1001, 2901, 4801])).toEqual([
      'r1000 -> q1001',
      'r2900 -> q2901',
      'r4800 -> q4801',
    ]);
  });

  it('leaves a call no report is near enough to alone, and a report no call is (the page or the browser hid one)', () => {
    expect(pairs([1000, 1300], [1302])).toEqual(['r1300 -> q1302']);
    expect(pairs([1000], [1001, 1500])).toEqual(['r1000 -> q1001']);
    expect(pairs([1000], [1000 + WINDOW + 1])).toEqual([]);
  });

  it('keeps the given order for reports sent in the same millisecond: the k-th with the k-th call', () => {
    const first = { at: 1000, name: 'first' };
    const second = { at: 1000, name: 'second' };
    const calls = [{ at: 1003.4 }, { at: 1003.9 }];
    const found = pairsBySendTime([first, second], calls, WINDOW);
    expect([found.get(calls[0] as { at: number })?.name, found.get(calls[1] as { at: number })?.name]).toEqual([
      'first',
      'second',
    ]);
  });
});
