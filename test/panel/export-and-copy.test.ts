import { describe, expect, it } from 'vitest';
import { asCurl, asJson } from '../../src/panel/copy';
import { exportFileName } from '../../src/panel/export-file';
import { capturedOne } from './fixtures';

describe('export file names', () => {
  it('name the host and the local time', () => {
    expect(exportFileName('https://app.example.com:8443/checkout', new Date(2026, 10, 26, 9, 5, 7))).toBe(
      'track-inspector-app.example.com_8443-20261126-090507.ndjson',
    );
    expect(exportFileName('', new Date(2026, 0, 2, 3, 4, 5))).toBe('track-inspector-capture-20260102-030405.ndjson');
  });
});

describe('copy', () => {
  it('copies the payload as sent, as JSON', () => {
    const { record } = capturedOne({ event: 'Signed Up', userId: 'u' });
    expect(JSON.parse(asJson(record))).toEqual({ event: 'Signed Up', userId: 'u' });
  });

  it('copies a cURL that re-sends the message, a batch entry as a batch of one with what it inherited, quotes escaped', () => {
    const single = capturedOne({ event: "Bob's order", userId: 'u' }).record;
    expect(asCurl(single)).toBe(
      `curl 'https://api.june.so/sdk/track' \\\n  -X POST \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{"event":"Bob'\\''s order","userId":"u"}'`,
    );
    const entry = capturedOne(
      { batch: [{ type: 'track', event: 'A', userId: 'u' }], writeKey: 'wk' },
      { callType: 'batch' },
    ).record;
    expect(asCurl(entry)).toContain(
      `--data-raw '{"batch":[{"type":"track","event":"A","userId":"u"}],"writeKey":"wk"}'`,
    );
  });
});
