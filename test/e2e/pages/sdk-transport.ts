/**
 * How the Segment-style SDK pages send, from `?transport=` in their URL: `fetch` (one request per
 * call, the default), `keepalive` (the same with fetch's keepalive, as for calls that must outlive
 * the page) or `batching` (the SDK's batching strategy: `/b` batches of 3, the rest after 300 ms or
 * on pagehide). The June SDK is a fork of analytics-next: both read the same `deliveryStrategy`.
 */
export function deliveryStrategy(): object | undefined {
  switch (new URLSearchParams(location.search).get('transport')) {
    case 'keepalive':
      return { strategy: 'standard', config: { keepalive: true } };
    case 'batching':
      return { strategy: 'batching', config: { size: 3, timeout: 300 } };
    default:
      return undefined;
  }
}
