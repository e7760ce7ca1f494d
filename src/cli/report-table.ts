/**
 * The tables coverage and diff print: aligned columns for a terminal, or a GitHub table (a CI step summary, a
 * pull-request comment). Cells quote the input (event names, problems): control characters are written as escapes
 * (terminal-text.ts), and in Markdown what would format or break the table is escaped too.
 */
import { printable } from './terminal-text';

export type Row = readonly string[];

/** Columns padded to their widest cell, two spaces apart; a number column (`numeric`) aligned right. */
export function textTable(headers: Row, rows: readonly Row[], numeric: readonly number[] = []): string {
  const cells = [headers, ...rows].map((row) => row.map(printable));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  const pad = (cell: string, column: number) => {
    const gap = ' '.repeat((widths[column] ?? 0) - [...cell].length);
    return numeric.includes(column) ? gap + cell : cell + gap;
  };
  return cells.map((row) => row.map(pad).join('  ').trimEnd() + '\n').join('');
}

export function markdownTable(headers: Row, rows: readonly Row[], numeric: readonly number[] = []): string {
  const line = (row: Row) => `| ${row.map(markdownCell).join(' | ')} |\n`;
  const rule = headers.map((_, column) => (numeric.includes(column) ? '---:' : '---'));
  return line(headers) + `| ${rule.join(' | ')} |\n` + rows.map(line).join('');
}

/** A cell's text as Markdown shows it literally: no emphasis, link, HTML or column break comes from the input. */
export function markdownCell(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}
