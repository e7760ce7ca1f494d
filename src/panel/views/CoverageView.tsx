/**
 * What the session covered of the tracking plan, as a QA checklist: never-seen rules first, then never valid,
 * sometimes valid, always valid. A click on a rule shows its messages in the timeline; Copy as Markdown copies the
 * table `track-inspector coverage --markdown` prints for the same messages.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { coverageHeadline, coverageMarkdown } from '../../core/coverage/coverage-markdown';
import { checklistOrder, type CoverageReport, type RuleCoverage } from '../../core/coverage/coverage-report';
import { copyText } from '../copy';
import { usePanel } from '../store/context';
import { CoverageUnavailable } from './CoverageUnavailable';

/** Past this many, the unplanned events are counted, not listed: the Summary's Unplanned column has them all. */
const UNPLANNED_LISTED = 10;

export function CoverageView() {
  const store = usePanel();
  // The report copied: "Copied" stays only while the table shows what was copied.
  const [copied, setCopied] = useState<CoverageReport | null>(null);
  const report = store.coverage.value;
  if (!report) return <CoverageUnavailable />;
  const copy = () => void copyText(coverageMarkdown(report)).then(() => setCopied(report));
  return (
    <div class="summary-view coverage-view">
      <div class="summary-actions">
        <p class="coverage-headline">
          <strong>{coverageHeadline(report)}</strong>
          {store.filters.active.value && <span class="got"> · every message of the session, whatever the filter</span>}
        </p>
        <button onClick={copy} title="Copy this table as Markdown, as track-inspector coverage --markdown prints it">
          {copied === report ? 'Copied' : 'Copy as Markdown'}
        </button>
      </div>
      <Unplanned report={report} />
      <table>
        <thead>
          <tr>
            <th>State</th>
            <th>Type</th>
            <th>Event</th>
            <th class="num">Seen</th>
            <th class="num">Invalid</th>
            <th>Most common problem</th>
            <th>Planned, never sent</th>
            <th>Required, missing</th>
          </tr>
        </thead>
        <tbody>
          {checklistOrder(report.rules).map((rule) => (
            <RuleLine key={`${rule.type}:${rule.name ?? ''}`} rule={rule} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RuleLine({ rule }: { rule: RuleCoverage }) {
  const store = usePanel();
  // A button where the rule is named (the event of a track rule, the type of the others): the keyboard reaches it.
  const link = (text: string) => <button class="link">{text}</button>;
  return (
    <tr
      class={rule.state}
      title={rule.seen ? `Show the ${rule.seen === 1 ? 'message' : `${rule.seen} messages`} in the timeline` : ''}
      onClick={() => store.showEventInTimeline(rule.type, rule.name)}
    >
      <td>
        <span class={`coverage-state ${rule.state}`}>{rule.state.replace('-', ' ')}</span>
      </td>
      <td class="name">{rule.name === null ? link(rule.type) : rule.type}</td>
      <td class="name">{rule.name !== null && link(rule.name)}</td>
      <td class="num">{rule.seen}</td>
      <td class="num invalid">{rule.invalid}</td>
      <td>{rule.topProblem ?? ''}</td>
      <td>{rule.properties.neverSeen.join(', ')}</td>
      <td class="required-missing">{rule.properties.requiredMissing.join(', ')}</td>
    </tr>
  );
}

function Unplanned({ report }: { report: CoverageReport }) {
  const store = usePanel();
  const { unplanned } = report;
  if (!unplanned.length) return null;
  const more = unplanned.length - UNPLANNED_LISTED;
  return (
    <p class="coverage-unplanned">
      Unplanned events (not in the plan):{' '}
      {unplanned.slice(0, UNPLANNED_LISTED).map((event, index) => (
        <Fragment key={event.name}>
          {index > 0 && ', '}
          <button class="link" onClick={() => store.showEventInTimeline('track', event.name)}>
            {event.name}
          </button>{' '}
          <span class="got">{event.seen}×</span>
        </Fragment>
      ))}
      {more > 0 && `, and ${more} more`}
    </p>
  );
}
