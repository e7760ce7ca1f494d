// The page reporter's reports are read as untrusted input (the page's own scripts can call the binding too): a
// call report says whether Playwright will show its body (the capture pairs it by that), or it is dropped.
import { describe, expect, it } from 'vitest';
import { readPageReport } from '../../../src/playwright/page-report';

const call = {
  kind: 'call',
  id: 'doc-1',
  document: 'doc',
  url: 'https://api.segment.io/v1/t',
  method: 'POST',
  body: { kind: 'text', text: '{"type":"track","event":"A"}' },
  visible: false,
  at: 1000,
  page: 'http://127.0.0.1:4000/shop',
};

describe('readPageReport', () => {
  it('reads a call with whether its body is shown to Playwright', () => {
    expect(readPageReport(JSON.stringify(call))).toEqual(call);
    expect(readPageReport(JSON.stringify({ ...call, visible: true }))).toMatchObject({ visible: true });
  });

  it('drops a call that does not say, or says it in another type', () => {
    const { visible: _visible, ...unsaid } = call;
    expect(readPageReport(JSON.stringify(unsaid))).toBeNull();
    expect(readPageReport(JSON.stringify({ ...call, visible: 'yes' }))).toBeNull();
  });
});
