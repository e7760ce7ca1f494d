/**
 * Untrusted text (event names, values, problems) made safe to print: a control character (an escape sequence, a
 * carriage return) is shown, not obeyed by a terminal, and does not break a line of a report. The CLI's reports and
 * the panel's copies both go through it.
 */

// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with every control character written as an escape (`\u001b`), as JSON would write it. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
