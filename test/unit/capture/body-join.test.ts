import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BodyJoiner, HELD_BODY_MS, JOIN_WINDOW_MS, MAX_HELD_BODIES } from '../../../src/core/capture/body-join';
import type { CallSeen } from '../../../src/core/capture/capture-timeline';

const call = (requestId: string, at: number, url = 'https://api.segment.io/v1/t', tabId = 1): CallSeen => ({
  requestId,
  tabId,
  url,
  method: 'POST',
  at,
});
const body = (text: string, at: number, url = 'https://api.segment.io/v1/t', tabId = 1) => ({
  tabId,
  url,
  method: 'POST',
  body: text,
  at,
});

/** The report a call without a body takes (as the pipeline asks, with the calls awaiting theirs). */
const reportOf = (joiner: BodyJoiner, bodyless: CallSeen, awaiting: CallSeen[] = []) =>
  joiner.callWithoutBody(bodyless, awaiting).report;
/** The recorded call a page body completes, by request id, or null when it is held. */
function completes(joiner: BodyJoiner, sent: ReturnType<typeof body>, awaiting: CallSeen[]): string | null {
  const { rejoined } = joiner.pageBody(sent, awaiting);
  return rejoined.find((change) => change.report === sent)?.call.requestId ?? null;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('BodyJoiner: a page body reported before its call (the usual order)', () => {
  it('is taken by the bodyless call nearest in send time', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('{"event":"A"}', 99), []);
    expect(reportOf(joiner, call('r1', 100))?.body).toBe('{"event":"A"}');
    expect(joiner.heldCount()).toBe(0);
  });

  it('waits for a call that arrives long after it, as the calls that wake a stopped worker do', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('{"event":"A"}', 100), []);
    vi.advanceTimersByTime(HELD_BODY_MS - 1); // arrival time: the call was sent at once, handled late
    expect(reportOf(joiner, call('r1', 101))?.body).toBe('{"event":"A"}');
  });

  it('pairs one-to-one by nearest send time, not first come', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('late body', 890), []);
    joiner.pageBody(body('early body', 120), []);
    expect(reportOf(joiner, call('early', 100))?.body).toBe('early body');
    expect(reportOf(joiner, call('late', 900))?.body).toBe('late body');
    expect(reportOf(joiner, call('third', 905))).toBeNull();
  });

  it('never pairs across tabs, URLs or send times further apart than the window', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('other tab', 100, 'https://api.segment.io/v1/t', 2), []);
    joiner.pageBody(body('other url', 100, 'https://api.segment.io/v1/p'), []);
    joiner.pageBody(body('too early', 100 - JOIN_WINDOW_MS - 1), []);
    expect(reportOf(joiner, call('r1', 100))).toBeNull();
  });

  it('acknowledges a held body once its call took it, or after the join window at the latest', async () => {
    const joiner = new BodyJoiner();
    const taken = vi.fn();
    const unclaimed = vi.fn();
    void joiner.pageBody(body('taken', 100), []).settled.then(taken);
    void joiner.pageBody(body('unclaimed', 100, 'https://api.segment.io/v1/p'), []).settled.then(unclaimed);
    reportOf(joiner, call('r1', 100));
    await vi.advanceTimersByTimeAsync(0);
    expect([taken.mock.calls.length, unclaimed.mock.calls.length]).toEqual([1, 0]);
    await vi.advanceTimersByTimeAsync(JOIN_WINDOW_MS);
    expect(unclaimed).toHaveBeenCalledTimes(1);
  });

  it('forgets a body nobody claims: the page cannot invent rows', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('{"event":"Forged"}', 100), []);
    vi.advanceTimersByTime(HELD_BODY_MS);
    expect(joiner.heldCount()).toBe(0);
    expect(reportOf(joiner, call('r1', 100))).toBeNull();
  });
});

describe('BodyJoiner: a page body reported after its call', () => {
  it('completes the nearest awaiting call of the same tab, URL and method', () => {
    const joiner = new BodyJoiner();
    const awaiting = [call('early', 100), call('late', 900), call('other tab', 890, 'https://api.segment.io/v1/t', 2)];
    expect(completes(joiner, body('late body', 890), awaiting)).toBe('late');
    expect(completes(joiner, body('early body', 120), awaiting.slice(0, 1))).toBe('early');
    expect(joiner.heldCount()).toBe(0);
  });

  it('is held when no awaiting call is within the window', () => {
    const joiner = new BodyJoiner();
    expect(completes(joiner, body('body', 100 + JOIN_WINDOW_MS + 1), [call('r1', 100)])).toBeNull();
    expect(joiner.heldCount()).toBe(1);
  });
});

describe('BodyJoiner: the halves of two calls to one URL, out of order', () => {
  it("undoes a join the call's own report shows wrong: that call awaits its body again", () => {
    const joiner = new BodyJoiner();
    const second = call('second', 1303);
    expect(completes(joiner, body('first body', 1000), [second])).toBe('second'); // its own call is on its way
    const first = call('first', 1002);
    const { report, rejoined } = joiner.callWithoutBody(first, []);
    expect(report?.body).toBe('first body');
    expect(rejoined).toEqual([{ call: second, report: null }]);
    expect(completes(joiner, body('second body', 1300), [second])).toBe('second');
  });

  it('hands a report taken by the wrong call to its own call when that comes', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('first body', 1000), []);
    expect(reportOf(joiner, call('second', 1303))?.body).toBe('first body'); // its own report is on its way
    const { rejoined } = joiner.pageBody(body('second body', 1300), []);
    expect(rejoined.map((change) => [change.call.requestId, change.report?.body])).toEqual([['second', 'second body']]);
    expect(reportOf(joiner, call('first', 1002))?.body).toBe('first body');
  });
});

describe('BodyJoiner: calls webRequest saw with a body', () => {
  it('consume only an identical page copy, which then pairs with nothing else', () => {
    const joiner = new BodyJoiner();
    joiner.pageBody(body('blob body', 100), []);
    joiner.callWithBody(call('string call', 100), () => 'string body'); // a different send to the same URL
    expect(reportOf(joiner, call('blob call', 101))?.body).toBe('blob body');
    joiner.pageBody(body('same', 200), []);
    joiner.callWithBody(call('with body', 200), () => 'same');
    expect(reportOf(joiner, call('later blob', 201))).toBeNull();
  });

  it('consume an identical copy reported after them', () => {
    const joiner = new BodyJoiner();
    // Something is held, so calls with bodies are remembered.
    joiner.pageBody(body('held', 50, 'https://api.segment.io/v1/p'), []);
    joiner.callWithBody(call('with body', 200), () => 'same');
    joiner.pageBody(body('same', 200), []);
    expect(reportOf(joiner, call('blob call', 201))).toBeNull();
  });
});

describe('BodyJoiner: bounds', () => {
  it(`holds at most ${MAX_HELD_BODIES} page bodies, dropping the oldest`, () => {
    const joiner = new BodyJoiner();
    for (let i = 0; i <= MAX_HELD_BODIES; i++)
      joiner.pageBody(body(`body ${i}`, i * 10_000, `https://api.segment.io/v1/t?${i}`), []);
    expect(joiner.heldCount()).toBe(MAX_HELD_BODIES);
    expect(reportOf(joiner, call('oldest', 0, 'https://api.segment.io/v1/t?0'))).toBeNull();
    expect(
      reportOf(joiner, call('newest', MAX_HELD_BODIES * 10_000, `https://api.segment.io/v1/t?${MAX_HELD_BODIES}`))
        ?.body,
    ).toBe(`body ${MAX_HELD_BODIES}`);
  });
});
