/**
 * A WebExtensions match pattern applied to a request URL, as Chromium and Firefox do it for webRequest
 * filters, for the forms the extension registers: `<all_urls>`; scheme `*` (http and https) or one
 * scheme; host `*.example.com` (example.com and its subdomains) or one host, and no port (a pattern
 * with a port matches nothing in either browser: probed); a path glob over path and query.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const parsed = new URL(url);
  if (pattern === '<all_urls>')
    return ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'data:', 'file:'].includes(parsed.protocol);
  const parts = /^(\*|[a-z]+):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme = '', host = '', path = ''] = parts;
  if (host.includes(':')) return false;
  const schemeOk =
    scheme === '*' ? parsed.protocol === 'http:' || parsed.protocol === 'https:' : parsed.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1))
      : parsed.hostname === host);
  const glob = new RegExp(`^${path.split('*').map(escape).join('.*')}$`);
  return schemeOk && hostOk && glob.test(parsed.pathname + parsed.search);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
