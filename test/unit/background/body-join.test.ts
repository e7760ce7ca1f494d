import { describe, expect, it } from 'vitest';
import { BodyJoiner, type CallSeen } from '../../../src/background/body-join';

function fakeTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    setTimeout: (run: () => void, ms: number) => {
      timers.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout: (handle: unknown) => void timers.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) if (timer.at <= now) {
        timers.delete(id);
        timer.run();
      }
    },
  };
}

const call = (requestId: string, at: number, url = 'https://api.segment.io/v1/t', tabId = 1): CallSeen => ({ requestId, tabId, url, method: 'POST', at });
const body = (text: string, at: number, url = 'https://api.segment.io/v1/t', tabId = 1) => ({ tabId, url, method: 'POST', body: text, at });

function setup() {
  const timers = fakeTimers();
  const resolved: [string, string | null][] = [];
  const joiner = new BodyJoiner(2000, (c, b) => resolved.push([c.requestId, b]), timers);
  return { timers, resolved, joiner };
}

describe('BodyJoiner', () => {
  it('gives a bodyless call the page body that arrives after it', () => {
    const { joiner, resolved } = setup();
    joiner.callWithoutBody(call('r1', 100));
    joiner.pageBody(body('{"event":"A"}', 101));
    expect(resolved).toEqual([['r1', '{"event":"A"}']]);
  });

  it('and the page body that arrived first', () => {
    const { joiner, resolved } = setup();
    joiner.pageBody(body('{"event":"A"}', 99));
    joiner.callWithoutBody(call('r1', 100));
    expect(resolved).toEqual([['r1', '{"event":"A"}']]);
  });

  it('pairs one-to-one by nearest time, not first come', () => {
    const { joiner, resolved } = setup();
    joiner.callWithoutBody(call('early', 100));
    joiner.callWithoutBody(call('late', 900));
    joiner.pageBody(body('late body', 890));
    joiner.pageBody(body('early body', 120));
    expect(resolved).toEqual([
      ['late', 'late body'],
      ['early', 'early body'],
    ]);
  });

  it('never pairs across tabs or URLs', () => {
    const { joiner, resolved, timers } = setup();
    joiner.callWithoutBody(call('r1', 100));
    joiner.pageBody(body('other tab', 100, 'https://api.segment.io/v1/t', 2));
    joiner.pageBody(body('other url', 100, 'https://api.segment.io/v1/p'));
    timers.advance(2001);
    expect(resolved).toEqual([['r1', null]]);
  });

  it('resolves a call with no body at all once the window passes, and says it still waits until then', () => {
    const { joiner, resolved, timers } = setup();
    joiner.callWithoutBody(call('r1', 0));
    expect(joiner.waiting(1)).toBe(true);
    timers.advance(1999);
    expect(resolved).toEqual([]);
    timers.advance(1);
    expect(resolved).toEqual([['r1', null]]);
    expect(joiner.waiting(1)).toBe(false);
  });

  it('lets a call webRequest saw with a body consume only an identical page copy', () => {
    const { joiner, resolved } = setup();
    joiner.pageBody(body('blob body', 100));
    joiner.callWithBody(call('string call', 100), () => 'string body'); // a different send to the same URL
    joiner.callWithoutBody(call('blob call', 101));
    expect(resolved).toEqual([['blob call', 'blob body']]);
    joiner.pageBody(body('same', 200));
    joiner.callWithBody(call('with body', 200), () => 'same');
    joiner.callWithoutBody(call('later blob', 201));
    expect(resolved.at(-1)).toEqual(['blob call', 'blob body']); // "same" was consumed, not reused
  });

  it('ignores page bodies for calls webRequest never saw: the page cannot invent rows', () => {
    const { joiner, resolved, timers } = setup();
    joiner.pageBody(body('{"event":"Forged"}', 100));
    timers.advance(5000);
    expect(resolved).toEqual([]);
  });
});
