// When the timeline store writes: the schedule alone, over a fake write and faked timers and clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteSchedule } from '../../../src/background/store/write-schedule';

describe('the write schedule', () => {
  let pending = 0;
  let inFlight = false;
  let writes: number[] = [];
  let schedule: WriteSchedule;
  /** A change, as the store makes one: something to write, and the schedule told. */
  const change = () => {
    pending++;
    schedule.changed();
  };
  const endOfTask = () => Promise.resolve();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    [pending, inFlight, writes] = [0, false, []];
    schedule = new WriteSchedule(
      () => {
        if (!pending) return false;
        writes.push(pending);
        pending = 0;
        return true;
      },
      () => inFlight,
      () => pending > 0,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('writes a change after a quiet spell before its task ends, with all the task changed', async () => {
    change();
    change();
    expect(writes).toEqual([]);
    await endOfTask();
    expect(writes).toEqual([2]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('spaces the writes of a burst 50 ms apart, each holding what changed meanwhile', async () => {
    change();
    await endOfTask();
    for (let ms = 0; ms < 120; ms += 10) {
      vi.advanceTimersByTime(10);
      change();
      await endOfTask();
    }
    // Written at 0 (1 change), at 50 (the changes at 10-40) and at 100 (50-90); those at 100-120 wait.
    expect(writes).toEqual([1, 4, 5]);
    vi.advanceTimersByTime(29);
    expect(writes).toEqual([1, 4, 5]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([1, 4, 5, 3]);
    vi.advanceTimersByTime(200);
    change(); // quiet again: at once
    await endOfTask();
    expect(writes).toEqual([1, 4, 5, 3, 1]);
  });

  it('holds changes while a write is unanswered, and writes them when it is answered', async () => {
    change();
    await endOfTask();
    inFlight = true;
    vi.advanceTimersByTime(60);
    change();
    await endOfTask();
    vi.advanceTimersByTime(100);
    expect(writes).toEqual([1]);
    inFlight = false;
    schedule.answered();
    expect(writes).toEqual([1, 1]);
  });

  it('writes at once when asked, leaving no timer behind', async () => {
    change();
    await endOfTask();
    change();
    schedule.outcome();
    schedule.now();
    await endOfTask();
    expect(writes).toEqual([1, 1]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets an outcome alone wait 100 ms, or go with the next write', async () => {
    pending++;
    schedule.outcome();
    vi.advanceTimersByTime(99);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([1]);
    vi.advanceTimersByTime(200);
    pending++;
    schedule.outcome();
    change();
    await endOfTask();
    expect(writes).toEqual([1, 2]);
  });
});
