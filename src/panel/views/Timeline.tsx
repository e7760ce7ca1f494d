/**
 * The virtualised timeline: only the rows in view (plus a few) are in the DOM, so 50,000 rows
 * scroll like 50. New rows stick to the bottom unless the user has scrolled up.
 *
 * Each row in the DOM is a place (timeline-places.ts) that keeps showing its row while the window slides: as calls
 * stream in, only the places of the rows that came into view get new text, and the rest are not rendered or
 * restyled again. (A publish's layout cost as much as before in bench:panel-render: what costs is laying out the new
 * rows' cells; docs/benchmarks.md, issue 22.) The places are in the DOM in place order, not timeline order: each
 * says its row's position with aria-rowindex.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { usePanel } from '../store/context';
import { placesFor, ROW_HEIGHT } from './timeline-places';
import { TimelineRow } from './TimelineRow';

const OVERSCAN = 8;

export function Timeline() {
  const store = usePanel();
  const rows = store.rows.value;
  const selectedKey = store.selectedKey.value;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [following, setFollowing] = useState(true);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const bottom = Math.max(0, rows.length * ROW_HEIGHT - height);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (element && following) element.scrollTop = bottom;
  }, [bottom, following]);

  // Keep the keyboard selection in view when it moves, not whenever rows stream in (the user may
  // have scrolled away from it): the latest rows are read through a ref.
  const latestRows = useRef(rows);
  latestRows.current = rows;
  useLayoutEffect(() => {
    const element = viewport.current;
    const index = latestRows.current.findIndex((row) => row.key === selectedKey);
    if (!element || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  }, [selectedKey]);

  function onScroll() {
    const element = viewport.current;
    if (!element) return;
    const atBottom = element.scrollTop >= rows.length * ROW_HEIGHT - height - ROW_HEIGHT;
    setFollowing(atBottom);
    if (!atBottom) setScrollTop(element.scrollTop); // while following, the render knows the position
  }

  // While following, the window is the bottom: known without waiting for the scroll event.
  const top = following ? bottom : scrollTop;
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  // As many places as the window holds at this height (following, it has no rows below the view): a row keeps its
  // place while it stays in view, and a row that comes into view takes the place of one that left, whose elements
  // then only change their text. More places than rows would leave some empty, and rows would be made and removed.
  const places = placesFor(first, last, Math.ceil(height / ROW_HEIGHT) + OVERSCAN + (following ? 0 : OVERSCAN + 1));
  // One function for every render: a row whose props are the same is not rendered again.
  const select = useCallback((key: string) => store.select(key, true), [store]);

  return (
    <div class="timeline" role="grid" aria-rowcount={rows.length + 1} style={{ '--row-height': `${ROW_HEIGHT}px` }}>
      <div class="row header" role="row" aria-rowindex={1}>
        <span class="cell time">Time</span>
        <span class="cell type">Type</span>
        <span class="cell name">Name</span>
        <span class="cell identity">Identity</span>
        <span class="cell sender">Sender</span>
        <span class="cell outcome">Status</span>
        <span class="cell verdict">Verdict</span>
      </div>
      <div class="viewport" ref={viewport} onScroll={onScroll}>
        <div class="spacer" style={{ height: rows.length * ROW_HEIGHT }}>
          {/* By place, not by row (timeline-places.ts): a row that stays in view stays where it is in the DOM. A
              place left empty (the window is shorter than the places) renders nothing. */}
          {places.map((index) => {
            const row = index === null ? undefined : rows[index];
            return row === undefined || index === null ? null : (
              <TimelineRow index={index} row={row} selected={row.key === selectedKey} onSelect={select} />
            );
          })}
        </div>
        {store.counts.value.shown === 0 && (
          // Navigation rows may be there: the hint is about messages.
          <p class="empty">{emptyHint(store.counts.value.total > 0, store.imported.value !== null)}</p>
        )}
      </div>
      {!following && rows.length > 0 && (
        <button class="follow" onClick={() => setFollowing(true)}>
          Scrolled up: auto-scroll paused. Jump to latest
        </button>
      )}
    </div>
  );
}

/** What an empty timeline says: the filter hides everything, the imported file held nothing, or nothing came yet. */
function emptyHint(filtered: boolean, imported: boolean): string {
  if (filtered) return 'No message matches the filter.';
  if (imported) return 'This file holds no tracking messages.';
  return 'No tracking calls yet. Calls to June and Segment-compatible endpoints from this tab appear here.';
}
