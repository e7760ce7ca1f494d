/** What a panel test does as a user would: click, pick a view, read cells, copy to a (spied) clipboard. */
import { act } from 'preact/test-utils';
import { vi } from 'vitest';

export const click = (element: Element | null | undefined) => act(() => (element as HTMLElement).click());

/** The toolbar's view switch named `name` (Timeline, Summary, Coverage) in the panel rendered into `root`. */
export const tabIn = (root: ParentNode) => (name: string) =>
  [...root.querySelectorAll('[role="tab"]')].find((tab) => tab.textContent === name);

/** The text of each element `selector` finds, in `root` unless told where. */
export const textsIn =
  (root: ParentNode) =>
  (selector: string, within: ParentNode = root) =>
    [...within.querySelectorAll(selector)].map((element) => element.textContent);

/**
 * The timeline's rows `selector` finds, in the order the user sees them: the DOM holds them by place
 * (timeline-places.ts), each saying its position with aria-rowindex.
 */
export const timelineRowsIn = (root: ParentNode) => (selector: string) =>
  [...root.querySelectorAll(selector)].sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );

/** The Copy button among `buttons`, by its text ("Copy as Markdown", then "Copied"). */
export const copyButton = (buttons: NodeListOf<Element>) => [...buttons].find((b) => /^Cop/.test(b.textContent ?? ''));

/** Clicks `button` and returns what it wrote to the clipboard, one array of arguments per write. */
export async function copiedBy(button: Element | undefined): Promise<unknown[][]> {
  // happy-dom's clipboard waits for a permission no one grants: the spy stands in for the system clipboard.
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  await act(async () => {
    (button as HTMLElement).click();
    await writeText.mock.results[0]?.value;
  });
  return writeText.mock.calls;
}
