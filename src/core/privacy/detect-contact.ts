/** Detectors for what reaches a person or a device: email addresses and IP addresses. */

/**
 * An address anywhere in the text. A top-level domain that is a file type is a retina image name
 * (`logo@2x.png`), not an address.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,24})(?![A-Za-z0-9-])/g;
const FILE_TYPES = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'js', 'mjs', 'css', 'html']);

export function findEmail(text: string): string | null {
  EMAIL.lastIndex = 0;
  for (let match = EMAIL.exec(text); match; match = EMAIL.exec(text))
    if (!FILE_TYPES.has((match[1] ?? '').toLowerCase())) return match[0];
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
  return findIpv4(text) ?? findIpv6(text, colonsIn(text));
}

/** Needs three dots: callers that counted them call it only then. */
export function findIpv4(text: string): string | null {
  IPV4.lastIndex = 0;
  for (let match = IPV4.exec(text); match; match = IPV4.exec(text)) {
    const octets = match.slice(1, 5).map((octet) => octet ?? '');
    if (octets.every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet)) && octets.some((o) => o.length > 1))
      return match[0];
  }
  return null;
}

/** `colons`: how many the text holds. IPv6 has a "::" or seven of them: a time (`10:00:00`) has neither. */
export function findIpv6(text: string, colons: number): string | null {
  if (colons !== 7 && !(colons >= 2 && text.includes('::'))) return null;
  const trimmed = text.trim();
  return IPV6.test(trimmed) && trimmed.split(':').filter(Boolean).length >= 2 ? trimmed : null;
}

function colonsIn(text: string): number {
  let colons = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) colons++;
  return colons;
}
