/**
 * GitHub tables (a CI step summary, a pull-request comment, the panel's Copy as Markdown). Cells quote untrusted input:
 * control characters are written as escapes (printable.ts), and what would format or break the table is escaped too.
 */
import { printable } from './printable';

export type Row = readonly string[];

export function markdownTable(headers: Row, rows: readonly Row[], numeric: readonly number[] = []): string {
  const line = (row: Row) => `| ${row.map(markdownCell).join(' | ')} |\n`;
  const rule = headers.map((_, column) => (numeric.includes(column) ? '---:' : '---'));
  return line(headers) + `| ${rule.join(' | ')} |\n` + rows.map(line).join('');
}

/** A cell's text as Markdown shows it literally: no emphasis, link, HTML or column break comes from the input. */
export function markdownCell(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}
