/** What the CLI reads as text. (What it lets reach a terminal is core/text/printable.ts.) */

/** Bytes that text has none of: NUL, and the C0 controls other than tab, line feed, form feed and carriage return. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/g;

/**
 * Whether the start of a file is text (NDJSON and HAR are): no NUL byte, and control characters are
 * rare. A compressed or binary file read as lines would become hundreds of invalid "messages".
 */
export function looksLikeText(head: Buffer | string): boolean {
  const text = typeof head === 'string' ? head : head.toString('latin1');
  if (text.includes('\u0000')) return false;
  const controls = text.match(BINARY)?.length ?? 0;
  return controls <= text.length / 100;
}
