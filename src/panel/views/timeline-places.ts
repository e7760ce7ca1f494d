/** Where the timeline's rows go: their height, and which DOM place shows which row. */

/** Every row's height in px; the stylesheet reads it as var(--row-height), set on the timeline. */
export const ROW_HEIGHT = 22;

/**
 * Which timeline row each of `count` DOM places shows, for the rows `first` to `last` (exclusive) in view. The place of
 * row `index` is `index % count`: while the window slides by fewer rows than there are places, every row still in view
 * keeps its place, and only the rows that came into view take the places of those that left. Rendered in place order,
 * the DOM then changes only where a row changed. A place with no row is null.
 */
export function placesFor(first: number, last: number, count: number): readonly (number | null)[] {
  const places: (number | null)[] = new Array<number | null>(count).fill(null);
  // A window longer than the places (a resize between the two measures) shows its first `count` rows.
  for (let index = first; index < Math.min(last, first + count); index++) places[index % count] = index;
  return places;
}
