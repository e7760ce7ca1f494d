/** One HAR entry as the core reads it: the body, the outcome, the time and the page, as live capture would have them. */
import { describe, expect, it } from 'vitest';
import { readHarEntry, type HarPage } from '../../src/core/har/har-entry';
import { createHarReader } from '../../src/core/har/har-reader';

const pages = new Map<string, HarPage>([['page_1', { url: 'https://app.example.com/pricing' }]]);
const entry = (request: object, response: object = { status: 200 }, extra: object = {}) => ({
  startedDateTime: '2024-05-01T10:00:00.123Z',
  request: { method: 'POST', url: 'https://api.june.so/sdk/track', headers: [], ...request },
  response,
  ...extra,
});

describe('a HAR entry', () => {
  it('is a call with its body, its status, its start time and its page', () => {
    const read = readHarEntry(
      entry(
        { postData: { mimeType: 'application/json', text: '{"event":"A"}' } },
        { status: 200 },
        { pageref: 'page_1' },
      ),
      pages,
      [],
    );
    expect(read).toEqual({
      kind: 'call',
      call: { sender: 'june', callType: 'track' },
      body: { kind: 'text', text: '{"event":"A"}' },
      origin: {
        capturedAt: Date.parse('2024-05-01T10:00:00.123Z'),
        tabId: -1,
        pageUrl: 'https://app.example.com/pricing',
        request: { url: 'https://api.june.so/sdk/track', method: 'POST', outcome: 'status', status: 200, error: null },
      },
    });
  });

  it('failed when there was no response, in the words the HAR writer used', () => {
    const outcome = (response: object) => {
      const read = readHarEntry(entry({ postData: { text: '{}' } }, response), pages, []);
      return read.kind === 'call' ? read.origin.request : null;
    };
    expect(outcome({ status: 0, _error: 'net::ERR_CONNECTION_REFUSED' })).toMatchObject({
      outcome: 'failed',
      status: null,
      error: 'net::ERR_CONNECTION_REFUSED',
    });
    expect(outcome({ status: 0, _failureText: 'net::ERR_ABORTED' })).toMatchObject({
      outcome: 'failed',
      error: 'net::ERR_ABORTED',
    });
    expect(outcome({})).toMatchObject({ outcome: 'failed', error: 'no response (status 0 in the HAR)' });
  });

  it('reads form params and base64 bodies, and says when there is no body', () => {
    const body = (postData: unknown) => {
      const read = readHarEntry(entry({ postData }), pages, []);
      return read.kind === 'call' ? read.body : null;
    };
    expect(body({ mimeType: 'multipart/form-data', params: [{ name: 'data', value: '{"event":"F"}' }] })).toEqual({
      kind: 'form',
      fields: { data: ['{"event":"F"}'] },
    });
    expect(body({ text: Buffer.from('{"event":"B"}').toString('base64'), encoding: 'base64' })).toEqual({
      kind: 'bytes',
      parts: [new Uint8Array(Buffer.from('{"event":"B"}'))],
    });
    expect(body({ text: '%%%', encoding: 'base64' })).toEqual({
      kind: 'missing',
      reason: 'the HAR says this body is base64, and it is not',
    });
    const none = body(undefined);
    expect(none?.kind === 'missing' && none.reason).toMatch(/^the HAR has no body for this request/);
    expect(body({ mimeType: 'application/octet-stream', text: '' })).toMatchObject({ kind: 'missing' });
  });

  it('without a page, names the Referer the request carried; skips what is not a tracking call', () => {
    const read = readHarEntry(
      entry({ postData: { text: '{}' }, headers: [{ name: 'Referer', value: 'http://127.0.0.1:8080/' }] }),
      new Map(),
      [],
    );
    expect(read.kind === 'call' && read.origin.pageUrl).toBe('http://127.0.0.1:8080/');
    expect(readHarEntry(entry({ method: 'GET' }), pages, []).kind).toBe('skip');
    expect(readHarEntry(entry({ url: 'https://api.segment.io/v1/m' }), pages, []).kind).toBe('skip'); // metrics
    expect(readHarEntry({ request: 'nonsense' }, pages, []).kind).toBe('skip');
  });
});

describe('the HAR reader', () => {
  const har = JSON.stringify({
    log: { version: '1.2', pages: [{ id: 'p', title: 'https://x.test/' }], entries: [{ n: 1 }, { n: 2 }, { n: 3 }] },
  });

  it('hands over each entry with the pages before it, however the file is cut into chunks', () => {
    for (const size of [1, 7, 64, har.length]) {
      const seen: unknown[] = [];
      const reader = createHarReader((value, index, known) => seen.push([index, value, [...known.keys()]]));
      for (let i = 0; i < har.length; i += size) reader.write(new TextEncoder().encode(har.slice(i, i + size)));
      expect(reader.end()).toBeNull();
      expect(seen).toEqual([
        [1, { n: 1 }, ['p']],
        [2, { n: 2 }, ['p']],
        [3, { n: 3 }, ['p']],
      ]);
    }
  });

  it('says why a file is not a readable HAR, after handing over the entries before the break', () => {
    const seen: unknown[] = [];
    const broken = createHarReader((value) => seen.push(value));
    broken.write(har.slice(0, har.indexOf('{"n":3')) + '{"n": oops');
    expect(broken.end()).toBe('not a readable HAR file: it is not valid JSON after entry 2');
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    const cut = createHarReader(() => undefined);
    cut.write(har.slice(0, har.indexOf('{"n":3') + 4));
    expect(cut.end()).toBe('not a complete HAR file: it ends after entry 2 (was it saved completely?)');
    const other = createHarReader(() => undefined);
    other.write('[1, 2, 3]');
    expect(other.end()).toBe('not a HAR file: it has no log.entries');
  });
});
