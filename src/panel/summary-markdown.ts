/** Copy as Markdown: the Summary's table as a GitHub-flavoured Markdown table, for a pull request or an issue. */
import type { SummaryLine } from './store/summary';
import type { SummaryColumn } from './views/summary-columns';

export function summaryAsMarkdown(lines: readonly SummaryLine[], columns: readonly SummaryColumn[]): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(columns.map((column) => column.header)),
    row(columns.map((column) => (column.numeric ? '---:' : '---'))),
    ...lines.map((line) => row(columns.map((column) => cell(column.text(line))))),
  ].join('\n');
}

/**
 * Page data is text here too: Markdown's punctuation is escaped (an event named `<img …>` or `**x**` stays as sent), a
 * `|` would end the cell, and a line break the row.
 */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
}
