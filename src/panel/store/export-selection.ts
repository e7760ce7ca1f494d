/** What Export writes: the messages the timeline shows, so an active filter narrows the export. */
import type { MessageRecord } from '../../core/record';
import { messageRowsOf, type Row } from './rows';

export function recordsToExport(shownRows: readonly Row[]): MessageRecord[] {
  return messageRowsOf(shownRows).map((row) => row.record);
}
