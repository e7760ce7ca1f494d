/**
 * The tabs of this browser session whose timelines were deleted because they closed. What still arrives for
 * one (a request the browser hands over late, a page report recorded once its grace period is over, a call whose
 * sending document was being looked up) is dropped instead of starting its timeline again: nobody could see it,
 * since the tab's DevTools closed with the tab, and it would sit in memory and storage until the next start.
 * Browsers do not reuse a tab id within a session; a new session starts without this list.
 */
const REMEMBERED = 1000;

export class ClosedTabs {
  private readonly ids = new Set<number>();

  add(tabId: number): void {
    this.ids.add(tabId);
    if (this.ids.size > REMEMBERED) this.ids.delete(this.ids.values().next().value as number);
  }

  has(tabId: number): boolean {
    return this.ids.has(tabId);
  }
}
