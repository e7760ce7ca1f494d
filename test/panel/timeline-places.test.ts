import { describe, expect, it } from 'vitest';
import { placesFor } from '../../src/panel/views/timeline-places';

describe('the timeline places', () => {
  it('keep a row in its place while the window slides, the rows that came into view taking the places of those that left', () => {
    const before = placesFor(100, 110, 10);
    const after = placesFor(103, 113, 10);
    const kept = [103, 104, 105, 106, 107, 108, 109];
    for (const index of kept) expect(after.indexOf(index)).toBe(before.indexOf(index));
    for (const [left, came] of [
      [100, 110],
      [101, 111],
      [102, 112],
    ])
      expect(after.indexOf(came as number)).toBe(before.indexOf(left as number));
  });

  it('leave places empty while the timeline is shorter than the window, and fill each place at most once', () => {
    expect(placesFor(0, 3, 5)).toEqual([0, 1, 2, null, null]);
    expect(placesFor(0, 8, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});
