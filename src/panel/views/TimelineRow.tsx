/** One row of the timeline: a message, or a navigation marker spanning the row. */
import { recordName } from '../../core/label';
import type { Row } from '../store/rows';
import { identityOf, outcomeOf, senderOf, verdictOf, whenShown } from './format';

interface Props {
  readonly row: Row;
  readonly selected: boolean;
  readonly onSelect: (key: string) => void;
}

export function TimelineRow({ row, selected, onSelect }: Props) {
  if (row.kind === 'navigation') {
    return (
      <div class="row navigation" role="row" title={row.url}>
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
