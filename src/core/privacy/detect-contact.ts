/** Detectors for what reaches a person or a device: email addresses and IP addresses. */

/**
 * An address anywhere in the text. A top-level domain that is a file type is a retina image name
 * (`logo@2x.png`), not an address.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,24})(?![A-Za-z0-9-])/g;
const FILE_TYPES = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'js', 'mjs', 'css', 'html']);

export function findEmail(text: string): string | null {
  for (const match of text.matchAll(EMAIL)) if (!FILE_TYPES.has((match[1] ?? '').toLowerCase())) return match[0];
  return null;
}

/**
 * Four octets not glued to a word, a path or a version (`Chrome/120.0.0.0` in a user agent, `v1.2.3.4`).
 * All four below 10 is a version string (`1.2.3.4`) far more often than anyone's address.
 */
const IPV4 = /(?<![\w./-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w.-]|\/\d)/g;
/** IPv6 as the whole value only: a time (`10:00:00`) or a MAC address has colons too. */
const IPV6 = /^(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$|^(?=[0-9a-f:]{3,39}$)(?!.*::.*::)[0-9a-f]{0,4}(?::[0-9a-f]{0,4})*$/i;

export function findIp(text: string): string | null {
  for (const match of text.matchAll(IPV4)) {
    const octets = match.slice(1, 5).map((octet) => octet ?? '');
    if (octets.every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet)) && octets.some((o) => o.length > 1))
      return match[0];
  }
  if (text.includes('::') || text.split(':').length === 8) {
    const trimmed = text.trim();
    if (IPV6.test(trimmed) && trimmed.split(':').filter(Boolean).length >= 2) return trimmed;
  }
  return null;
}
