/**
 * A flagged value as a finding shows it: enough to recognise it (`j***@e***.com`, `•••• 1111`), never
 * the value itself. A finding's message is shown, exported and pasted into issues: it must not carry
 * what it warns about.
 */
import type { Detection } from './detection';

const HIDDEN = '•••';

export function masked(detection: Detection): string {
  const { kind, match } = detection;
  switch (kind) {
    case 'email': {
      const [local = '', domain = ''] = match.split('@');
      const dot = domain.lastIndexOf('.');
      return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${domain.slice(dot)}`;
    }
    case 'card':
      return `•••• ${lastDigits(match, 4)}`;
    case 'iban':
      return `${match.slice(0, 2)}•• •••• ${lastCharacters(match, 4)}`;
    case 'ssn':
      return `•••-••-${lastDigits(match, 4)}`;
    case 'phone':
      return `${HIDDEN} ${lastDigits(match, 2)}`;
    case 'jwt':
      return `${match.slice(0, 6)}${HIDDEN}`;
    case 'credential':
      return `${credentialPrefix(match)}${HIDDEN}`;
    case 'password':
      return '••••••';
    case 'url-secret':
      return withRangesReplaced(match, detection.secrets ?? [], () => HIDDEN);
    case 'ip':
      return match.includes(':') ? `${match.split(':')[0] ?? ''}:${HIDDEN}` : match.replace(/\.\d+\.\d+$/, '.•.•');
  }
}

/** `text` with each range (in order, not overlapping) replaced by what `by` gives for its content. */
export function withRangesReplaced(
  text: string,
  ranges: readonly { readonly start: number; readonly end: number }[],
  by: (content: string) => string,
): string {
  let out = '';
  let at = 0;
  for (const { start, end } of ranges) {
    out += text.slice(at, start) + by(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

function lastDigits(text: string, count: number): string {
  return text.replace(/\D/g, '').slice(-count);
}

function lastCharacters(text: string, count: number): string {
  return text.replace(/ /g, '').slice(-count);
}

/** What names the vendor and not the key: `sk_live_`, `AKIA`, `ghp_`, `xoxb-`, `AIza`, `Bearer `. */
function credentialPrefix(key: string): string {
  const prefix = /^(?:Bearer +|-----BEGIN [A-Z ]*PRIVATE KEY-----|[A-Za-z]{2,6}(?:_(?:live|test|pat))?[_-]|SG\.)/.exec(
    key,
  )?.[0];
  return prefix ?? key.slice(0, 4);
}
