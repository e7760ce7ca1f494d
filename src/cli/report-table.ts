/**
 * The tables coverage and diff print for a terminal: aligned columns. Cells quote the input (event names, problems):
 * control characters are written as escapes (core/text/printable.ts). Their GitHub tables are core/text/markdown-table.ts.
 */
import { printable } from '../core/text/printable';
import type { Row } from '../core/text/markdown-table';

export type { Row } from '../core/text/markdown-table';

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
