/** Items held for a while, each with its own timer: taken when it found what it waited for, else it expires. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Held<T> {
  readonly item: T;
  readonly timer: unknown;
  readonly taken: () => void;
}

const nothing = (): void => undefined;

export class HeldList<T> {
  private readonly held: Held<T>[] = [];

  constructor(private readonly timers: Timers) {}

  get length(): number {
    return this.held.length;
  }

  /** Oldest first. */
  items(): T[] {
    return this.held.map((held) => held.item);
  }

  /** Holds `item` for `ms`: `taken` runs if it is taken before, `expired` once the time is over. */
  hold(item: T, ms: number, taken: () => void = nothing, expired: () => void = nothing): void {
    const timer = this.timers.setTimeout(() => {
      const index = this.held.findIndex((held) => held.item === item);
      if (index >= 0) this.held.splice(index, 1);
      expired();
    }, ms);
    this.held.push({ item, timer, taken });
  }

  /** Removes `item`, running its `taken`; false when it is not held. */
  take(item: T): boolean {
    const index = this.held.findIndex((held) => held.item === item);
    const [held] = index < 0 ? [] : this.held.splice(index, 1);
    if (!held) return false;
    this.timers.clearTimeout(held.timer);
    held.taken();
    return true;
  }
}
