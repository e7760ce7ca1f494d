/**
 * What the CLI lets reach a terminal, and what it reads as text. Tracking payloads are untrusted: a
 * control character in an event name or a value (an escape sequence, a carriage return) must be
 * shown, not obeyed by the terminal.
 */

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with every control character written as an escape (`\u001b`), as JSON would write it. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
