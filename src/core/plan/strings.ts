/**
 * How every stage of a plan writes and orders names: the loader, the rule compiler and the checker
 * quote a value from the file in their one-line messages; the checker's "did you mean" and the drafted
 * plan order names the same way on every machine.
 */

/** A value from the file, quoted for a one-line message: JSON escapes keep newlines out, long values are cut. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
}

/** Code-unit order, the same on every machine and locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
