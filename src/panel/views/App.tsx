/** The Track panel: toolbar, filter bar, the timeline (with the detail pane), the summary or the plan's coverage. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { usePanel } from '../store/context';
import { importFile } from '../store/import-file';
import { CoverageView } from './CoverageView';
import { DetailPane } from './DetailPane';
import { FilterBar } from './FilterBar';
import { ImportBanner } from './ImportBanner';
import { SummaryView } from './SummaryView';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';

/** Inputs that take no typing: a key pressed on one (after a click on Strict mode, say) is a shortcut. */
const UNTYPED_INPUTS: ReadonlySet<string> = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'range',
]);

/** Keys that move the focus or wait for another key: no action yet, so the toolbar's note stays. */
const FOCUS_KEYS: ReadonlySet<string> = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta']);

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  ((target instanceof HTMLInputElement && !UNTYPED_INPUTS.has(target.type)) ||
    target.tagName === 'TEXTAREA' ||
    target.isContentEditable);

export function App() {
  const store = usePanel();
  const filterInput = useRef<HTMLInputElement>(null);

  // A layout effect: the keys work from the first paint, not a frame later.
  useLayoutEffect(() => {
    // Keyboard as in the Network panel: / focuses the filter, up/down move, Enter opens details.
    function onKey(event: KeyboardEvent) {
      if (!FOCUS_KEYS.has(event.key)) store.status.dismiss(); // the toolbar's note was about the action before
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === '/') filterInput.current?.focus();
      // The Summary and Coverage have no selection: there the keys are the page's (Enter on a line's button shows its
      // messages).
      else if (store.view.value !== 'timeline') return;
      else if (event.key === 'ArrowDown') store.moveSelection(1);
      else if (event.key === 'ArrowUp') store.moveSelection(-1);
      else if (event.key === 'Enter' && store.selectedKey.value) store.select(store.selectedKey.value, true);
      else if (event.key === 'Escape' && store.detailOpen.value) store.select(store.selectedKey.value, false);
      else return;
      event.preventDefault();
      // A key the panel handled goes no further: DevTools' extension API forwards Esc (and F-keys) from a
      // panel's document to DevTools, whatever the panel did with it, and Esc there toggles the Console
      // drawer, which takes the focus (its keydown listener on the document does not check
      // defaultPrevented). Caught first on the window, the event never reaches that listener.
      event.stopPropagation();
    }
    // Before the click's own handler: a click on Export dismisses the last note, then says its own.
    const onClick = () => store.status.dismiss();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('click', onClick, true);
    };
  }, [store]);

  const pageUrl = () => {
    const rows = store.rows.value;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row?.kind === 'message' && row.record.pageUrl) return row.record.pageUrl;
      if (row?.kind === 'navigation') return row.url;
    }
    return '';
  };

  return (
    <div
      class="panel"
      // A file dropped anywhere on the panel is imported, as Import would (an NDJSON export or a HAR).
      onDragOver={(event) => {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const file = event.dataTransfer?.files[0];
        if (!file) return;
        event.preventDefault();
        void importFile(store, file);
      }}
    >
      <Toolbar pageUrl={pageUrl} />
      <FilterBar inputRef={filterInput} />
      {store.protocolMismatch.value && (
        <p class="import-banner" role="alert">
          Track Inspector was updated while this panel was open. Close and reopen DevTools to see live calls again.
        </p>
      )}
      <ImportBanner />
      {/* The details belong to the timeline: the Summary and Coverage hide them and take the width; back in the timeline
          they are as they were. */}
      {store.view.value === 'timeline' ? (
        <div class={`main${store.detailOpen.value ? ' with-detail' : ''}`}>
          <Timeline />
          <DetailPane />
        </div>
      ) : (
        <div class="main">{store.view.value === 'summary' ? <SummaryView /> : <CoverageView />}</div>
      )}
    </div>
  );
}
