// The Track panel. At this stage it only says what it will show; the timeline lands with the panel issue.
import { render } from 'preact';

function App() {
  return (
    <main>
      <h1>Track</h1>
      <p>June and Segment tracking calls of this tab will appear here.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
