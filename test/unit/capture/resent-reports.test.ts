// The page relay sends a report again when its acknowledgement never came: the worker it reached was stopped
// after using it, and the next worker gets it a second time. Whatever the first worker did with it (filled its
// call, recorded it alone), the second copy adds nothing: above all, it never fills the next call to that URL
// whose body the browser hid, sent a moment later. A report the first worker never used still fills its call.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HELD_BODY_MS } from '../../../src/core/capture/body-join';
import { persistentDb } from '../background/fakes';
import { blobRequest, extensionWorker, reportBlob, type Transport } from './extension-worker';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Lets every report wait out its time: what the user sees once nothing more can come. */
const settle = () => vi.advanceTimersByTimeAsync(HELD_BODY_MS * 2);

describe.each<Transport>(['beacon', 'fetch'])('A Blob %s report re-sent to a restarted worker', (transport) => {
  it.each(['before', 'after'])(
    'fills nothing when the next call to the URL comes %s it: each call one row, its own body',
    async (when) => {
      const db = persistentDb();
      const first = await extensionWorker(db);
      await first.capture.requestStarted(blobRequest('1', transport, 1000));
      void reportBlob(first.capture, transport, 'First', 1000, 'report-1'); // filled; the worker stops unacknowledged
      const second = await extensionWorker(db);
      const next = blobRequest('2', transport, 1500);
      if (when === 'after') await second.capture.requestStarted(next);
      void reportBlob(second.capture, transport, 'First', 1000, 'report-1'); // the relay's second attempt
      if (when === 'before') await second.capture.requestStarted(next);
      void reportBlob(second.capture, transport, 'Second', 1500, 'report-2');
      second.capture.requestCompleted({ ...next, statusCode: 200 });
      await settle();
      expect(second.rows()).toEqual(['First | pending', 'Second | status 200']);
    },
  );

  it('still fills its call when the stopped worker had not used it', async () => {
    const db = persistentDb();
    const first = await extensionWorker(db);
    await first.capture.requestStarted(blobRequest('1', transport, 1000)); // stopped before the report came
    const second = await extensionWorker(db);
    void reportBlob(second.capture, transport, 'First', 1000, 'report-1');
    await settle();
    expect(second.rows()).toEqual(['First | pending']);
  });
});

describe('A beacon report recorded alone (the browser never showed the request), re-sent', () => {
  it('adds no second row and fills no later Blob call to the URL', async () => {
    const db = persistentDb();
    const first = await extensionWorker(db);
    void reportBlob(first.capture, 'beacon', 'Hidden', 1000, 'report-1');
    await vi.advanceTimersByTimeAsync(2000); // no request within the grace period: recorded from the report
    const second = await extensionWorker(db);
    const fetch = blobRequest('2', 'fetch', 1200);
    await second.capture.requestStarted(fetch);
    void reportBlob(second.capture, 'beacon', 'Hidden', 1000, 'report-1');
    void reportBlob(second.capture, 'fetch', 'Fetched', 1200, 'report-2');
    await settle();
    expect(second.rows()).toEqual(['Hidden | unseen', 'Fetched | pending']);
  });
});
