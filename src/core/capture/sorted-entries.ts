/**
 * Lists kept in order whose new items nearly always belong at the end, and whose lookups nearly
 * always want recent items (timelines: calls arrive in time order, outcomes follow soon after).
 * Both work from the end, so the common case costs one comparison.
 */

/** Inserts `item` after every item that does not compare greater, searching from the end; returns where. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): number {
  let index = list.length;
  while (index > 0 && compare(list[index - 1] as T, item) > 0) index--;
  if (index === list.length) list.push(item);
  else list.splice(index, 0, item);
  return index;
}

/** The index of the last item that matches, or -1. */
export function lastIndexWhere<T>(list: readonly T[], match: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (match(list[i] as T)) return i;
  return -1;
}
