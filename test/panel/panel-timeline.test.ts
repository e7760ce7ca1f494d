import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelTimeline, PUBLISH_INTERVAL_MS } from '../../src/panel/store/panel-timeline';
import { capturedOne } from './fixtures';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the panel timeline publishes', () => {
  it('a change after a quiet spell in the next task, and the changes of a stream at most every interval', () => {
    const timeline = createPanelTimeline();
    const entry = (event: string) => capturedOne({ event, userId: 'u' });
    timeline.insert([entry('Lone')]);
    expect(timeline.version.value).toBe(0);
    vi.advanceTimersByTime(0);
    expect(timeline.version.value).toBe(1); // a lone call is shown at once
    // A stream: a change every 20 ms. It is shown in publishes spaced by the interval, each with what came meanwhile.
    const publishedAt: number[] = [];
    const stop = timeline.version.subscribe(() => void publishedAt.push(Date.now()));
    publishedAt.length = 0;
    for (let i = 0; i < 50; i++) {
      timeline.insert([entry(`Stream ${i}`)]);
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(PUBLISH_INTERVAL_MS);
    stop();
    expect(timeline.entries()).toHaveLength(51);
    const gaps = publishedAt.slice(1).map((at, i) => at - (publishedAt[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PUBLISH_INTERVAL_MS);
    expect(publishedAt.length).toBeLessThanOrEqual(Math.ceil((50 * 20) / PUBLISH_INTERVAL_MS) + 1);
    expect(timeline.version.value).toBe(1 + publishedAt.length);
  });
});
