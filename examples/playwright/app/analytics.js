// A stand-in for an analytics SDK, small enough to read: Segment's message shapes, sent with plain
// fetch and sendBeacon to the app's own first-party endpoint (/collect/v1/...), as a proxy in front
// of Segment or June would receive them. The tracking fixture captures them because the spec names
// that endpoint in `hosts`.
const ENDPOINT = '/collect/v1';
const anonymousId = crypto.randomUUID();
let userId = null;

function message(type, fields) {
  return {
    type,
    ...fields,
    anonymousId,
    ...(userId ? { userId } : {}),
    messageId: crypto.randomUUID(),
    timestamp: new Date().toISOString(),
    context: { page: { path: location.pathname, url: location.href, title: document.title } },
  };
}

// A string body goes as text/plain, as analytics.js sends it; keepalive lets it outlive the page.
function post(path, body) {
  void fetch(`${ENDPOINT}/${path}`, { method: 'POST', body: JSON.stringify(body), keepalive: true });
}

export function page(name, properties = {}) {
  post('p', message('page', { name, properties }));
}

export function track(event, properties = {}) {
  post('t', message('track', { event, properties }));
}

export function identify(id, traits = {}) {
  userId = id;
  post('i', message('identify', { traits }));
}

/** Several track calls in one request, as an SDK's queue flushes them: a beacon, which never delays the page. */
export function trackBatch(events) {
  const batch = events.map(([event, properties]) => message('track', { event, properties }));
  navigator.sendBeacon(`${ENDPOINT}/batch`, JSON.stringify({ batch, sentAt: new Date().toISOString() }));
}
