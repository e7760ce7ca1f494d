/**
 * One row of the timeline: a message, or a navigation marker spanning the row. Placed at its row's position by a
 * transform (the timeline's places keep DOM order apart from timeline order: Timeline.tsx), and rendered again only
 * when its row, position or selection changed.
 */
import { Component } from 'preact';
import { recordName } from '../../core/label';
import type { Row } from '../store/rows';
import { identityOf, outcomeOf, senderOf, verdictOf, whenShown } from './format';
import { ROW_HEIGHT } from './timeline-places';

interface Props {
  /** The row's index in the timeline (0 first). */
  readonly index: number;
  readonly row: Row;
  readonly selected: boolean;
  readonly onSelect: (key: string) => void;
}

export class TimelineRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (
      next.row !== now.row ||
      next.index !== now.index ||
      next.selected !== now.selected ||
      next.onSelect !== now.onSelect
    );
  }

  override render(props: Props) {
    return renderRow(props);
  }
}

function renderRow({ index, row, selected, onSelect }: Props) {
  // The header is the grid's first row.
  const placed = { 'aria-rowindex': index + 2, style: { transform: `translateY(${index * ROW_HEIGHT}px)` } };
  if (row.kind === 'navigation') {
    return (
      <div class="row navigation" role="row" title={row.url} {...placed}>
        <span class="cell time">{whenShown(row.at, Date.now()).text}</span>
        <span class="cell wide">Navigated to {row.url}</span>
      </div>
    );
  }
  const { record } = row;
  const verdict = verdictOf(record);
  const outcome = outcomeOf(record);
  const identity = identityOf(record);
  const when = whenShown(record.capturedAt, Date.now());
  const sender = senderOf(record);
  return (
    <div
      class={`row message ${verdict.kind}${selected ? ' selected' : ''}`}
      role="row"
      aria-selected={selected}
      data-key={row.key}
      {...placed}
      onClick={() => onSelect(row.key)}
    >
      <span class="cell time" title={when.title}>
        {when.text}
      </span>
      <span class="cell type">{record.type}</span>
      <span class="cell name" title={recordName(record)}>
        {recordName(record)}
        {record.batch && <span class="batch-position">{` ${record.batch.index}/${record.batch.count}`}</span>}
      </span>
      <span class="cell identity" title={identity.full}>
        {identity.short}
      </span>
      <span class="cell sender" title={sender.title}>
        {sender.text}
      </span>
      <span class={`cell outcome ${outcome.kind}`} title={outcome.title}>
        {outcome.text}
      </span>
      <span class={`cell verdict ${verdict.kind}`} title={verdict.text}>
        {verdict.text}
      </span>
    </div>
  );
}
