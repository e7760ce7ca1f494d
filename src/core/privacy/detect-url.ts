/**
 * URLs and query strings (`context.page.url`, `context.page.search`, `referrer`, any property holding a
 * link): flagged only for what their query or fragment carries: a parameter named for a secret or
 * personal data (`token`, `email`, `code`, `session`…) with a value, or a value that is personal data
 * itself (`?q=jane@example.com`). The path and the host are left alone: a URL without secrets is never
 * flagged, whatever its path looks like.
 */
import type { Detection, TextRange } from './detection';

/**
 * A URL, a path, a query or a fragment: what starts as `/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\?|#|www\.)/i` does. A
 * scheme's characters cannot hold a `:`, so its `://` can only be at the text's first colon: one native search for
 * that character (most texts have none), then a look at what comes before it. A search for `://` cost more, and a
 * regex more still.
 */
export function looksLikeUrl(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 47 || first === 63 || first === 35) return true; // "/", "?", "#"
  if (!isLetter(first)) return false;
  if ((first | 0x20) === 119 && (text.charCodeAt(1) | 0x20) === 119 && (text.charCodeAt(2) | 0x20) === 119) {
    if (text.charCodeAt(3) === 46) return true; // "www."
  }
  const colon = text.indexOf(':');
  if (colon < 0 || text.charCodeAt(colon + 1) !== 47 || text.charCodeAt(colon + 2) !== 47) return false; // "://"
  for (let i = 1; i < colon; i++) if (!isSchemeCharacter(text.charCodeAt(i))) return false;
  return true;
}

function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

/** Letters, digits, "+", "." and "-". */
function isSchemeCharacter(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 43 || code === 46 || code === 45;
}

/** Parameter names (lower case, without `-`, `_`, `.`) whose value is a secret or personal data by name. */
const SECRET_NAMES = new Set(['code', 'session', 'sid', 'pwd', 'pass', 'otp', 'ssn', 'phone', 'auth', 'jwt']);
/** …and name endings: `reset_token`, `user_email`, `client_secret`, `x-amz-signature`, `PHPSESSID`. */
const SECRET_ENDINGS = ['token', 'password', 'passwd', 'secret', 'email', 'apikey', 'sessionid', 'sessid', 'signature'];

export function isSecretParameter(name: string): boolean {
  const normal = name.toLowerCase().replace(/[-_.]/g, '');
  return SECRET_NAMES.has(normal) || SECRET_ENDINGS.some((ending) => normal.endsWith(ending));
}

/**
 * The URL's secret parameter values, as ranges of `url`, or null when it has none. `valueKind` tells
 * whether a parameter's value is personal data by itself (the text detectors, passed in to avoid a cycle).
 */
export function findUrlSecrets(url: string, valueKind: (value: string) => unknown): Detection | null {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  const secrets: TextRange[] = [];
  if (query >= 0 && (hash < 0 || query < hash))
    collect(url, query + 1, hash < 0 ? url.length : hash, secrets, valueKind);
  // A fragment with parameters: OAuth's implicit flow hands `#access_token=…` to the page.
  if (hash >= 0 && url.indexOf('=', hash) >= 0) collect(url, hash + 1, url.length, secrets, valueKind);
  return secrets.length > 0 ? { kind: 'url-secret', match: url, secrets } : null;
}

function collect(
  url: string,
  start: number,
  end: number,
  into: TextRange[],
  valueKind: (value: string) => unknown,
): void {
  let at = start;
  while (at < end) {
    let next = url.indexOf('&', at);
    if (next < 0 || next > end) next = end;
    const equals = url.indexOf('=', at);
    if (equals > at && equals < next - 1) {
      const name = url.slice(at, equals);
      const value = formDecoded(url.slice(equals + 1, next));
      if (isSecretParameter(formDecoded(name)) || valueKind(value) !== null)
        into.push({ start: equals + 1, end: next });
    }
    at = next + 1;
  }
}

/** A query part as a browser's URLSearchParams reads it (`+` a space); as it is when its escapes are broken. */
export function formDecoded(part: string): string {
  const spaced = part.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
