/** A capture diff as the CLI prints it: a table for a terminal, a GitHub table, or JSON in issue 18's shape. */
import type { CaptureDiff } from '../core/diff/diff-captures';
import { countOf } from './cli-io';
import { markdownCell, markdownTable } from '../core/text/markdown-table';
import { textTable, type Row } from './report-table';

const HEADERS: Row = ['change', 'type', 'event', 'path', 'before', 'after', 'most common new problem'];

/** `{"events":{"added","removed"},"properties":[…],"verdicts":[…]}`, one line. */
export function diffJson(diff: CaptureDiff): string {
  return JSON.stringify(diff) + '\n';
}

export function diffText(diff: CaptureDiff): string {
  const rows = rowsOf(diff);
  return rows.length ? `${textTable(HEADERS, rows)}\n${summary(diff)}\n` : `${summary(diff)}\n`;
}

export function diffMarkdown(diff: CaptureDiff): string {
  const rows = rowsOf(diff);
  const head = `**${markdownCell(summary(diff))}**\n`;
  return rows.length ? `${head}\n${markdownTable(HEADERS, rows)}` : head;
}

/** What fails first: removed events, then property changes (removed and type-changed before added), then verdicts. */
function rowsOf(diff: CaptureDiff): Row[] {
  const sent = (seen: number) => `${countOf(seen, 'message')}`;
  const invalid = ({ seen, invalid }: { seen: number; invalid: number }) => `${invalid} of ${seen} invalid`;
  const order = { removed: 0, 'type-changed': 1, added: 2 } as const;
  const properties = [...diff.properties].sort((a, b) => order[a.change] - order[b.change]);
  return [
    ...diff.events.removed.map((e) => ['event removed', e.type, e.name ?? '', '', sent(e.seen), '', '']),
    ...properties.map((p) => [
      p.change === 'type-changed' ? 'type changed' : `property ${p.change}`,
      p.type,
      p.name ?? '',
      p.path,
      p.before.join(' | '),
      p.after.join(' | '),
      '',
    ]),
    ...diff.verdicts.map((v) => [
      'got worse',
      v.type,
      v.name ?? '',
      '',
      invalid(v.before),
      invalid(v.after),
      v.topProblem ?? '',
    ]),
    ...diff.events.added.map((e) => ['event added', e.type, e.name ?? '', '', '', sent(e.seen), '']),
  ];
}

/** `1 event removed, 2 added; 3 properties changed (1 added); 1 event got worse`. */
function summary(diff: CaptureDiff): string {
  const { added, removed } = diff.events;
  const propertiesAdded = diff.properties.filter((p) => p.change === 'added').length;
  const parts = [
    `${countOf(removed.length, 'event')} removed, ${added.length} added`,
    `${countOf(diff.properties.length, 'property change')} (${propertiesAdded} added)`,
    `${countOf(diff.verdicts.length, 'event')} got worse`,
  ];
  return parts.join('; ');
}
